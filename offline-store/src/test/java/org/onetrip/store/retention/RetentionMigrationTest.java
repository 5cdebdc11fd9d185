package org.onetrip.store.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.testing.StoreFixture;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** A terminal's file from before retention (schema V050) with a filing in it, brought up to date at start. */
class RetentionMigrationTest {
    static {
        StoreFixture.useLocalSqliteNatives();
    }

    @TempDir
    Path dir;

    @Test
    void a_store_from_before_retention_keeps_its_filings_materials_and_immutability() throws Exception {
        Path file = dir.resolve("store.db");
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource old = new SQLiteDataSource(config);
        old.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(old).locations("classpath:org/onetrip/store/db/migration").target("050").load()
                .migrate();
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO submission (id, task_code, item_name, item_version, applicant_key, applicant_mask,
                        sealed_at, body, body_sm3, status, status_at)
                    VALUES ('s1', 'T', '低保', 1, 'k', '王*兰', '2026-01-01T00:00:00.000000000Z', X'7B7D', 'h', 'SENT',
                        '2026-01-01T00:00:00.000000000Z')""");
            s.execute("INSERT INTO attachment (sha256, size, media_type, stored_at) VALUES ('" + "a".repeat(64)
                    + "', 3, 'image/jpeg', '2026-01-01T00:00:00.000000000Z')");
            s.execute("""
                    INSERT INTO agency_authorisation (id, resident_key, resident_mask, task_code, item_name, staff_id,
                        slip_required, at) VALUES ('a1', 'k', '王*兰', 'T', '低保', 'AGENT', 0, '2026-01-01')""");
            s.execute("INSERT INTO agency_filing VALUES ('s1', 'a1', 'AGENT', '2026-01-01')");
            s.execute("INSERT INTO agency_material VALUES ('s1', 0, '户口簿', '" + "a".repeat(64) + "', 'B', 'AGENT')");
        }

        try (StoreFixture f = new StoreFixture(file)) {
            assertEquals(List.of(Map.of("material", "户口簿", "sha256", "a".repeat(64), "trust", "B")),
                    f.rows("SELECT material, sha256, trust FROM agency_material"));
            assertThrows(StoreException.class, () -> f.execute("UPDATE agency_material SET sha256 = NULL"),
                    "a material of an unpurged case keeps its file");
            assertThrows(StoreException.class, () -> f.execute("UPDATE submission SET body = X''"));
            assertThrows(StoreException.class, () -> f.execute("DELETE FROM attachment"), "foreign key still holds");
        }
    }
}
