package org.onetrip.store.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionPurge} at start and then once a day. A worker thread calls {@link #tick()} at start and
 * every {@code checkEvery} after; a tick purges when a day has passed on the injected clock since the last
 * successful run, or at once while a backlog remains, so tests drive it by moving the clock and calling
 * {@code tick()}. The first run is on the worker, not in {@code start()}: purging a long backlog (the first start
 * after an upgrade) must not delay the kiosk. A failed run is logged and tried again at the next tick; it never
 * stops the terminal.
 */
public final class RetentionSchedule extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    public static final Duration EVERY = Duration.ofDays(1);

    private final RetentionPurge purge;
    private final Clock clock;
    private final Duration checkEvery;
    private ScheduledExecutorService worker;
    private volatile Instant nextRunAt = Instant.MIN;
    private volatile RetentionPurge.Result last;
    private volatile CountDownLatch firstTick = new CountDownLatch(1);

    public RetentionSchedule(RetentionPurge purge, Clock clock, Duration checkEvery) {
        if (checkEvery.isNegative() || checkEvery.isZero()) {
            throw new IllegalArgumentException("retention: the check interval must be positive: " + checkEvery);
        }
        this.purge = purge;
        this.clock = clock;
        this.checkEvery = checkEvery;
    }

    @Override
    protected void doStart() {
        nextRunAt = Instant.MIN;
        CountDownLatch started = new CountDownLatch(1);
        firstTick = started;
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        // the first run starts now but on the worker: a first purge of a long backlog must not hold up the start
        worker.execute(() -> {
            try {
                tick();
            } finally {
                started.countDown();
            }
        });
        long every = checkEvery.toMillis();
        worker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** Waits (at most {@code timeout}) until the run at start has been tried; whether it was. */
    boolean awaitStartRun(Duration timeout) throws InterruptedException {
        return firstTick.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws InterruptedException {
        ScheduledExecutorService w = worker;
        worker = null;
        if (w != null) {
            w.shutdownNow();
            if (!w.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("retention: the worker did not stop within 10 s");
            }
        }
    }

    /** Purges if a run is due on the clock; returns whether one ran (and succeeded). */
    public synchronized boolean tick() {
        Instant now = clock.instant();
        if (now.isBefore(nextRunAt)) {
            return false;
        }
        try {
            last = purge.run();
            nextRunAt = last.more() ? now : now.plus(EVERY); // a backlog goes in portions, one per tick
            return true;
        } catch (RuntimeException e) {
            log.error("retention: the purge failed; it is tried again within {}: {}", checkEvery, e.getMessage(), e);
            return false;
        }
    }

    /** The last successful run's counts, or null before the first. */
    public RetentionPurge.Result last() {
        return last;
    }

    @Override
    public String toString() {
        return "retention[" + purge.retention().toDays() + " days]@" + getState();
    }
}
