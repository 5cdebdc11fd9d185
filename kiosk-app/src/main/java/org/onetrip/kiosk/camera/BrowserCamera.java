package org.onetrip.kiosk.camera;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

/**
 * The terminal's camera in the kiosk's browser, with a live preview. In {@linkplain #scanning scan mode} it sends
 * a small JPEG frame every {@link #SCAN_EVERY}; each is decoded off the UI thread (outside the session lock, so the
 * page stays responsive), one at a time per page (frames arriving meanwhile are dropped), until the screen says it
 * found what it wanted; in
 * {@linkplain #forPhotos photo mode} {@link #takePhoto} sends one larger frame. A page without a camera (or whose
 * camera is refused) reports it once through {@code onUnavailable}; the preview turns itself off after
 * {@link #MAX_PREVIEW} in photo mode and whenever the component leaves the page. Until the camera runs the
 * component takes no room. Keep it visible ({@code setVisible(false)} would hold back its script).
 */
@Tag("onetrip-camera")
public class BrowserCamera extends Component {
    private static final Logger log = LoggerFactory.getLogger(BrowserCamera.class);
    /** Time between two scan frames: each is decoded on the server, one at a time. */
    public static final Duration SCAN_EVERY = Duration.ofMillis(300);
    /** Longest side of a scan frame; a receipt's QR code held to the camera decodes well at this size. */
    public static final int SCAN_SIDE = 800;
    /** Longest side of a document photo. */
    public static final int PHOTO_SIDE = 1600;
    /** Longest a photo preview stays open untouched. */
    public static final Duration MAX_PREVIEW = Duration.ofSeconds(90);
    /** Frames or photos larger than this (base64 characters) are refused. */
    static final int MAX_BASE64 = 12 * 1024 * 1024;
    static final String SCRIPT = load();

    private final String mode;
    private final Function<byte[], Optional<Object>> decoder;
    private final Predicate<Object> onFound;
    private final AtomicBoolean decoding = new AtomicBoolean();
    private Consumer<String> onUnavailable = reason -> {
    };
    private Runnable onStarted = () -> {
    };
    private Runnable onClosed = () -> {
    };
    private boolean running;

    private BrowserCamera(String mode, Function<byte[], Optional<Object>> decoder, Predicate<Object> onFound) {
        this.mode = mode;
        this.decoder = decoder;
        this.onFound = onFound;
        addClassName("camera");
        addClassName("camera-" + mode);
    }

    /**
     * A camera whose frames are decoded by {@code decoder} (on a thread of its own: it must not touch the UI) and
     * whose finds go to {@code onFound} on the UI thread, until that returns true (then the camera stops).
     */
    @SuppressWarnings("unchecked")
    public static <T> BrowserCamera scanning(Function<byte[], Optional<T>> decoder, Predicate<T> onFound) {
        return new BrowserCamera("scan", frame -> decoder.apply(frame).map(t -> (Object) t),
                found -> onFound.test((T) found));
    }

    /** A camera that takes photos when asked. */
    public static BrowserCamera forPhotos() {
        return new BrowserCamera("photo", frame -> Optional.empty(), found -> false);
    }

    /** Called once when there is no camera, or the browser refused it (reason for the log, not for residents). */
    public BrowserCamera onUnavailable(Consumer<String> listener) {
        this.onUnavailable = listener;
        return this;
    }

    public BrowserCamera onStarted(Runnable listener) {
        this.onStarted = listener;
        return this;
    }

    /** Called when the preview turned itself off after {@link #MAX_PREVIEW}. */
    public BrowserCamera onClosed(Runnable listener) {
        this.onClosed = listener;
        return this;
    }

    /** Whether the preview is showing. */
    public boolean running() {
        return running;
    }

    /** Takes a photo of what the preview shows; {@code onPhoto} gets the JPEG bytes, or empty when there is none. */
    public void takePhoto(Consumer<Optional<byte[]>> onPhoto) {
        getElement().executeJs("return this.__grab ? this.__grab($0) : null", PHOTO_SIDE)
                .then(String.class, b64 -> onPhoto.accept(decode(b64)),
                        error -> {
                            log.warn("camera: a photo could not be taken: {}", error);
                            onPhoto.accept(Optional.empty());
                        });
    }

    /**
     * Asks {@code page}'s browser, without turning a camera on, whether it has one; {@code onAnswer} runs on the
     * UI thread (false too when the browser cannot tell).
     */
    public static void probe(Component page, Consumer<Boolean> onAnswer) {
        page.getElement().executeJs("""
                        return navigator.mediaDevices && navigator.mediaDevices.enumerateDevices
                            ? navigator.mediaDevices.enumerateDevices().then(ds => ds.some(d => d.kind === 'videoinput'))
                            : false""")
                .then(Boolean.class, onAnswer::accept, error -> onAnswer.accept(false));
    }

    /** Turns the camera off (the component stays where it is). */
    public void stop() {
        running = false;
        getElement().executeJs("if (this.__stopCamera) { this.__stopCamera(); }");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        getElement().executeJs(SCRIPT, mode, (int) SCAN_EVERY.toMillis(), SCAN_SIDE, (int) MAX_PREVIEW.toMillis());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        running = false;
    }

    /** One scan frame; decoded on a virtual thread unless the previous one is still being decoded. */
    @ClientCallable
    boolean frame(String base64) {
        if (!decoding.compareAndSet(false, true)) {
            return false;
        }
        Optional<byte[]> bytes = decode(base64);
        UI ui = UI.getCurrent();
        if (bytes.isEmpty() || ui == null) {
            decoding.set(false);
            return false;
        }
        Thread.ofVirtual().name("camera-decode").start(() -> {
            try {
                decoder.apply(bytes.get()).ifPresent(found -> ui.access(() -> {
                    if (onFound.test(found)) {
                        stop();
                    }
                }));
            } catch (UIDetachedException e) {
                // the page went away while the frame was decoded
            } catch (RuntimeException e) {
                log.warn("camera: a frame could not be decoded ({}); the next one is tried", e.toString());
            } finally {
                decoding.set(false);
            }
        });
        return false;
    }

    @ClientCallable
    void started() {
        running = true;
        onStarted.run();
    }

    @ClientCallable
    void unavailable(String reason) {
        running = false;
        log.info("camera: none in this browser ({}); the screen offers its other way", reason);
        onUnavailable.accept(reason == null ? "" : reason);
    }

    @ClientCallable
    void closed() {
        running = false;
        onClosed.run();
    }

    static Optional<byte[]> decode(String base64) {
        if (base64 == null || base64.isEmpty() || base64.length() > MAX_BASE64) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            log.warn("camera: a frame arrived that is not base64; ignored");
            return Optional.empty();
        }
    }

    private static String load() {
        try (InputStream in = BrowserCamera.class.getResourceAsStream("browser-camera.js")) {
            if (in == null) {
                throw new IllegalStateException("browser-camera.js is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
