package org.onetrip.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UIDetachedException;

/**
 * The server's side of the privacy timeout: every screen's {@link IdleGuard} registers here, and once per tick
 * each guard decides on its own UI thread (through {@code ui.access}) whether to show the countdown or wipe the
 * session. The browser only reports touches; the decision and the wipe happen here, so a frozen or tampered
 * page cannot keep a resident's data on screen.
 */
public final class IdleService extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(IdleService.class);

    private final Clock clock;
    private final Duration timeout;
    private final Duration tick;
    private final Set<IdleGuard> guards = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    /**
     * @param timeout how long a screen may stay untouched (the terminal's {@code resident.idle-timeout})
     * @param tick    how often the guards look at their timers (a second: the countdown's step)
     */
    public IdleService(Clock clock, Duration timeout, Duration tick) {
        this.clock = clock;
        this.timeout = timeout;
        this.tick = tick;
    }

    /** A fresh timer for one screen. */
    public IdleTimer newTimer() {
        return new IdleTimer(clock, timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    void register(IdleGuard guard) {
        guards.add(guard);
    }

    void unregister(IdleGuard guard) {
        guards.remove(guard);
    }

    /** Number of screens being watched (tests and the diagnostics use it). */
    public int watched() {
        return guards.size();
    }

    /** Asks every guard to look at its timer, each on its own UI thread. */
    public void tickAll() {
        for (IdleGuard guard : guards) {
            guard.getUI().ifPresentOrElse(ui -> {
                try {
                    ui.access(guard::tick);
                } catch (UIDetachedException e) {
                    guards.remove(guard);
                }
            }, () -> guards.remove(guard));
        }
    }

    @Override
    protected void doStart() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idle-watch");
            t.setDaemon(true);
            return t;
        });
        long millis = tick.toMillis();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                tickAll();
            } catch (RuntimeException e) {
                log.error("idle-watch: a tick failed; the next one runs as usual", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
        guards.clear();
    }

    @Override
    public String toString() {
        return "idle-watch[" + timeout.toSeconds() + "s, " + guards.size() + " screens]@" + getState();
    }
}
