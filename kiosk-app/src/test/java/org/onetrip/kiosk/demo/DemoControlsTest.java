package org.onetrip.kiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.idcard.SimulatedIdCardReader;
import org.onetrip.hardware.printer.SimulatedPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.hardware.qr.SimulatedQrScanner;

class DemoControlsTest {
    private final SimulatedPrinter printer = new SimulatedPrinter(PrinterProfile.MM80);
    private final SimulatedQrScanner scanner = new SimulatedQrScanner();
    private final DemoControls controls = new DemoControls(new SimulatedIdCardReader(), Optional.of(scanner), printer);
    private final LinkedBlockingQueue<String> scanned = new LinkedBlockingQueue<>();

    @Test
    void theLastReceiptScannedIsTheLastOnePrintedAlsoAfterTheQrOfAnEarlierOneWasRemembered() throws Exception {
        printer.start();
        scanner.start();
        scanner.addListener(scanned::add);
        assertFalse(controls.canScanLastReceipt(), "nothing printed yet");

        print("receipt-one");
        assertTrue(controls.canScanLastReceipt());
        assertTrue(controls.scanLastReceipt());
        assertEquals("receipt-one", scanned.poll(5, TimeUnit.SECONDS));

        print("receipt-two");
        assertTrue(controls.canScanLastReceipt());
        assertTrue(controls.scanLastReceipt());
        assertEquals("receipt-two", scanned.poll(5, TimeUnit.SECONDS));

        printer.print(new EscPosEncoder(PrinterProfile.MM80).encode(ReceiptDocument.builder().text("no qr").build()));
        assertFalse(controls.canScanLastReceipt(), "the last job has no QR code");
    }

    private void print(String qr) {
        printer.print(new EscPosEncoder(PrinterProfile.MM80).encode(
                ReceiptDocument.builder().text("回执").qr(qr, "scan me").build()));
    }
}
