package org.onetrip.intake.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import org.onetrip.store.attachment.AttachmentStore;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.uplink.IntakeClient;
import org.onetrip.store.uplink.TerminalIdentity;

/**
 * A whole terminal-side store and uplink on real files: database, attachments, feedback, the Intake API client
 * (started) and a sync engine (not started: tests drive {@link SyncEngine#runOnce()}). Used by the contract
 * tests, the soak, the crash test's child and the benchmarks.
 */
public final class TerminalHarness implements AutoCloseable {
    public static final String TASK_CODE = "11340121MB1234567X4000117009000";

    static {
        useLocalSqliteNatives();
    }

    public final Database db;
    public final SubmissionStore store;
    public final Outbox outbox;
    public final FeedbackStore feedback;
    public final IntakeClient client;
    public final SyncEngine sync;
    public final TerminalIdentity identity;

    public TerminalHarness(Path dir, String terminalId, Clock clock, Supplier<URI> platform, long seed) {
        identity = TerminalIdentity.loadOrCreate(terminalId, dir.resolve("keys"));
        db = new Database(dir.resolve("store.db"), clock);
        startQuietly(db);
        AuditLog audit = new AuditLog(clock);
        store = new SubmissionStore(db, audit, clock, terminalId, new AttachmentStore(dir.resolve("attachments"), db::cipher));
        outbox = new Outbox(store);
        feedback = new FeedbackStore(db, audit, clock, terminalId, UUID::randomUUID);
        client = new IntakeClient(platform, identity, clock);
        startQuietly(client);
        sync = new SyncEngine(outbox, client, clock, new SplittableRandom(seed), Duration.ofSeconds(30));
        sync.setFeedback(feedback);
    }

    /** A draft of the demo pension item for a made-up resident. */
    public static SubmissionDraft draft(UUID id) {
        return new SubmissionDraft(id, TASK_CODE, "城乡居民基本养老保险参保登记", 1, "340121100004", "王秀兰",
                "340121194803120024", "王*兰 340121********0024", Map.of("reason", "参保登记"), "WINDOW",
                LocalDate.of(2026, 3, 9), List.of());
    }

    /** Sets {@code org.sqlite.tmpdir} to {@code target/sqlite-natives} unless it is set already. */
    public static void useLocalSqliteNatives() {
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            Path natives = Path.of("target", "sqlite-natives").toAbsolutePath();
            try {
                Files.createDirectories(natives);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("org.sqlite.tmpdir", natives.toString());
        }
    }

    private static void startQuietly(org.eclipse.jetty.util.component.LifeCycle part) {
        try {
            part.start();
        } catch (Exception e) {
            throw new IllegalStateException(part + " did not start", e);
        }
    }

    @Override
    public void close() {
        try {
            if (sync.isRunning()) {
                sync.stop();
            }
            client.stop();
            db.stop();
        } catch (Exception e) {
            throw new IllegalStateException("terminal harness did not stop", e);
        }
    }
}
