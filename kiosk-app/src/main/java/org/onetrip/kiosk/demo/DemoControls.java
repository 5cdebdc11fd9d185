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
    private final Optional<DemoCounty> county;
    private volatile QrOfJob lastQr;

    public DemoControls(SimulatedIdCardReader reader, Optional<SimulatedQrScanner> scanner, SimulatedPrinter printer) {
        this(reader, scanner, printer, Optional.empty());
    }

    /** @param county demo mode's own county, which signs the technician's and the staff badges' QRs */
    public DemoControls(SimulatedIdCardReader reader, Optional<SimulatedQrScanner> scanner, SimulatedPrinter printer,
                        Optional<DemoCounty> county) {
        this.reader = reader;
        this.scanner = scanner;
        this.printer = printer;
        this.county = county;
    }

    /** True when there is a scanner and a county to sign the technician's and the staff badges' QRs (demo mode). */
    public boolean canScanCountyQrs() {
        return scanner.isPresent() && county.isPresent();
    }

    /** Holds a technician's QR, as the county prints one for this terminal, to the simulated scanner. */
    public void scanTechnicianQr() {
        county.ifPresent(c -> scanner.ifPresent(s -> s.scan(c.technicianQr())));
    }

    /** Holds the badge QR of the staff member with this card to the simulated scanner. */
    public void scanStaffQr(IdentityCard card) {
        county.ifPresent(c -> scanner.ifPresent(s -> s.scan(c.staffQr(card.idNumber()))));
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
        Optional<byte[]> job = printer.lastJob();
        if (job.isEmpty()) {
            return Optional.empty();
        }
        QrOfJob known = lastQr;
        if (known != null && java.util.Arrays.equals(known.job(), job.get())) {
            return known.qr();
        }
        // Rendering a receipt costs ~15 ms of CPU; the home screen asks on every visit, the answer changes per job.
        Optional<String> qr = new EscPosRenderer(printer.profile()).render(job.get()).qrPayloads().stream().findFirst();
        lastQr = new QrOfJob(job.get(), qr);
        return qr;
    }

    /** The QR payload read from the bytes of one printer job. */
    private record QrOfJob(byte[] job, Optional<String> qr) {
    }
}
