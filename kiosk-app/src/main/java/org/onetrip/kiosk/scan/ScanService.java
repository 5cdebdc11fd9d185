package org.onetrip.kiosk.scan;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.onetrip.hardware.qr.QrPayload;
import org.onetrip.hardware.qr.QrScanListener;
import org.onetrip.hardware.qr.QrScanner;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Brings scans to a screen, classified, whatever scanned them: a serial scanner (its events reach the screen's
 * UI thread through {@code ui.access}), a keyboard-wedge scanner typing into the page ({@link WedgeCapture}), or an
 * uploaded picture ({@link #decodePicture}). A screen subscribes while it wants scans.
 */
public final class ScanService {
    private final Optional<QrScanner> scanner;
    private final Predicate<UI> atTerminal;
    private final ImageQrDecoder pictures = new ImageQrDecoder();

    /** @param scanner the serial scanner, or empty where scans come only from the browser */
    public ScanService(Optional<QrScanner> scanner) {
        this(scanner, ui -> true);
    }

    /**
     * @param atTerminal whether a screen is the terminal's own: only those get the serial scanner's scans (a LAN
     *                   tablet scans with its own camera or wedge, never what a resident shows the kiosk)
     */
    public ScanService(Optional<QrScanner> scanner, Predicate<UI> atTerminal) {
        this.scanner = scanner;
        this.atTerminal = atTerminal;
    }

    /**
     * Delivers the serial scanner's scans to {@code onScan} on {@code ui}'s thread, and returns a capture component
     * the screen adds so a keyboard-wedge scanner's scans arrive the same way.
     */
    public Subscription subscribe(UI ui, Consumer<QrPayload> onScan) {
        Registration hardware = scanner.filter(s -> atTerminal.test(ui)).map(s -> {
            QrScanListener listener = text -> ui.access(() -> onScan.accept(QrPayload.classify(text)));
            s.addListener(listener);
            return (Registration) () -> s.removeListener(listener);
        }).orElse(() -> {
        });
        return new Subscription(new WedgeCapture(onScan), hardware);
    }

    /** A QR code found in an uploaded picture, classified; empty when there is none (or it is not a picture). */
    public Optional<QrPayload> decodePicture(byte[] picture) {
        return pictures.decode(picture).map(QrPayload::classify);
    }

    /**
     * @param wedge add it to the screen; it listens for wedge scans while attached
     */
    public record Subscription(WedgeCapture wedge, Registration hardware) implements Registration {
        @Override
        public void remove() {
            hardware.remove();
            wedge.getElement().removeFromParent();
        }
    }
}
