package org.onetrip.store.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.testing.MutableClock;
import org.onetrip.store.testing.StoreFixture;
import org.onetrip.store.uplink.IntakeClient;
import org.onetrip.store.uplink.TerminalIdentity;

/** Retry delays: capped exponential growth with jitter (DESIGN.md, "Intake API"). Nothing here is started. */
class BackoffTest {
    private static final long BASE = 2_000;
    private static final long CAP = 300_000;
    private static final int SAMPLES = 2_000;

    @TempDir
    Path directory;

    @Test
    void every_delay_lies_between_half_the_base_and_the_cap_plus_half_the_base() {
        SyncEngine engine = engine(new SplittableRandom(1));

        for (int attempts = 0; attempts <= 40; attempts++) {
            for (int i = 0; i < SAMPLES; i++) {
                long millis = engine.backoff(attempts).toMillis();
                assertTrue(millis >= BASE / 2 && millis <= CAP + BASE / 2,
                        "attempt " + attempts + " gave " + millis + " ms");
            }
        }
    }

    @Test
    void the_ceiling_doubles_with_each_attempt_until_the_cap() {
        SyncEngine engine = engine(new SplittableRandom(1));

        for (int attempts = 0; attempts <= 12; attempts++) {
            long ceiling = Math.min(CAP, BASE << attempts);
            long longest = 0;
            for (int i = 0; i < SAMPLES; i++) {
                longest = Math.max(longest, engine.backoff(attempts).toMillis());
            }
            assertTrue(longest < BASE / 2 + ceiling, "attempt " + attempts + " gave " + longest + " ms");
            assertTrue(longest > BASE / 2 + ceiling * 9 / 10,
                    "attempt " + attempts + ": the longest of " + SAMPLES + " delays was only " + longest + " ms");
        }
    }

    @Test
    void the_average_delay_grows_with_attempts() {
        SyncEngine engine = engine(new SplittableRandom(1));
        double previous = 0;

        for (int attempts = 0; attempts <= 7; attempts++) {
            long sum = 0;
            for (int i = 0; i < SAMPLES; i++) {
                sum += engine.backoff(attempts).toMillis();
            }
            double mean = (double) sum / SAMPLES;
            assertTrue(mean > previous * 1.5, "attempt " + attempts + ": mean " + mean + " after " + previous);
            previous = mean;
        }
    }

    @Test
    void the_same_seed_gives_the_same_delays() {
        SyncEngine one = engine(new SplittableRandom(42));
        SyncEngine two = engine(new SplittableRandom(42));

        for (int attempts = 0; attempts < 10; attempts++) {
            assertEquals(one.backoff(attempts), two.backoff(attempts));
        }
    }

    @Test
    void a_fresh_engine_reports_an_empty_healthy_queue() {
        SyncState state = engine(new SplittableRandom(1)).state();

        assertEquals(0, state.pending());
        assertTrue(state.halted().isEmpty());
        assertTrue(state.lastError().isEmpty());
        assertTrue(state.lastSuccess().isEmpty());
    }

    private SyncEngine engine(RandomGenerator random) {
        StoreFixture.useLocalSqliteNatives();
        MutableClock clock = new MutableClock(StoreFixture.START);
        Database db = new Database(directory.resolve("store.db"), clock);
        Outbox outbox = new Outbox(new SubmissionStore(db, new AuditLog(clock), clock, "T-1"));
        IntakeClient client = new IntakeClient(URI.create("http://127.0.0.1:9"),
                TerminalIdentity.loadOrCreate("T-1", directory.resolve("keys")), clock);
        return new SyncEngine(outbox, client, clock, random, Duration.ofSeconds(30));
    }
}
