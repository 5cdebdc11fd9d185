package org.onetrip.hardware.printer;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.onetrip.hardware.printer.escpos.PrinterProfile;

class SimulatedPrinterContractTest extends ReceiptPrinterContract {
    private final SimulatedPrinter printer = new SimulatedPrinter(PrinterProfile.MM58);

    @BeforeEach
    void start() throws Exception {
        printer.start();
    }

    @AfterEach
    void stop() throws Exception {
        printer.stop();
    }

    @Override
    protected ReceiptPrinter printer() {
        return printer;
    }

    @Override
    protected void paperOut() {
        printer.paperOut();
    }

    @Override
    protected void paperNearEnd() {
        printer.paperNearEnd();
    }

    @Override
    protected void paperLoaded() {
        printer.paperLoaded();
    }

    @Override
    protected byte[] printed(int length) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        printer.jobs().forEach(all::writeBytes);
        return all.toByteArray();
    }
}
