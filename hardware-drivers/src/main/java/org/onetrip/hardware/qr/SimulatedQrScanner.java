package org.onetrip.hardware.qr;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.hardware.events.EventThread;

/** A scanner without hardware: {@link #scan(String)} delivers text as if a code had been read. */
public final class SimulatedQrScanner extends AbstractLifeCycle implements QrScanner {
    private static final String NAME = "qr-scanner[simulated]";

    private final EventThread<QrScanListener> events = new EventThread<>(NAME, "qr-scanner-simulated");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void doStart() {
        events.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        events.stop();
    }

    @Override
    public void addListener(QrScanListener listener) {
        events.add(listener);
    }

    @Override
    public void removeListener(QrScanListener listener) {
        events.remove(listener);
    }

    public void scan(String text) {
        events.fire(l -> l.onScan(text), "a scan");
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
