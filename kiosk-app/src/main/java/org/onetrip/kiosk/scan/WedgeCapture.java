package org.onetrip.kiosk.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.onetrip.hardware.qr.QrPayload;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/**
 * An invisible element that captures a keyboard-wedge scanner in the browser. A wedge scanner "types" the code
 * as keystrokes a few milliseconds apart and ends with Enter; a person types tens to hundreds of milliseconds
 * apart. The script ({@code wedge-capture.js}) keeps the keys of the current burst; when a burst of at least
 * {@link #MIN_LENGTH} keys, none more than {@link #MAX_GAP_MILLIS} apart, ends with Enter or Tab (or with a pause,
 * for scanners set to send no suffix), it takes the burst back out of whatever field had focus, swallows the
 * Enter, and sends the text here. Slower keys are a person typing and are left alone.
 */
@Tag("onetrip-wedge-capture")
public class WedgeCapture extends Component {
    /** The longest pause between two keys of one scan. Scanners send a key every 1-20 ms; people every 80 ms or more. */
    public static final int MAX_GAP_MILLIS = 35;
    /** Fewer keys than this are never a scan (every payload we act on is longer). */
    public static final int MIN_LENGTH = 6;
    static final int MAX_LENGTH = 4096;
    static final String SCRIPT = load();

    private final Consumer<QrPayload> onScan;

    public WedgeCapture(Consumer<QrPayload> onScan) {
        this.onScan = onScan;
        getElement().getStyle().set("display", "none");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs(SCRIPT, MAX_GAP_MILLIS, MIN_LENGTH, MAX_LENGTH);
    }

    /** Called by the script with one scanner burst. */
    @ClientCallable
    void scanned(String text) {
        if (text != null && !text.isBlank() && text.length() <= MAX_LENGTH) {
            onScan.accept(QrPayload.classify(text));
        }
    }

    private static String load() {
        try (InputStream in = WedgeCapture.class.getResourceAsStream("wedge-capture.js")) {
            if (in == null) {
                throw new IllegalStateException("wedge-capture.js is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
