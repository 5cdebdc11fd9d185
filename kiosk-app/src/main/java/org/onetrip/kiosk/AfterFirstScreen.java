package org.onetrip.kiosk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parts the first screen does not need (the queue, the uplink, the store's catalog, the demo's own platform),
 * started in order on a thread of their own once the first screen is up ({@code firstScreen}) and {@code settle}
 * has passed, or after {@code latest}, whichever comes first: on a two-core board the kiosk's Chromium draws the first screen
 * without the JVM competing for the cores, and a terminal whose browser never comes still starts its queue. A part
 * that fails to start is logged and the rest still start (the terminal works offline with what it has). Stopping
 * stops the started ones in reverse order, waiting for a start under way.
 */
final class AfterFirstScreen extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(AfterFirstScreen.class);

    private final List<LifeCycle> parts;
    private final CompletableFuture<Void> firstScreen;
    private final Duration settle;
    private final Duration latest;
    private final LifeCycle.Listener partLog;
    private final List<LifeCycle> started = new ArrayList<>(); // guarded by this
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Thread starter;

    AfterFirstScreen(List<LifeCycle> parts, CompletableFuture<Void> firstScreen, Duration settle, Duration latest,
                     LifeCycle.Listener partLog) {
        this.parts = List.copyOf(parts);
        this.firstScreen = firstScreen;
        this.settle = settle;
        this.latest = latest;
        this.partLog = partLog;
    }

    /** Completes when every part has been started (or failed to): tests and the demo's banner wait on it. */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    protected void doStart() {
        parts.forEach(p -> p.addEventListener(partLog));
        starter = Thread.ofPlatform().name("after-first-screen").daemon(true).start(this::startParts);
    }

    private void startParts() {
        try {
            try {
                firstScreen.get(latest.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(settle);
            } catch (java.util.concurrent.TimeoutException e) {
                log.info("no screen came up within {} s: starting the queue anyway", latest.toSeconds());
            }
            for (LifeCycle part : parts) {
                synchronized (this) {
                    if (!isStarting() && !isRunning()) {
                        return; // stopped meanwhile
                    }
                    try {
                        part.start();
                        started.add(part);
                    } catch (Exception e) {
                        log.error("failed to start {}: {}", part, e.getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.error("after the first screen: {}", e.getMessage(), e);
        } finally {
            done.complete(null);
        }
    }

    @Override
    protected void doStop() throws Exception {
        Thread t = starter;
        if (t != null) {
            t.interrupt();
        }
        synchronized (this) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).stop();
                } catch (Exception e) {
                    log.warn("stopping {}: {}", started.get(i), e.getMessage());
                }
            }
            started.clear();
        }
    }

    @Override
    public String toString() {
        return "after-first-screen[" + parts.size() + " parts]@" + getState();
    }
}
