package org.onetrip.hardware.printer.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.printer.EscPosPrinter;
import org.onetrip.hardware.printer.FakePrinterEnd;
import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.PrinterStatus;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;

/** A network printer on port 9100 switched off and on, or not there at all (the shared cases: {@link TcpPrinterContractTest}). */
class TcpPrinterTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final byte[] job = new EscPosEncoder(PrinterProfile.MM80)
            .encode(ReceiptDocument.builder().title("政务服务受理回执").text("咨询投诉请拨打 12345").build());
    private FakeNetworkPrinter network;
    private EscPosPrinter printer;

    @BeforeEach
    void start() throws Exception {
        network = new FakeNetworkPrinter();
        printer = new EscPosPrinter(new TcpTransport("127.0.0.1", network.port()), PrinterProfile.MM80);
        printer.start();
    }

    @AfterEach
    void stop() throws Exception {
        printer.stop();
        network.close();
    }

    @Test
    void a_printer_switched_off_and_on_again_prints_the_next_job_on_a_new_connection() throws Exception {
        printer.print(new byte[] {'x'});
        FakePrinterEnd first = network.end(1);
        first.awaitPrinted(1, WAIT);
        network.dropConnections();

        PrinterException off = assertThrows(PrinterException.class, () -> printer.print(job));
        assertEquals(PrinterStatus.OFFLINE, off.status());

        printer.print(job);
        FakePrinterEnd second = network.end(2);
        assertArrayEquals(job, second.awaitPrinted(job.length, WAIT));
    }

    @Test
    void a_printer_that_is_not_there_is_offline_but_the_kiosk_still_starts() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        EscPosPrinter absent = new EscPosPrinter(new TcpTransport("127.0.0.1", closedPort), PrinterProfile.MM80);
        absent.start();
        try {
            assertTrue(absent.isStarted());
            assertEquals(PrinterStatus.OFFLINE, absent.status());
            PrinterException e = assertThrows(PrinterException.class, () -> absent.print(job));
            assertEquals(PrinterStatus.OFFLINE, e.status());
            assertTrue(e.getMessage().startsWith("printer[127.0.0.1:" + closedPort + "]: offline: cannot connect"),
                    e.getMessage());
        } finally {
            absent.stop();
        }
    }
}
