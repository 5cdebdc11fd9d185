package org.onetrip.hardware.printer.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.printer.EscPosPrinter;
import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.PrinterStatus;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;

/** A USB printer-class device file (/dev/usb/lp0), played by a plain file and by a FIFO with a reader. */
class DeviceFilePrinterTest {
    @TempDir
    Path dir;
    private final byte[] job = new EscPosEncoder(PrinterProfile.MM58)
            .encode(ReceiptDocument.builder().title("回执").qr("ZW1:ABC", "扫码").build());

    @Test
    void jobs_written_to_the_device_file_arrive_in_order() throws Exception {
        Path lp = Files.createFile(dir.resolve("lp0"));
        EscPosPrinter printer = new EscPosPrinter(new DeviceFileTransport(lp), PrinterProfile.MM58);
        printer.start();
        try {
            printer.print(job);
            printer.print(new byte[] {'!'});
            assertEquals(PrinterStatus.READY, printer.status(), "one-way: ready while the device opens");
        } finally {
            printer.stop();
        }

        byte[] written = Files.readAllBytes(lp);
        assertEquals(job.length + 1, written.length);
        assertEquals('!', written[job.length]);
    }

    @Test
    void a_fifo_reader_receives_the_whole_job() throws Exception {
        Path fifo = dir.resolve("lp-fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        EscPosPrinter printer = new EscPosPrinter(new DeviceFileTransport(fifo), PrinterProfile.MM58);
        printer.start();
        printer.print(job);
        printer.stop();

        assertArrayEquals(job, read.get(10, TimeUnit.SECONDS));
    }

    @Test
    void a_missing_device_is_offline_and_named_with_the_fix() throws Exception {
        Path absent = dir.resolve("usb").resolve("lp0");
        EscPosPrinter printer = new EscPosPrinter(new DeviceFileTransport(absent), PrinterProfile.MM58);
        printer.start();
        try {
            PrinterException e = assertThrows(PrinterException.class, () -> printer.print(job));
            assertEquals(PrinterStatus.OFFLINE, e.status());
            assertTrue(e.getMessage().contains(absent + " does not exist") && e.getMessage().contains("usblp"),
                    e.getMessage());
            assertEquals(PrinterStatus.OFFLINE, printer.status());
        } finally {
            printer.stop();
        }
    }
}
