package org.onetrip.hardware.printer;

import org.eclipse.jetty.util.component.LifeCycle;
import org.onetrip.hardware.printer.escpos.PrinterProfile;

/**
 * A receipt printer that takes ESC/POS jobs. Started and stopped with the rest of the kiosk;
 * it prints only while started.
 */
public interface ReceiptPrinter extends LifeCycle {

    /** The device for messages and logs, e.g. {@code printer[/dev/ttyUSB0]}. */
    String name();

    /** What the printer can do; encode jobs for this profile. */
    PrinterProfile profile();

    /** The current status; {@link PrinterStatus#OFFLINE} while not started. */
    PrinterStatus status();

    /**
     * Prints one job. Returns once the printer has taken the bytes; prints on
     * {@link PrinterStatus#PAPER_NEAR_END}.
     *
     * @param escPos the whole job, e.g. from {@code EscPosEncoder.encode}
     * @throws PrinterException if the printer is not started, offline or out of paper, or the
     *                          job could not be sent; nothing was printed then
     */
    void print(byte[] escPos) throws PrinterException;
}
