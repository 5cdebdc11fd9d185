package org.onetrip.hardware.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's listeners and the one thread that delivers its events to them, in order, as a real driver's
 * poll thread would. A listener that throws is logged and the others still hear the event. Owned by a
 * device, started and stopped with it.
 *
 * @param <L> the device's listener type
 */
public final class EventThread<L> {
    private static final Logger log = LoggerFactory.getLogger(EventThread.class);

    private final String device;
    private final String threadName;
    private final List<L> listeners = new CopyOnWriteArrayList<>();
    private volatile ExecutorService thread;

    /**
     * @param device     the device as a technician names it, e.g. {@code id-reader[simulated]}
     * @param threadName the delivery thread's name, as thread dumps show it
     */
    public EventThread(String device, String threadName) {
        this.device = device;
        this.threadName = threadName;
    }

    public void add(L listener) {
        listeners.add(listener);
    }

    public void remove(L listener) {
        listeners.remove(listener);
    }

    public void start() {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Delivers what is queued (waiting up to 5 s), then ends the thread. */
    public void stop() throws InterruptedException {
        ExecutorService t = thread;
        if (t == null) {
            return;
        }
        t.shutdown();
        if (!t.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("{}: events still queued at stop", device);
        }
    }

    /** Queues {@code event} for every listener; fails when the device is not started. */
    public void fire(Consumer<L> event, String what) {
        ExecutorService t = thread;
        if (t == null || t.isShutdown()) {
            throw new IllegalStateException(device + ": not started");
        }
        t.execute(() -> {
            for (L listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    log.warn("{}: a listener failed on {}", device, what, e);
                }
            }
        });
    }
}
