package org.onetrip.hardware.qr;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.hardware.serial.SerialLink;
import org.onetrip.hardware.serial.SerialLinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner in serial (or USB virtual COM) mode: it sends each code's text followed by a terminator. One thread
 * reads and cuts lines; each scan reaches the listeners on that thread. When the device goes away the thread
 * says so once in the log, opens it again (a new port object each time) and says when it is back.
 */
public final class SerialQrScanner extends AbstractLifeCycle implements QrScanner {
    private static final Logger log = LoggerFactory.getLogger(SerialQrScanner.class);
    /** The longest text we accept in one scan; a version-40 QR holds at most 2953 bytes. */
    public static final int MAX_SCAN_BYTES = 4096;

    private final Settings settings;
    private final SerialLink.Opener opener;
    private final List<QrScanListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch stopping;
    private volatile Thread thread;
    private volatile boolean healthy;

    /**
     * @param terminator what the scanner sends after each code (CR by factory default on most models)
     * @param charset    how the scanner encodes non-ASCII text (UTF-8 on current models; some send GBK)
     */
    public record Settings(String path, int baud, byte[] terminator, Charset charset, Duration reconnect) {
    }

    public SerialQrScanner(Settings settings, SerialLink.Opener opener) {
        this.settings = settings;
        this.opener = opener;
    }

    @Override
    public String name() {
        return "qr-scanner[" + settings.path() + "]";
    }

    @Override
    public void addListener(QrScanListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(QrScanListener listener) {
        listeners.remove(listener);
    }

    /** True while started and the device is open. */
    public boolean isHealthy() {
        return isRunning() && healthy;
    }

    @Override
    protected void doStart() {
        stopping = new CountDownLatch(1);
        Thread t = new Thread(this::run, "qr-scanner");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        stopping.countDown();
        Thread t = thread;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(5));
            if (t.isAlive()) {
                log.warn("{}: reader thread did not end within 5 s", name());
            }
        }
        healthy = false;
    }

    private void run() {
        byte[] buf = new byte[512];
        boolean faultLogged = false;
        while (stopping.getCount() > 0) {
            SerialLink link;
            try {
                link = opener.open(settings.path(), settings.baud());
            } catch (SerialLinkException e) {
                if (!faultLogged) {
                    log.warn("{}: {}", name(), e.getMessage());
                    faultLogged = true;
                }
                if (await(settings.reconnect())) {
                    return;
                }
                continue;
            }
            healthy = true;
            log.info("{}: {} at {} baud", name(), faultLogged ? "back" : "open", settings.baud());
            faultLogged = false;
            LineFramer framer = new LineFramer(settings.terminator(), settings.charset(), MAX_SCAN_BYTES);
            try {
                while (stopping.getCount() > 0) {
                    int n = link.read(buf, 100);
                    if (n > 0) {
                        framer.feed(buf, 0, n).forEach(this::fire);
                    }
                }
            } catch (SerialLinkException e) {
                healthy = false;
                log.warn("{}: {}", name(), e.getMessage());
                faultLogged = true;
            } finally {
                link.close();
            }
        }
    }

    private boolean await(Duration d) {
        try {
            return stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void fire(String text) {
        for (QrScanListener listener : listeners) {
            try {
                listener.onScan(text);
            } catch (RuntimeException e) {
                log.warn("{}: a listener failed", name(), e);
            }
        }
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
