package org.onetrip.store.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.uplink.IntakeClient;
import org.onetrip.store.uplink.StatusPage;
import org.onetrip.store.uplink.UplinkException;
import org.onetrip.store.uplink.UplinkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store-and-forward: drains the outbox to the platform and pulls status changes back. One worker thread;
 * {@link #runOnce()} is the whole cycle, so tests drive it directly with an injected clock. Failures that may
 * pass (5xx, timeouts, no network) back off per record, capped and jittered; a 422 quarantines only its
 * record; a 401/403 halts the queue with a message for the operator until {@link #retryNow()}.
 */
public final class SyncEngine extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final int BATCH = 20;
    private static final String STATUS_CURSOR = "status";

    private final Outbox outbox;
    private final IntakeClient client;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration interval;
    private final Duration backoffBase = Duration.ofSeconds(2);
    private final Duration backoffCap = Duration.ofMinutes(5);
    private ScheduledExecutorService worker;
    private volatile SyncState state = SyncState.initial();

    public SyncEngine(Outbox outbox, IntakeClient client, Clock clock, RandomGenerator random, Duration interval) {
        this.outbox = outbox;
        this.client = client;
        this.clock = clock;
        this.random = random;
        this.interval = interval;
    }

    @Override
    protected void doStart() {
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

    /** Asks for a cycle now (after a seal), instead of at the next tick. */
    public void nudge() {
        ScheduledExecutorService w = worker;
        if (w != null && isRunning()) {
            w.execute(this::runSafely);
        }
    }

    /** Clears an operator halt and runs a cycle now. */
    public void retryNow() {
        state = state.resumed();
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
        }
    }

    /** One cycle: upload what is due, then pull statuses. Does nothing while halted for an operator. */
    public synchronized void runOnce() {
        if (state.halted().isPresent()) {
            return;
        }
        boolean reachable = upload();
        if (reachable && state.halted().isEmpty()) {
            pullStatus();
        }
        state = state.withPending(outbox.pendingCount());
    }

    private boolean upload() {
        List<Outbox.Entry> due = outbox.due(clock.instant(), BATCH);
        for (Outbox.Entry entry : due) {
            UplinkResult result = client.postSubmission(entry.submissionId(), entry.body());
            Instant now = clock.instant();
            switch (result) {
                case UplinkResult.Accepted a -> {
                    outbox.sent(entry.submissionId(), a.projectNo(), now);
                    state = state.succeeded(now);
                }
                case UplinkResult.Refused r -> {
                    log.warn("sync: submission[{}] refused by the platform ({}), quarantined", entry.submissionId(),
                            r.httpStatus());
                    outbox.quarantine(entry.submissionId(), r.reason(), now);
                }
                case UplinkResult.RetryLater r -> {
                    Instant next = now.plus(backoff(entry.attempts()));
                    outbox.retryLater(entry.submissionId(), next, r.error());
                    state = state.failed(r.error());
                    log.info("sync: upload deferred to {}: {}", next, r.error());
                    return false;
                }
                case UplinkResult.Halt h -> {
                    halt(h.operatorMessage());
                    return false;
                }
            }
        }
        return true;
    }

    private void pullStatus() {
        String cursor = outbox.cursor(STATUS_CURSOR).orElse(null);
        try {
            StatusPage page = client.pullStatus(cursor);
            for (StatusPage.Change change : page.changes()) {
                Optional<SubmissionStatus> status = SubmissionStatus.fromPlatform(change.status());
                if (status.isEmpty()) {
                    log.warn("sync: submission[{}] has a status we do not know: {}", change.submissionId(),
                            change.status());
                    continue;
                }
                outbox.statusChanged(change.submissionId(), status.get(), change.note(), change.projectNo(),
                        change.at());
            }
            if (page.cursor() != null && !page.cursor().equals(cursor)) {
                outbox.saveCursor(STATUS_CURSOR, page.cursor());
            }
            state = state.succeeded(clock.instant());
        } catch (UplinkException e) {
            if (e.result() instanceof UplinkResult.Halt h) {
                halt(h.operatorMessage());
            } else {
                state = state.failed(e.getMessage());
            }
        }
    }

    private void halt(String message) {
        log.error("sync: queue stopped for an operator: {}", message);
        state = state.halt(message);
    }

    /** Full jitter: a random delay up to min(cap, base * 2^attempts). */
    Duration backoff(int attempts) {
        long ceiling = Math.min(backoffCap.toMillis(), backoffBase.toMillis() << Math.min(attempts, 20));
        return Duration.ofMillis(backoffBase.toMillis() / 2 + random.nextLong(Math.max(1, ceiling)));
    }

    @Override
    public String toString() {
        return "sync-engine@" + getState() + "{pending=" + state.pending() + state.halted().map(h -> ", halted").orElse("") + "}";
    }
}
