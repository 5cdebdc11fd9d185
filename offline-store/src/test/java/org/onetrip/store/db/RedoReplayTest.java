package org.onetrip.store.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.StoreFixture;

/**
 * A power cut, simulated: SQLite's commits with {@code synchronous=NORMAL} after its last fsync are lost, the redo
 * journal's forced records are not. The disk's state at the last durable point is a copy of the database and its WAL
 * taken there; the journal as it was at the cut is copied beside it; a new {@link Database} started on that must
 * hold every journaled transaction once, and only those that returned.
 */
class RedoReplayTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:02:03Z"), ZoneOffset.UTC);
    private static final String KIND = "test.setting";

    static {
        StoreFixture.useLocalSqliteNatives();
    }

    @TempDir
    Path directory;

    /** The redo handler of the test's kind: a setting {@code name=value}, written unless it is there. */
    private static final Database.Redo SETTING = (c, record) -> {
        String[] nv = new String(record, StandardCharsets.UTF_8).split("=", 2);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING")) {
            ps.setString(1, nv[0]);
            ps.setString(2, nv[1]);
            return ps.executeUpdate() > 0;
        }
    };

    private static void put(Database db, String name, String value) {
        db.inTransaction(KIND, (name + "=" + value).getBytes(StandardCharsets.UTF_8), c -> SETTING.replay(c,
                (name + "=" + value).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> settings(Database db, String prefix) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name || '=' || value FROM setting WHERE name LIKE ? ORDER BY name")) {
                ps.setString(1, prefix + "%");
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /** The files a disk holds at a durable point: the database, its WAL and the key folder (the journal comes later). */
    private static Path durablePoint(Path live, Path to) throws IOException {
        Files.createDirectories(to);
        for (String suffix : new String[] {"", "-wal"}) {
            Path p = live.resolveSibling(live.getFileName() + suffix);
            if (Files.exists(p)) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        Path keys = live.resolveSibling("keys");
        Files.createDirectories(to.resolve("keys"));
        try (Stream<Path> files = Files.list(keys)) {
            for (Path k : files.toList()) {
                Files.copy(k, to.resolve("keys").resolve(k.getFileName()));
            }
        }
        return to.resolve(live.getFileName());
    }

    /** A store with the test kind's handler registered before it starts, as the kiosk's composition root does. */
    private static Database started(Path file) {
        Database db = new Database(file, CLOCK);
        db.onRedo(KIND, SETTING);
        StoreFixture.start(db);
        return db;
    }

    private Database live() {
        return started(directory.resolve("live").resolve("store.db"));
    }

    /** Starts a store on the files the cut left and returns its settings starting with {@code k}. */
    private static List<String> afterRestart(Path restored) throws Exception {
        Database after = started(restored);
        try {
            return settings(after, "k");
        } finally {
            after.stop();
        }
    }

    /** What a test does to a live store, before or after its durable point. */
    @FunctionalInterface
    private interface Step {
        void on(Database live) throws Exception;
    }

    /**
     * A live store: {@code durable} (which ends in a commit with synchronous=FULL), the disk's state taken there,
     * {@code lost} (journaled, so possibly lost), then the power cut. Returns the database file as the disk holds it,
     * with the journal as it was at the cut beside it.
     */
    private Path powerCut(Step durable, Step lost) throws Exception {
        Database live = live();
        durable.on(live);
        Path restored = durablePoint(live.file(), directory.resolve("after-cut"));
        lost.on(live);
        journalAtTheCut(live, restored);
        live.stop();
        return restored;
    }

    private static void journalAtTheCut(Database live, Path restored) throws IOException {
        Files.copy(live.redoJournalFile(), restored.resolveSibling(restored.getFileName() + "-redo"));
    }

    @Test
    void journaled_transactions_whose_commit_was_lost_are_replayed_once_at_the_next_start() throws Exception {
        Path restored = powerCut(live -> {
            put(live, "k0", "durable before");
            live.settleJournal(); // a commit with synchronous=FULL: everything so far is durable by SQLite alone
        }, live -> {
            for (int i = 1; i <= 5; i++) {
                put(live, "k" + i, "journaled " + i);
            }
            assertEquals(2, (int) live.read(c -> intOf(c, "PRAGMA synchronous")),
                    "a read (whose single statement may commit) runs with synchronous=FULL after a journaled commit");
        });

        Database after = new Database(restored, CLOCK);
        after.onRedo(KIND, SETTING);
        after.start();
        try {
            assertEquals(List.of("k0=durable before", "k1=journaled 1", "k2=journaled 2", "k3=journaled 3",
                    "k4=journaled 4", "k5=journaled 5"), settings(after, "k"));
            assertTrue(Files.exists(after.redoJournalFile()));
        } finally {
            after.stop();
        }
        // replayed once: a second start finds the journal emptied and adds nothing
        assertEquals(6, afterRestart(restored).size());
    }

    @Test
    void only_journaled_work_commits_with_synchronous_normal_whatever_ran_before_it() throws Exception {
        Database live = live();
        try {
            byte[] record = "k1=one".getBytes(StandardCharsets.UTF_8);
            List<Integer> seen = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                seen.add(live.inTransaction(KIND, record, c -> intOf(c, "PRAGMA synchronous")));
                seen.add(live.inTransaction(KIND, record, c -> intOf(c, "PRAGMA synchronous")));
                seen.add(live.inTransaction(c -> intOf(c, "PRAGMA synchronous")));
                seen.add(live.inTransaction(KIND, record, c -> intOf(c, "PRAGMA synchronous")));
                seen.add(live.read(c -> intOf(c, "PRAGMA synchronous")));
                // a read inside journaled work is part of its transaction: it leaves the commit to the group
                seen.add(live.inTransaction(KIND, record, c -> live.read(r -> intOf(r, "PRAGMA synchronous"))));
            }
            // 1 = NORMAL (the journal's record makes it durable), 2 = FULL
            assertEquals(List.of(1, 1, 2, 1, 2, 1, 1, 1, 2, 1, 2, 1), seen);
        } finally {
            live.stop();
        }
    }

    @Test
    void journaled_work_commits_with_synchronous_normal_again_after_the_store_is_stopped_and_started() throws Exception {
        Database live = live();
        byte[] record = "k1=one".getBytes(StandardCharsets.UTF_8);
        live.inTransaction(KIND, record, c -> intOf(c, "PRAGMA synchronous")); // the connection left at NORMAL
        live.stop();
        live.start(); // a new connection, at FULL
        try {
            assertEquals(1, (int) live.inTransaction(KIND, record, c -> intOf(c, "PRAGMA synchronous")));
        } finally {
            live.stop();
        }
    }

    @Test
    void a_transaction_already_durable_is_not_done_twice_when_only_later_ones_were_lost() throws Exception {
        Path restored = powerCut(live -> {
            put(live, "k1", "one");
            put(live, "k2", "two");
            live.inTransaction(c -> { // an ordinary commit (synchronous=FULL) makes k1 and k2 durable too
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO setting (name, value) VALUES ('other', 'full')");
                }
                return null;
            });
        }, live -> put(live, "k3", "three"));

        assertEquals(List.of("k1=one", "k2=two", "k3=three"), afterRestart(restored));
    }

    @Test
    void a_journaled_transaction_that_failed_is_not_replayed() throws Exception {
        Path restored = powerCut(Database::settleJournal, live -> {
            put(live, "k1", "kept");
            StoreException e = assertThrows(StoreException.class, () -> live.inTransaction(KIND,
                    "k2=failed".getBytes(StandardCharsets.UTF_8), c -> {
                        SETTING.replay(c, "k2=failed".getBytes(StandardCharsets.UTF_8));
                        throw new StoreException("the work failed after writing");
                    }));
            assertEquals("the work failed after writing", e.getMessage());
            assertEquals(List.of("k1=kept"), settings(live, "k"));
        });

        assertEquals(List.of("k1=kept"), afterRestart(restored), "the failed one stays failed");
    }

    @Test
    void records_of_a_kind_nobody_registered_yet_wait_for_it_and_are_replayed_when_it_is() throws Exception {
        Path restored = powerCut(Database::settleJournal, live -> put(live, "k1", "late"));

        Database after = new Database(restored, CLOCK);
        after.start(); // no handler yet (a store made after the start, as some tools do)
        try {
            assertEquals(List.of(), settings(after, "k"));
            after.settleJournal(); // must not throw the waiting record away
            after.onRedo(KIND, SETTING);
            assertEquals(List.of("k1=late"), settings(after, "k"));
        } finally {
            after.stop();
        }
    }

    @Test
    void the_journal_is_emptied_when_three_quarters_full_and_at_stop_and_keeps_nothing() throws Exception {
        Database db = new Database(directory.resolve("store.db"), CLOCK);
        db.redoJournalSize(16 * 4096);
        db.onRedo(KIND, SETTING);
        db.start();
        for (int i = 0; i < 40; i++) { // 15 blocks for records: several resets on the way
            put(db, "k" + String.format("%02d", i), "marker-" + i);
        }
        assertEquals(40, settings(db, "k").size());
        db.stop();
        byte[] journal = Files.readAllBytes(directory.resolve("store.db-redo"));
        assertFalse(new String(journal, StandardCharsets.ISO_8859_1).contains("marker-"),
                "no record is left in the journal after the stop");
    }

    @Test
    void a_record_larger_than_the_journal_commits_with_synchronous_full_instead()
            throws Exception {
        Database db = new Database(directory.resolve("store.db"), CLOCK);
        db.redoJournalSize(4 * 4096);
        db.onRedo(KIND, SETTING);
        db.start();
        try {
            // each record is one block; a record far larger than the journal never fits
            put(db, "big", "x".repeat(40_000));
            assertEquals(1, settings(db, "big").size());
        } finally {
            db.stop();
        }
    }

    @Test
    void a_second_store_on_the_same_folder_commits_with_synchronous_full_and_leaves_the_first_ones_journal_alone()
            throws Exception {
        Database first = live();
        put(first, "k1", "journaled by the first");
        byte[] before = Files.readAllBytes(first.redoJournalFile());
        Database second = started(first.file());
        try {
            put(second, "k2", "committed by the second"); // no journal there: synchronous=FULL
            assertEquals(List.of("k1=journaled by the first", "k2=committed by the second"), settings(second, "k"));
        } finally {
            second.stop();
        }
        assertArrayEquals(before, Files.readAllBytes(first.redoJournalFile()), "the second store neither read it"
                + " into a replay nor reset it");
        assertEquals(List.of(), siblingsNamed(first.file(), ".damaged-"), "nothing set aside as damaged");
        first.stop();
    }

    private static List<Path> siblingsNamed(Path file, String part) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().contains(part)).toList();
        }
    }

    @Test
    void a_record_that_cannot_be_replayed_is_kept_in_a_copy_for_the_technician() throws Exception {
        Path restored = powerCut(Database::settleJournal, live -> put(live, "k1", "marker-unreplayable"));

        Database after = new Database(restored, CLOCK);
        after.onRedo(KIND, (c, record) -> {
            throw new java.sql.SQLException("this record cannot be written again (test)");
        });
        after.start();
        try {
            Path copy = restored.resolveSibling("store.db-redo.unreplayed-20260302-010203-000");
            assertTrue(new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1).contains("marker-unreplayable"),
                    "the copy holds the record");
            put(after, "k2", "the store goes on");
            assertEquals(List.of("k2=the store goes on"), settings(after, "k"));
        } finally {
            after.stop();
        }
    }

    @Test
    void a_damaged_journal_is_set_aside_and_the_store_starts_with_a_new_one() throws Exception {
        Path file = directory.resolve("store.db");
        Database first = new Database(file, CLOCK);
        first.start();
        first.stop();
        try (RandomAccessFile raw = new RandomAccessFile(directory.resolve("store.db-redo").toFile(), "rw")) {
            raw.write(new byte[] {1, 2, 3, 4});
        }
        Database second = new Database(file, CLOCK);
        second.onRedo(KIND, SETTING);
        second.start();
        try {
            put(second, "k1", "after");
            assertEquals(List.of("k1=after"), settings(second, "k"));
            assertTrue(Files.exists(directory.resolve("store.db-redo.damaged-20260302-010203-000")),
                    "kept for the technician");
        } finally {
            second.stop();
        }
    }

    private static int intOf(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
