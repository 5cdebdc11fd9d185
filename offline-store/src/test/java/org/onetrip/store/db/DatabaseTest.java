package org.onetrip.store.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.StoreFixture;

class DatabaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:02:03Z"), ZoneOffset.UTC);

    static {
        StoreFixture.useLocalSqliteNatives();
    }

    @TempDir
    Path directory;

    @Test
    void a_fresh_file_is_created_with_wal_and_full_synchronous_on_every_connection() throws Exception {
        Database db = new Database(directory.resolve("nested/dir/store.db"), CLOCK);
        db.start();
        try (Connection c = db.connect()) {
            assertEquals("wal", text(c, "PRAGMA journal_mode"));
            assertEquals("2", text(c, "PRAGMA synchronous"), "2 is FULL; NORMAL (1) can lose commits on power loss");
            assertEquals("1", text(c, "PRAGMA foreign_keys"));
        } finally {
            db.stop();
        }
        assertTrue(Files.exists(directory.resolve("nested/dir/store.db")));
    }

    @Test
    void start_migrates_the_schema() throws Exception {
        Database db = new Database(directory.resolve("store.db"), CLOCK);
        db.start();
        try (Connection c = db.connect()) {
            for (String table : List.of("submission", "outbox", "status_history", "audit_log", "setting", "attachment",
                    "submission_attachment", "evaluation", "complaint", "feedback_outbox", "sync_cursor")) {
                assertEquals(table, text(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '" + table
                        + "'"));
            }
            assertEquals("V001__submissions.sql", text(c, "SELECT script FROM flyway_schema_history WHERE success = 1"
                    + " AND script LIKE 'V%' ORDER BY installed_rank LIMIT 1"));
            assertEquals("0", text(c, "SELECT count(*) FROM flyway_schema_history WHERE success = 0"));
        } finally {
            db.stop();
        }
    }

    @Test
    void a_second_start_on_the_same_file_keeps_its_data() throws Exception {
        Path file = directory.resolve("store.db");
        Database first = new Database(file, CLOCK);
        first.start();
        first.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO setting (name, value) VALUES ('kept', 'yes')");
            }
            return null;
        });
        first.stop();

        Database second = new Database(file, CLOCK);
        second.start();
        try (Connection c = second.connect()) {
            assertEquals("yes", text(c, "SELECT value FROM setting WHERE name = 'kept'"));
        } finally {
            second.stop();
        }
        assertEquals(List.of(file), siblingsOf(file));
    }

    @Test
    void a_file_that_is_not_a_database_is_moved_aside_and_a_new_one_started() throws Exception {
        Path file = directory.resolve("store.db");
        byte[] garbage = new byte[8192];
        new SplittableRandom(7).nextBytes(garbage);
        Files.write(file, garbage);

        Database db = new Database(file, CLOCK);
        db.start();
        try (Connection c = db.connect()) {
            assertEquals("0", text(c, "SELECT count(*) FROM submission"));
        } finally {
            db.stop();
        }

        Path aside = directory.resolve("store.db.corrupt-20260302-010203-000");
        assertTrue(Files.exists(aside), "moved aside under the clock's time; found " + siblingsOf(file));
        assertArrayEquals(garbage, Files.readAllBytes(aside), "the damaged file is kept byte for byte");
        assertFalse(java.util.Arrays.equals(garbage, Files.readAllBytes(file)));
    }

    @Test
    void a_database_with_damaged_pages_is_detected_by_the_integrity_check_set_aside_and_reported() throws Exception {
        Path file = directory.resolve("store.db");
        Database first = new Database(file, CLOCK);
        first.start();
        try (Connection c = first.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE filler (n INTEGER PRIMARY KEY, t TEXT)");
            s.execute("CREATE INDEX filler_t ON filler(t)");
            c.setAutoCommit(false);
            for (int i = 0; i < 2000; i++) {
                s.execute("INSERT INTO filler (t) VALUES ('row " + i + " " + "x".repeat(40) + "')");
            }
            c.commit();
        }
        first.stop();
        byte[] bytes = Files.readAllBytes(file);
        int pageSize = 4096;
        for (int i = bytes.length - 6 * pageSize; i < bytes.length - pageSize; i += 97) {
            bytes[i] ^= 0x5a;
        }
        Files.write(file, bytes);

        Database second = new Database(file, CLOCK);
        second.start();
        try (Connection c = second.connect()) {
            assertEquals("0", text(c, "SELECT count(*) FROM submission"));
            assertEquals("0", text(c, "SELECT count(*) FROM sqlite_master WHERE name = 'filler'"));
        } finally {
            second.stop();
        }

        Path aside = directory.resolve("store.db.corrupt-20260302-010203-000");
        assertEquals(java.util.Optional.of(aside), second.setAside());
        assertArrayEquals(bytes, Files.readAllBytes(aside));
    }

    @Test
    void a_healthy_database_is_not_set_aside() throws Exception {
        Database db = new Database(directory.resolve("store.db"), CLOCK);
        db.start();
        db.stop();
        Database again = new Database(directory.resolve("store.db"), CLOCK);
        again.start();
        again.stop();

        assertEquals(java.util.Optional.empty(), again.setAside());
    }

    @Test
    void a_transaction_that_throws_is_rolled_back_and_reported_with_the_file() throws Exception {
        Database db = new Database(directory.resolve("store.db"), CLOCK);
        db.start();
        try {
            StoreException e = assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO setting (name, value) VALUES ('half', 'done')");
                    s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            }));
            assertTrue(e.getMessage().contains(db.file().toString()), e.getMessage());
            try (Connection c = db.connect()) {
                assertEquals("0", text(c, "SELECT count(*) FROM setting WHERE name = 'half'"));
            }
        } finally {
            db.stop();
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getString(1);
        }
    }

    private static List<Path> siblingsOf(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(file.getFileName().toString())
                    && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm")
                    && !p.getFileName().toString().endsWith("-redo"))
                    .sorted().toList();
        }
    }
}
