package org.onetrip.hardware.printer;

import java.util.Objects;

/**
 * A print job was refused or failed. The message names the device, e.g.
 * {@code printer[simulated]: paper out}; {@link #status()} says what state the printer was in.
 */
public class PrinterException extends RuntimeException {

    private final PrinterStatus status;

    public PrinterException(String device, PrinterStatus status, String problem) {
        this(device, status, problem, null);
    }

    public PrinterException(String device, PrinterStatus status, String problem, Throwable cause) {
        super(device + ": " + problem, cause);
        this.status = Objects.requireNonNull(status, "status");
    }

    public PrinterStatus status() {
        return status;
    }
}
