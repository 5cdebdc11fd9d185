package org.onetrip.hardware.qr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A scanner without hardware: {@link #scan(String)} delivers text as if a code had been read. */
public final class SimulatedQrScanner extends AbstractLifeCycle implements QrScanner {
    private static final Logger log = LoggerFactory.getLogger(SimulatedQrScanner.class);

    private final List<QrScanListener> listeners = new CopyOnWriteArrayList<>();
    private ExecutorService events;

    @Override
    public String name() {
        return "qr-scanner[simulated]";
    }

    @Override
    protected void doStart() {
        events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qr-scanner-simulated");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    protected void doStop() throws InterruptedException {
        events.shutdown();
        if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("{}: scans still queued at stop", name());
        }
    }

    @Override
    public void addListener(QrScanListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(QrScanListener listener) {
        listeners.remove(listener);
    }

    public void scan(String text) {
        if (!isRunning()) {
            throw new IllegalStateException(name() + ": not started");
        }
        events.execute(() -> listeners.forEach(l -> {
            try {
                l.onScan(text);
            } catch (RuntimeException e) {
                log.warn("{}: a listener failed", name(), e);
            }
        }));
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
