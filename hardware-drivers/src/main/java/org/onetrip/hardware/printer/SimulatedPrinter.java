package org.onetrip.hardware.printer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.hardware.printer.escpos.PrinterProfile;

/**
 * A printer in memory: keeps the bytes of the last {@value #KEPT_JOBS} jobs and has knobs for
 * the paper and the connection. Render a job with {@code EscPosRenderer} to see it.
 * Thread-safe.
 */
public final class SimulatedPrinter extends AbstractLifeCycle implements ReceiptPrinter {

    static final int KEPT_JOBS = 50;

    private final PrinterProfile profile;
    private final Object lock = new Object();
    private final Deque<byte[]> jobs = new ArrayDeque<>();
    private PrinterStatus paper = PrinterStatus.READY;
    private boolean offline;

    public SimulatedPrinter(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    @Override
    public String name() {
        return "printer[simulated]";
    }

    @Override
    public PrinterProfile profile() {
        return profile;
    }

    @Override
    public PrinterStatus status() {
        synchronized (lock) {
            return !isStarted() || offline ? PrinterStatus.OFFLINE : paper;
        }
    }

    @Override
    public void print(byte[] escPos) {
        Objects.requireNonNull(escPos, "escPos");
        synchronized (lock) {
            if (!isStarted()) {
                throw new PrinterException(name(), PrinterStatus.OFFLINE, "not started (" + getState() + ")");
            }
            if (offline) {
                throw new PrinterException(name(), PrinterStatus.OFFLINE, "offline");
            }
            if (paper == PrinterStatus.PAPER_OUT) {
                throw new PrinterException(name(), PrinterStatus.PAPER_OUT, "paper out");
            }
            if (jobs.size() == KEPT_JOBS) {
                jobs.removeFirst();
            }
            jobs.addLast(escPos.clone());
        }
    }

    /** The roll runs out: jobs are refused with {@link PrinterStatus#PAPER_OUT}. */
    public void paperOut() {
        setPaper(PrinterStatus.PAPER_OUT);
    }

    /** The near-end sensor trips: jobs still print. */
    public void paperNearEnd() {
        setPaper(PrinterStatus.PAPER_NEAR_END);
    }

    /** A new roll is loaded. */
    public void paperLoaded() {
        setPaper(PrinterStatus.READY);
    }

    /** The cable is pulled or the printer switched off. */
    public void offline() {
        synchronized (lock) {
            offline = true;
        }
    }

    /** The printer is reachable again. */
    public void online() {
        synchronized (lock) {
            offline = false;
        }
    }

    /** Copies of the kept jobs, oldest first. */
    public List<byte[]> jobs() {
        synchronized (lock) {
            return jobs.stream().map(byte[]::clone).toList();
        }
    }

    /** A copy of the most recent job. */
    public Optional<byte[]> lastJob() {
        synchronized (lock) {
            return Optional.ofNullable(jobs.peekLast()).map(byte[]::clone);
        }
    }

    @Override
    public String toString() {
        return name() + "{" + getState() + ", " + status() + ", " + profile.name() + "}";
    }

    private void setPaper(PrinterStatus status) {
        synchronized (lock) {
            paper = status;
        }
    }
}
