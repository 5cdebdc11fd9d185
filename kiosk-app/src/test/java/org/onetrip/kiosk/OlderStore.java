package org.onetrip.kiosk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.crypto.FileKeyWrapper;
import org.onetrip.store.db.Database;

/**
 * Turns a store file into the one an older release would have left: a fresh file migrated only to V005 (the
 * store/sync release, before catalog, divisions and queue tickets), holding the same queue, copied column by
 * column as the V001-V005 schema has them, with the bodies in the clear and no data key (as before V060).
 * Test support for the update tests.
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

    static void rewriteAtVersion5(Path file) throws Exception {
        Map<String, byte[]> plainBodies = plainBodies(file);
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
            String trigger;
            try (ResultSet rs = s.executeQuery(
                    "SELECT sql FROM sqlite_master WHERE name = 'submission_sealed_is_immutable'")) {
                trigger = rs.getString(1);
            }
            s.execute("DROP TRIGGER submission_sealed_is_immutable");
            try (PreparedStatement ps = c.prepareStatement("UPDATE submission SET body = ? WHERE id = ?")) {
                for (Map.Entry<String, byte[]> body : plainBodies.entrySet()) {
                    ps.setBytes(1, body.getValue());
                    ps.setString(2, body.getKey());
                    ps.executeUpdate();
                }
            }
            s.execute(trigger);
        }
        Files.delete(file.resolveSibling("keys").resolve(FileKeyWrapper.FILE_NAME)); // an older release had none
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(newer.resolveSibling(newer.getFileName() + suffix));
        }
    }

    /** Every submission body of the store in {@code file}, decrypted as the store reads them. */
    private static Map<String, byte[]> plainBodies(Path file) throws Exception {
        Database db = new Database(file, Clock.systemUTC());
        db.start();
        try {
            return db.read(c -> {
                Map<String, byte[]> out = new LinkedHashMap<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, body FROM submission")) {
                    while (rs.next()) {
                        out.put(rs.getString(1), db.cipher().open(DataCipher.recordId("submission", rs.getString(1)),
                                rs.getBytes(2)));
                    }
                }
                return out;
            });
        } finally {
            db.stop();
        }
    }

    /** The newest migration applied to {@code file}, as a number. */
    static int schemaVersion(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(VERSION)) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
        }
    }

    /** The newest migration this build ships (SQL and Java ones): what a new store in {@code scratch} is brought to. */
    static int latestVersion(Path scratch) throws Exception {
        Database db = new Database(scratch.resolve("latest.db"), Clock.systemUTC());
        db.start();
        db.stop();
        return schemaVersion(scratch.resolve("latest.db"));
    }
}
