package org.onetrip.hardware.printer.transport;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.printer.EscPosPrinter;
import org.onetrip.hardware.printer.FakePrinterEnd;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.ReceiptPrinterContract;
import org.onetrip.hardware.printer.escpos.PrinterProfile;

/** The real driver over a serial port: a socat pseudo-terminal pair, the printer played on the far end. */
class SerialPrinterContractTest extends ReceiptPrinterContract {
    @TempDir
    Path dir;
    private Socat socat;
    private FakePrinterEnd printerEnd;
    private EscPosPrinter printer;

    @BeforeEach
    void start() throws Exception {
        socat = new Socat(dir);
        printerEnd = new FakePrinterEnd(new FileInputStream(socat.printerSide().toFile()),
                new FileOutputStream(socat.printerSide().toFile()), "serial");
        printer = new EscPosPrinter(new SerialTransport(socat.driverSide().toString(), 9600), PrinterProfile.MM58);
        printer.start();
    }

    @AfterEach
    void stop() throws Exception {
        printer.stop();
        socat.close();
    }

    @Override
    protected ReceiptPrinter printer() {
        return printer;
    }

    @Override
    protected void paperOut() {
        printerEnd.paperOut();
    }

    @Override
    protected void paperNearEnd() {
        printerEnd.paperNearEnd();
    }

    @Override
    protected void paperLoaded() {
        printerEnd.paperLoaded();
    }

    @Override
    protected byte[] printed(int length) throws Exception {
        return printerEnd.awaitPrinted(length, Duration.ofSeconds(10));
    }
}
