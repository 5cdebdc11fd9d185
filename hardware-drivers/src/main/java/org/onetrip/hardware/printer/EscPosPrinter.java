package org.onetrip.hardware.printer;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.hardware.printer.escpos.PaperSensor;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.printer.transport.PrinterTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real ESC/POS printer behind a {@link PrinterTransport}. On a two-way transport every job is
 * preceded by {@code DLE EOT 4}: paper out refuses the job before a byte of it is sent, paper
 * near end prints and is reported. A printer that is unplugged or unreachable makes the job fail
 * with {@link PrinterStatus#OFFLINE}; the next job opens the transport afresh, so a printer that
 * comes back needs no restart of the kiosk. Starting never fails for a missing printer: the kiosk
 * must come up and seal submissions without paper. Thread-safe: jobs and status requests are
 * serialised.
 */
public final class EscPosPrinter extends AbstractLifeCycle implements ReceiptPrinter {
    private static final Logger log = LoggerFactory.getLogger(EscPosPrinter.class);
    /** How long a printer has to answer a status request: it answers in real time, even mid-job. */
    static final Duration STATUS_TIMEOUT = Duration.ofMillis(500);

    private final PrinterTransport transport;
    private final PrinterProfile profile;
    private final Object lock = new Object();
    private PrinterStatus lastStatus = PrinterStatus.OFFLINE;

    public EscPosPrinter(PrinterTransport transport, PrinterProfile profile) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    @Override
    public String name() {
        return "printer[" + transport.device() + "]";
    }

    @Override
    public PrinterProfile profile() {
        return profile;
    }

    @Override
    protected void doStart() {
        synchronized (lock) {
            try {
                connect();
                lastStatus = transport.twoWay() ? ask() : PrinterStatus.READY;
            } catch (IOException | PrinterException e) {
                lastStatus = PrinterStatus.OFFLINE;
                transport.close();
                log.warn("{}: not available at start ({}); receipts will be retried per job", name(), e.getMessage());
            }
        }
    }

    @Override
    protected void doStop() {
        synchronized (lock) {
            transport.close();
            lastStatus = PrinterStatus.OFFLINE;
        }
    }

    /**
     * Asks the printer now on a two-way transport; on a one-way transport, {@code READY} if the
     * device can be opened. {@code OFFLINE} while stopped.
     */
    @Override
    public PrinterStatus status() {
        synchronized (lock) {
            if (!isStarted()) {
                return PrinterStatus.OFFLINE;
            }
            try {
                connect();
                lastStatus = transport.twoWay() ? ask() : PrinterStatus.READY;
            } catch (IOException | PrinterException e) {
                transport.close();
                lastStatus = PrinterStatus.OFFLINE;
            }
            return lastStatus;
        }
    }

    @Override
    public void print(byte[] escPos) {
        Objects.requireNonNull(escPos, "escPos");
        synchronized (lock) {
            if (!isStarted()) {
                throw new PrinterException(name(), PrinterStatus.OFFLINE, "not started (" + getState() + ")");
            }
            try {
                connect();
                if (transport.twoWay()) {
                    lastStatus = ask();
                    if (lastStatus == PrinterStatus.PAPER_OUT) {
                        throw new PrinterException(name(), PrinterStatus.PAPER_OUT, "paper out");
                    }
                    if (lastStatus == PrinterStatus.PAPER_NEAR_END) {
                        log.warn("{}: paper near end: load a new roll soon", name());
                    }
                }
                transport.write(escPos);
            } catch (PrinterException e) {
                if (e.status() == PrinterStatus.OFFLINE) {
                    transport.close();
                    lastStatus = PrinterStatus.OFFLINE;
                }
                throw e;
            } catch (IOException e) {
                transport.close();
                lastStatus = PrinterStatus.OFFLINE;
                throw new PrinterException(name(), PrinterStatus.OFFLINE, "offline: " + e.getMessage(), e);
            }
        }
    }

    private void connect() throws IOException {
        if (!transport.isOpen()) {
            transport.open();
        }
    }

    /** DLE EOT 4 and its reply; no reply means the printer is off or the cable is out. */
    private PrinterStatus ask() throws IOException {
        Optional<Integer> reply = transport.query(PaperSensor.request(), STATUS_TIMEOUT);
        if (reply.isEmpty()) {
            throw new PrinterException(name(), PrinterStatus.OFFLINE, "offline: no answer to a status request");
        }
        return PaperSensor.status(reply.get()).orElseThrow(() -> new PrinterException(name(), PrinterStatus.OFFLINE,
                "offline: status reply " + String.format("0x%02X", reply.get()) + " is not a paper sensor status"));
    }

    @Override
    public String toString() {
        return name() + "{" + getState() + ", " + lastStatus + ", " + profile.name() + ", " + transport + "}";
    }
}
