package org.onetrip.store.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.uplink.IntakeClient;
import org.onetrip.store.uplink.StatusPage;
import org.onetrip.store.uplink.UplinkException;
import org.onetrip.store.uplink.UplinkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Store-and-forward: drains the outbox to the platform and pulls what the platform says back. One worker
 * thread; {@link #runOnce()} is the whole cycle, so tests drive it directly with an injected clock.
 *
 * <p>A cycle: each due submission's attachments ({@code PUT}, content-addressed; those already acknowledged
 * are never sent again), then the submission ({@code POST}, its id the Idempotency-Key, its sealed bytes the
 * body); then due ratings and complaints; then status changes by cursor; then, when due, the catalog and a
 * heartbeat. Failures that may pass (5xx, timeouts, resets, no network) defer only their record, with capped
 * exponential backoff and full jitter; three in a row end the cycle (the link is down). The first success after
 * an outage makes every deferred record due again. A 422 or 409 quarantines only its record with the
 * platform's reason, and the queue goes on. A 401 or 403 (clock wrong, key revoked) halts everything with a
 * message for the operator until {@link #retryNow()}; the halt is kept in the database, so a restart does not
 * quietly resume a queue the platform refused.
 */
public final class SyncEngine extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 20;
    private static final int MAX_PER_CYCLE = 2_000;
    private static final int FAILURES_THAT_END_A_CYCLE = 3;
    private static final int MAX_STATUS_PAGES = 50;
    private static final String STATUS_CURSOR = "status";
    private static final Duration SKEW_WORTH_REPORTING = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final IntakeClient client;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration interval;
    private final AtomicBoolean cycleQueued = new AtomicBoolean();
    private Duration backoffBase = Duration.ofSeconds(2);
    private Duration backoffCap = Duration.ofMinutes(5);
    private FeedbackStore feedback;
    private CatalogSink catalog;
    private Path catalogDownloads;
    private Duration catalogEvery = Duration.ofHours(1);
    private Instant nextCatalogAt = Instant.MIN;
    private Supplier<Map<String, Object>> heartbeatExtras;
    private String softwareVersion = "unknown";
    private Duration heartbeatEvery = Duration.ofMinutes(5);
    private Instant nextHeartbeatAt = Instant.MIN;
    private boolean skewReported;
    private ScheduledExecutorService worker;
    private volatile SyncState state = SyncState.initial();
    private volatile boolean haltRestored;

    public SyncEngine(Outbox outbox, IntakeClient client, Clock clock, RandomGenerator random, Duration interval) {
        this.outbox = outbox;
        this.client = client;
        this.clock = clock;
        this.random = random;
        this.interval = interval;
    }

    /** The retry delay grows from {@code base} (doubling per attempt, full jitter) to at most {@code cap}. */
    public void setBackoff(Duration base, Duration cap) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("sync: backoff base must be positive and the cap at least the base");
        }
        this.backoffBase = base;
        this.backoffCap = cap;
    }

    /** Also sends the ratings and complaints queued in {@code store}. */
    public void setFeedback(FeedbackStore store) {
        this.feedback = store;
    }

    /** Pulls the catalog every {@code every} into {@code downloads} and hands newer bundles to {@code sink}. */
    public void setCatalog(CatalogSink sink, Path downloads, Duration every) {
        this.catalog = sink;
        this.catalogDownloads = downloads;
        this.catalogEvery = every;
    }

    /** Sends a heartbeat every {@code every}, with the queue's health plus {@code extras} (printer paper, …). */
    public void setHeartbeat(String softwareVersion, Duration every, Supplier<Map<String, Object>> extras) {
        this.softwareVersion = softwareVersion;
        this.heartbeatEvery = every;
        this.heartbeatExtras = extras;
    }

    @Override
    protected void doStart() {
        restoreHalt();
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-engine");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("sync: the worker did not stop within 10 s");
        }
    }

    /** Asks for a cycle now (after a seal), instead of at the next tick; nudges while one is queued coalesce. */
    public void nudge() {
        ScheduledExecutorService w = worker;
        if (w != null && isRunning() && cycleQueued.compareAndSet(false, true)) {
            w.execute(() -> {
                cycleQueued.set(false);
                runSafely();
            });
        }
    }

    /**
     * "Retry now": clears an operator halt (also the one kept from before a restart), makes every deferred record
     * due, and runs a cycle now.
     */
    public void retryNow() {
        haltRestored = true;
        if (outbox.clearOperatorHalt("operator")) {
            log.info("sync: an operator let the queue go again");
        }
        state = state.resumed();
        outbox.wakeAll(clock.instant());
        nudge();
    }

    public SyncState state() {
        return state;
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("sync: a cycle failed; it will run again at the next tick", e);
            state = state.failed("sync: " + e.getMessage());
        }
    }

    /** One cycle (see the class comment). Does nothing while halted for an operator. */
    public synchronized void runOnce() {
        restoreHalt();
        try {
            if (state.halted().isPresent()) {
                return;
            }
            boolean wasFailing = state.lastError().isPresent();
            boolean reachable = uploadSubmissions();
            if (reachable && !halted()) {
                reachable = uploadFeedback();
            }
            if (reachable && !halted()) {
                pullStatus();
            }
            if (wasFailing && reachable && !halted() && state.lastError().isEmpty()
                    && outbox.wakeAll(clock.instant()) > 0) {
                log.info("sync: the platform answers again; sending what waited for it");
                uploadSubmissions();
            }
            if (reachable && !halted()) {
                pullCatalogWhenDue();
            }
            if (!halted()) {
                heartbeatWhenDue();
            }
        } finally {
            Optional<java.time.Duration> skew = client.clockSkew();
            reportSkew(skew);
            state = state.withQueue(outbox.pendingCount(), outbox.quarantinedCount(),
                    feedback == null ? 0 : feedback.pendingCount(), skew);
        }
    }

    private boolean halted() {
        return state.halted().isPresent();
    }

    private enum Outcome { DONE, DEFERRED, HALTED }

    private boolean uploadSubmissions() {
        Instant start = clock.instant();
        int failuresInARow = 0;
        int handled = 0;
        boolean wasFailing = state.lastError().isPresent();
        List<Outbox.Entry> due;
        while (handled < MAX_PER_CYCLE && !(due = outbox.due(start, BATCH)).isEmpty()) {
            for (Outbox.Entry entry : due) {
                handled++;
                Outcome outcome = upload(entry);
                if (outcome == Outcome.HALTED) {
                    return false;
                }
                if (outcome == Outcome.DEFERRED) {
                    if (++failuresInARow >= FAILURES_THAT_END_A_CYCLE) {
                        return false;
                    }
                    continue;
                }
                failuresInARow = 0;
                if (wasFailing) {
                    wasFailing = false;
                    int woken = outbox.wakeAll(clock.instant());
                    if (woken > 0) {
                        log.info("sync: the platform answers again; {} deferred submissions are due now", woken);
                    }
                }
            }
        }
        return failuresInARow == 0;
    }

    private Outcome upload(Outbox.Entry entry) {
        for (AttachmentRef ref : outbox.attachmentsToUpload(entry.submissionId())) {
            if (!outbox.attachmentPresent(ref)) {
                quarantine(entry, "attachment " + ref.sha256() + " is missing or damaged on this terminal");
                return Outcome.DONE;
            }
            UplinkResult result = client.putAttachment(ref, () -> outbox.openAttachment(ref));
            switch (result) {
                case UplinkResult.Stored s -> outbox.attachmentUploaded(ref.sha256(), clock.instant());
                case UplinkResult.Accepted a -> outbox.attachmentUploaded(ref.sha256(), clock.instant());
                case UplinkResult.Refused r -> {
                    quarantine(entry, "attachment " + ref.sha256() + ": " + r.reason());
                    return Outcome.DONE;
                }
                case UplinkResult.RetryLater r -> {
                    defer(entry, r.error());
                    return Outcome.DEFERRED;
                }
                case UplinkResult.Halt h -> {
                    halt(h.operatorMessage());
                    return Outcome.HALTED;
                }
            }
        }
        UplinkResult result = client.postSubmission(entry.submissionId(), entry.body());
        Instant now = clock.instant();
        return switch (result) {
            case UplinkResult.Accepted a -> {
                outbox.sent(entry.submissionId(), a.projectNo(), now);
                state = state.succeeded(now);
                yield Outcome.DONE;
            }
            case UplinkResult.Stored s -> {
                defer(entry, "uplink: submission answered " + s.httpStatus() + " without a project number");
                yield Outcome.DEFERRED;
            }
            case UplinkResult.Refused r -> {
                quarantine(entry, r.reason());
                yield Outcome.DONE;
            }
            case UplinkResult.RetryLater r -> {
                defer(entry, r.error());
                yield Outcome.DEFERRED;
            }
            case UplinkResult.Halt h -> {
                halt(h.operatorMessage());
                yield Outcome.HALTED;
            }
        };
    }

    private void quarantine(Outbox.Entry entry, String reason) {
        log.warn("sync: submission[{}] refused, quarantined: {}", entry.submissionId(), reason);
        outbox.quarantine(entry.submissionId(), reason, clock.instant());
    }

    private void defer(Outbox.Entry entry, String error) {
        Instant now = clock.instant();
        Instant next = now.plus(backoff(entry.attempts()));
        outbox.retryLater(entry.submissionId(), next, error, now);
        state = state.failed(error);
        log.info("sync: submission[{}] deferred to {} (attempt {}): {}", entry.submissionId(), next,
                entry.attempts() + 1, error);
    }

    private boolean uploadFeedback() {
        if (feedback == null) {
            return true;
        }
        int failuresInARow = 0;
        for (FeedbackStore.Entry entry : feedback.due(clock.instant(), BATCH * 5)) {
            UplinkResult result = client.postFeedback(entry.kind(), entry.id(), entry.body());
            Instant now = clock.instant();
            switch (result) {
                case UplinkResult.Stored s -> {
                    feedback.sent(entry.id(), now);
                    state = state.succeeded(now);
                    failuresInARow = 0;
                }
                case UplinkResult.Accepted a -> feedback.sent(entry.id(), now);
                case UplinkResult.Refused r -> {
                    log.warn("sync: {}[{}] refused, quarantined: {}", entry.kind(), entry.id(), r.reason());
                    feedback.quarantine(entry.id(), r.reason(), now);
                }
                case UplinkResult.RetryLater r -> {
                    feedback.retryLater(entry.id(), now.plus(backoff(entry.attempts())), r.error(), now);
                    state = state.failed(r.error());
                    if (++failuresInARow >= FAILURES_THAT_END_A_CYCLE) {
                        return false;
                    }
                }
                case UplinkResult.Halt h -> {
                    halt(h.operatorMessage());
                    return false;
                }
            }
        }
        return failuresInARow == 0;
    }

    private void pullStatus() {
        String cursor = outbox.cursor(STATUS_CURSOR).orElse(null);
        try {
            for (int page = 0; page < MAX_STATUS_PAGES; page++) {
                StatusPage answer = client.pullStatus(cursor);
                List<Outbox.StatusChange> known = new java.util.ArrayList<>();
                for (StatusPage.Change change : answer.changes()) {
                    Optional<SubmissionStatus> status = SubmissionStatus.fromPlatform(change.status());
                    if (status.isEmpty()) {
                        log.warn("sync: submission[{}] has a status we do not know: {}", change.submissionId(),
                                change.status());
                        continue;
                    }
                    known.add(new Outbox.StatusChange(change.submissionId(), status.get(), change.note(),
                            change.projectNo(), change.at()));
                }
                boolean moved = answer.cursor() != null && !answer.cursor().equals(cursor);
                if (moved || !known.isEmpty()) {
                    outbox.statusesChanged(known, STATUS_CURSOR, moved ? answer.cursor() : null);
                }
                if (moved) {
                    cursor = answer.cursor();
                }
                if (!moved || answer.changes().isEmpty()) {
                    break;
                }
            }
            state = state.succeeded(clock.instant());
        } catch (UplinkException e) {
            failedPull("status", e);
        }
    }

    private void pullCatalogWhenDue() {
        Instant now = clock.instant();
        if (catalog == null || now.isBefore(nextCatalogAt)) {
            return;
        }
        nextCatalogAt = now.plus(catalogEvery);
        try {
            Optional<IntakeClient.CatalogDownload> download =
                    client.pullCatalog(catalog.installedVersion().orElse(null), catalogDownloads);
            if (download.isEmpty()) {
                return;
            }
            Path file = download.get().file();
            try {
                catalog.install(file, download.get().version());
                log.info("sync: catalog bundle {} installed", download.get().version().orElse("(unnamed)"));
            } catch (Exception e) {
                log.error("sync: the platform's catalog bundle was refused, the catalog is unchanged: {}",
                        e.getMessage());
                state = state.failed("catalog bundle refused: " + e.getMessage());
            } finally {
                deleteQuietly(file);
            }
        } catch (UplinkException e) {
            nextCatalogAt = now.plus(backoff(0));
            failedPull("catalog", e);
        }
    }

    private void heartbeatWhenDue() {
        Instant now = clock.instant();
        if (heartbeatExtras == null || now.isBefore(nextHeartbeatAt)) {
            return;
        }
        nextHeartbeatAt = now.plus(heartbeatEvery);
        UplinkResult result = client.heartbeat(JSON.writeValueAsBytes(heartbeat(now)));
        switch (result) {
            case UplinkResult.Halt h -> halt(h.operatorMessage());
            case UplinkResult.RetryLater r -> {
                nextHeartbeatAt = now.plus(backoff(0));
                log.debug("sync: heartbeat not delivered: {}", r.error());
            }
            case UplinkResult.Refused r -> log.warn("sync: heartbeat refused: {}", r.reason());
            case UplinkResult.Stored s -> outbox.saveCursor("heartbeat", now.toString());
            case UplinkResult.Accepted a -> outbox.saveCursor("heartbeat", now.toString());
        }
    }

    /** The terminal's health as the contract lists it; never resident data. */
    Map<String, Object> heartbeat(Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", softwareVersion);
        body.put("sentAt", now.toString());
        body.put("queueDepth", outbox.pendingCount());
        body.put("quarantined", outbox.quarantinedCount());
        body.put("feedbackQueued", feedback == null ? 0 : feedback.pendingCount());
        body.put("oldestUnsentAgeSeconds",
                outbox.oldestPendingSealedAt().map(t -> Duration.between(t, now).toSeconds()).orElse(0L));
        body.put("lastSuccessfulSync", state.lastSuccess().map(Instant::toString).orElse(null));
        body.put("diskFreeBytes", diskFree());
        body.put("clockSkewSeconds", client.clockSkew().map(Duration::toSeconds).orElse(null));
        body.put("halted", state.halted().orElse(null));
        body.put("databaseSetAside", outbox.databaseSetAside().map(p -> p.getFileName().toString()).orElse(null));
        if (heartbeatExtras != null) {
            body.putAll(heartbeatExtras.get());
        }
        return body;
    }

    private long diskFree() {
        try {
            return Files.getFileStore(outbox.databaseFile().getParent()).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private void failedPull(String what, UplinkException e) {
        if (e.result() instanceof UplinkResult.Halt h) {
            halt(h.operatorMessage());
        } else {
            state = state.failed(what + ": " + e.getMessage());
        }
    }

    private void reportSkew(Optional<Duration> skew) {
        boolean large = skew.isPresent() && skew.get().abs().compareTo(SKEW_WORTH_REPORTING) > 0;
        if (large && !skewReported) {
            log.warn("sync: this terminal's clock differs from the platform's by {} s; beyond 600 s the platform"
                    + " refuses every request: correct the time (NTP) now", skew.get().toSeconds());
        }
        skewReported = large;
    }

    private void halt(String message) {
        log.error("sync: queue stopped for an operator: {}", message);
        state = state.halt(message);
        outbox.saveOperatorHalt(message);
    }

    /** Once per engine: a halt saved before a restart stops the queue again, with its message. */
    private void restoreHalt() {
        if (haltRestored) {
            return;
        }
        haltRestored = true;
        outbox.operatorHalt().ifPresent(message -> {
            log.error("sync: queue still stopped for an operator (since before the restart): {}", message);
            state = state.halt(message);
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("sync: cannot delete the downloaded bundle {}: {}", file, e.getMessage());
        }
    }

    /** Full jitter: half the base plus a random delay up to min(cap, base * 2^attempts). */
    Duration backoff(int attempts) {
        long base = backoffBase.toMillis();
        long ceiling = Math.min(backoffCap.toMillis(), base << Math.min(attempts, 20));
        return Duration.ofMillis(base / 2 + random.nextLong(Math.max(1, ceiling)));
    }

    @Override
    public String toString() {
        SyncState s = state;
        return "sync-engine@" + getState() + "{pending=" + s.pending() + ", quarantined=" + s.quarantined()
                + s.halted().map(h -> ", halted").orElse("") + "}";
    }
}
