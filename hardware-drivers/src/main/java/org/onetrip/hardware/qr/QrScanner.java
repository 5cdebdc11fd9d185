package org.onetrip.hardware.qr;

import org.eclipse.jetty.util.component.LifeCycle;

/**
 * A QR / barcode scanner. Implementations deliver each decoded text to the listeners on their own thread; a
 * listener hands work to its own thread and returns quickly.
 */
public interface QrScanner extends LifeCycle {
    String name();

    void addListener(QrScanListener listener);

    void removeListener(QrScanListener listener);
}
