package org.onetrip.store.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.StoreFixture;

/** Concurrent transactions share one commit (one fsync); each caller still returns only after its own commit. */
class GroupCommitTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:02:03Z"), ZoneOffset.UTC);

    static {
        StoreFixture.useLocalSqliteNatives();
    }

    @TempDir
    Path directory;
    private Database db;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @BeforeEach
    void open() {
        db = new Database(directory.resolve("store.db"), CLOCK);
        StoreFixture.start(db);
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (name TEXT PRIMARY KEY)");
            }
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        db.stop();
    }

    @Test
    void works_that_wait_while_a_commit_runs_are_committed_together_and_one_that_fails_is_rolled_back_alone()
            throws Exception {
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTransaction(c -> {
            insert(c, "first");
            inFirst.countDown();
            await(releaseFirst);
            return null;
        }), threads);
        assertTrue(inFirst.await(10, TimeUnit.SECONDS));
        long commitsBefore = db.commits();

        List<CompletableFuture<Boolean>> waiting = new ArrayList<>();
        for (String name : List.of("second", "broken", "third")) {
            waiting.add(CompletableFuture.supplyAsync(() -> db.inTransaction(c -> {
                insert(c, name);
                if (name.equals("broken")) {
                    throw new IllegalStateException("this work fails after its insert");
                }
                return committedElsewhere(name);
            }), threads));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.waitingWork() < 3) {
            assertTrue(System.nanoTime() < deadline, "the three works never queued");
            Thread.onSpinWait();
        }
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        ExecutionException broken = null;
        for (CompletableFuture<Boolean> f : waiting) {
            try {
                assertEquals(false, f.get(10, TimeUnit.SECONDS), "not visible to another connection inside its work");
            } catch (ExecutionException e) {
                broken = e;
            }
        }

        assertEquals(2, db.commits() - commitsBefore, "the first work's commit, then one for the three that waited");
        assertEquals(List.of("first", "second", "third"), names());
        assertInstanceOf(IllegalStateException.class, broken.getCause());
        assertTrue(committedElsewhere("second") && committedElsewhere("third"), "on disk when their callers return");
    }

    @Test
    void a_lone_transaction_that_fails_leaves_nothing_and_the_next_one_commits() {
        assertThrows(StoreException.class, () -> db.inTransaction(c -> {
            insert(c, "once");
            insert(c, "once");
            return null;
        }));
        db.inTransaction(c -> insert(c, "twice"));

        assertEquals(List.of("twice"), names());
    }

    @Test
    void a_statement_in_use_is_not_handed_out_twice_and_a_result_left_open_is_closed_on_return() {
        db.inTransaction(c -> {
            for (String name : List.of("a", "b", "c")) {
                insert(c, name);
            }
            return null;
        });
        String sql = "SELECT name FROM note WHERE name >= ? ORDER BY name";

        List<String> pairs = db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement outer = c.prepareStatement(sql)) {
                outer.setString(1, "a");
                try (ResultSet rs = outer.executeQuery()) {
                    while (rs.next()) {
                        try (PreparedStatement inner = c.prepareStatement(sql)) {
                            inner.setString(1, rs.getString(1));
                            ResultSet left = inner.executeQuery();
                            left.next();
                            out.add(rs.getString(1) + left.getString(1));
                        }
                    }
                }
            }
            return out;
        });

        assertEquals(List.of("aa", "bb", "cc"), pairs);
        db.inTransaction(c -> insert(c, "d"));
        assertEquals(List.of("a", "b", "c", "d"), names());
    }

    private static int insert(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO note (name) VALUES (?)")) {
            ps.setString(1, name);
            return ps.executeUpdate();
        }
    }

    /** Whether {@code name} is visible to a separate connection, i.e. committed. */
    private boolean committedElsewhere(String name) {
        try (Connection other = db.connect();
             PreparedStatement ps = other.prepareStatement("SELECT 1 FROM note WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> names() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM note ORDER BY name")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
