package org.onetrip.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One screen's idle clock: the time since the resident last touched the screen, against the terminal's
 * timeout. Paused while the kiosk itself is busy for the resident (a card being read, a receipt printing, an
 * upload running); the wait restarts in full when the work is done, so nobody is sent home mid-job. Pure logic
 * on an injected {@link Clock}; thread-safe.
 */
public final class IdleTimer {
    /** The countdown shows for at most this long before the timeout. */
    static final Duration MAX_WARNING = Duration.ofSeconds(20);

    private final Clock clock;
    private final Duration timeout;
    private Instant lastActivity;
    private int busy;

    public IdleTimer(Clock clock, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, got " + timeout);
        }
        this.clock = clock;
        this.timeout = timeout;
        this.lastActivity = clock.instant();
    }

    /** The resident did something: the full wait starts again. */
    public synchronized void activity() {
        lastActivity = clock.instant();
    }

    /** The kiosk starts work the resident waits for; the timer stands still until {@link #resume()}. */
    public synchronized void pause() {
        busy++;
    }

    /** The work is done: the timer runs again from a full wait. */
    public synchronized void resume() {
        if (busy > 0) {
            busy--;
        }
        lastActivity = clock.instant();
    }

    public synchronized boolean paused() {
        return busy > 0;
    }

    /** How long until the screen is wiped; the full timeout while paused, zero once expired. */
    public synchronized Duration remaining() {
        if (busy > 0) {
            return timeout;
        }
        Duration left = timeout.minus(Duration.between(lastActivity, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired() {
        return remaining().isZero();
    }

    /** Whether the countdown should be on screen: the last third of the wait, at most {@link #MAX_WARNING}. */
    public boolean warning() {
        Duration window = timeout.dividedBy(3);
        if (window.compareTo(MAX_WARNING) > 0) {
            window = MAX_WARNING;
        }
        Duration left = remaining();
        return !paused() && !left.isZero() && left.compareTo(window) <= 0;
    }

    /** Whole seconds left, rounded up, as the countdown shows them. */
    public long secondsLeft() {
        Duration left = remaining();
        return left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    }

    public Duration timeout() {
        return timeout;
    }
}
