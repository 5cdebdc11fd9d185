package org.onetrip.store.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionPurge} at start (after the database, before any session) and then once a day. A worker
 * thread calls {@link #tick()} every {@code checkEvery}; a tick purges when a day has passed on the injected clock
 * since the last successful run, so tests drive it by moving the clock and calling {@code tick()}. A failed run is
 * logged and tried again at the next tick; it never stops the terminal.
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
        tick();
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        long every = checkEvery.toMillis();
        worker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
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
            nextRunAt = now.plus(EVERY);
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
