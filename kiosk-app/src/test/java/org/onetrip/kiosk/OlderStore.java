package org.onetrip.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;

/**
 * Turns a store file into the one an older release would have left: a fresh file migrated only to V005 (the
 * store/sync release, before catalog, divisions and queue tickets), holding the same queue, copied column by
 * column as the V001-V005 schema has them. Test support for the update tests.
 */
final class OlderStore {
    private static final String MIGRATIONS = "classpath:org/onetrip/store/db/migration";
    private static final String COPY = """
            INSERT INTO submission (id, task_code, item_name, item_version, applicant_key, applicant_mask, sealed_at,
                promised_by, still_to_bring, body, body_sm3, status, project_no, status_note, status_at)
            SELECT id, task_code, item_name, item_version, applicant_key, applicant_mask, sealed_at, promised_by,
                still_to_bring, body, body_sm3, status, project_no, status_note, status_at FROM newer.submission;
            INSERT INTO outbox (submission_id, state, attempts, next_attempt_at, last_error, last_attempt_at,
                quarantined_at)
            SELECT submission_id, state, attempts, next_attempt_at, last_error, last_attempt_at, quarantined_at
            FROM newer.outbox;
            INSERT INTO status_history (seq, submission_id, status, note, at)
            SELECT seq, submission_id, status, note, at FROM newer.status_history;
            INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)
            SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM newer.audit_log;
            """;
    private static final String VERSION = """
            SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank DESC LIMIT 1
            """;

    private OlderStore() {
    }

    static void rewriteAtVersion5(Path file) throws IOException, SQLException {
        Path newer = file.resolveSibling("newer-" + file.getFileName());
        Files.move(file, newer);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(companion, newer.resolveSibling(newer.getFileName() + suffix));
            }
        }
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations(MIGRATIONS).target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("ATTACH DATABASE '" + newer + "' AS newer");
            for (String sql : COPY.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            s.execute("DETACH DATABASE newer");
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(newer.resolveSibling(newer.getFileName() + suffix));
        }
    }

    /** The newest migration applied to {@code file}, as a number. */
    static int schemaVersion(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(VERSION)) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
        }
    }

    /** The newest migration this build ships. */
    static int latestVersion() {
        var all = Flyway.configure().locations(MIGRATIONS).dataSource("jdbc:sqlite::memory:", null, null).load()
                .info().all();
        return Integer.parseInt(all[all.length - 1].getVersion().getVersion());
    }
}
