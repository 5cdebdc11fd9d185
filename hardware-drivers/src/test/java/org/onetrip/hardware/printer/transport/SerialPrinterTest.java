package org.onetrip.hardware.printer.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** A serial printer over a real pseudo-terminal pair made by socat, opened by path as jSerialComm needs. */
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
    void a_job_arrives_byte_for_byte_and_the_paper_sensor_answers() throws Exception {
        printer.print(job);

        assertArrayEquals(job, printerEnd.awaitPrinted(job.length, WAIT));
        assertTrue(printerEnd.statusRequests() >= 1);
        assertEquals(PrinterStatus.READY, printer.status());
        assertEquals("printer[" + socat.driverSide() + "]", printer.name());
    }

    @Test
    void paper_out_is_reported_and_the_job_is_not_sent() throws Exception {
        printerEnd.paperOut();

        PrinterException e = assertThrows(PrinterException.class, () -> printer.print(job));

        assertEquals(PrinterStatus.PAPER_OUT, e.status());
        assertEquals(PrinterStatus.PAPER_OUT, printer.status());
        assertEquals(0, printerEnd.printed().length);
    }

    @Test
    void paper_near_end_still_prints() throws Exception {
        printerEnd.paperNearEnd();

        printer.print(job);

        assertArrayEquals(job, printerEnd.awaitPrinted(job.length, WAIT));
        assertEquals(PrinterStatus.PAPER_NEAR_END, printer.status());
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
