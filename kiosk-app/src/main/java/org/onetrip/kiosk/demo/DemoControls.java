package org.onetrip.kiosk.demo;

import java.util.List;
import java.util.Optional;

import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.idcard.SimulatedIdCardReader;
import org.onetrip.hardware.printer.SimulatedPrinter;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.hardware.qr.SimulatedQrScanner;

/**
 * The knobs of demo mode's simulated devices, offered on screen in a clearly marked panel. Registered as a
 * service only when the reader is simulated; the app never asks whether it is in demo mode.
 */
public final class DemoControls {
    private final SimulatedIdCardReader reader;
    private final Optional<SimulatedQrScanner> scanner;
    private final SimulatedPrinter printer;

    public DemoControls(SimulatedIdCardReader reader, Optional<SimulatedQrScanner> scanner, SimulatedPrinter printer) {
        this.reader = reader;
        this.scanner = scanner;
        this.printer = printer;
    }

    public List<IdentityCard> cards() {
        return DemoCards.all();
    }

    /** Puts a card on the simulated reader (and takes the previous one off first, as a hand would). */
    public void insertCard(IdentityCard card) {
        reader.removeCard();
        reader.insertCard(card);
    }

    public void removeCard() {
        reader.removeCard();
    }

    /** True when there is a scanner to hold a receipt to and a printed receipt to hold. */
    public boolean canScanLastReceipt() {
        return scanner.isPresent() && lastReceiptQr().isPresent();
    }

    /**
     * Holds the last printed receipt to the simulated scanner: the QR payload is read back from the very
     * bytes the simulated printer received, as a scanner would read it off the paper.
     */
    public boolean scanLastReceipt() {
        Optional<String> qr = lastReceiptQr();
        if (scanner.isEmpty() || qr.isEmpty()) {
            return false;
        }
        scanner.get().scan(qr.get());
        return true;
    }

    private Optional<String> lastReceiptQr() {
        return printer.lastJob()
                .flatMap(job -> new EscPosRenderer(printer.profile()).render(job).qrPayloads().stream().findFirst());
    }
}
