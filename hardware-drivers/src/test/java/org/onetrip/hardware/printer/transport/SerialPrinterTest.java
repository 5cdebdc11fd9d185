package org.onetrip.hardware.printer.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.printer.EscPosPrinter;
import org.onetrip.hardware.printer.FakePrinterEnd;
import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.PrinterStatus;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;

/** A serial printer unplugged and plugged back in, over socat pseudo-terminals (the shared cases: {@link SerialPrinterContractTest}). */
class SerialPrinterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private Socat socat;
    private FakePrinterEnd printerEnd;
    private EscPosPrinter printer;
    private final byte[] job = new EscPosEncoder(PrinterProfile.MM58)
            .encode(ReceiptDocument.builder().title("回执").row("申请人", "王*兰").qr("ZW1:ABC", "扫码").build());

    @BeforeEach
    void start() throws Exception {
        plugIn();
        printer = new EscPosPrinter(new SerialTransport(socat.driverSide().toString(), 9600), PrinterProfile.MM58);
        printer.start();
    }

    @AfterEach
    void stop() throws Exception {
        printer.stop();
        socat.close();
    }

    private void plugIn() throws Exception {
        socat = new Socat(dir);
        printerEnd = new FakePrinterEnd(new FileInputStream(socat.printerSide().toFile()),
                new FileOutputStream(socat.printerSide().toFile()), "serial");
    }

    @Test
    void an_unplugged_printer_is_offline_and_prints_again_once_plugged_back_in() throws Exception {
        printer.print(job);
        printerEnd.awaitPrinted(job.length, WAIT);
        socat.close();

        PrinterException unplugged = assertThrows(PrinterException.class, () -> printer.print(job));
        assertEquals(PrinterStatus.OFFLINE, unplugged.status());
        assertEquals(PrinterStatus.OFFLINE, printer.status());

        plugIn();
        printer.print(job);
        assertArrayEquals(job, printerEnd.awaitPrinted(job.length, WAIT));
    }
}
