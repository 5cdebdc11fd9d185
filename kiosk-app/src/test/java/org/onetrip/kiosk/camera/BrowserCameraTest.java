package org.onetrip.kiosk.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;

/**
 * The camera's server side without a browser: frames are decoded off the UI thread, one at a time per page (the
 * rest dropped), finds reach the screen on its UI thread, and what is not base64 is ignored.
 */
class BrowserCameraTest {
    private final List<String> found = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch decoded = new CountDownLatch(1);
    private final AtomicInteger decodes = new AtomicInteger();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        MockVaadin.tearDown();
    }

    @Test
    void frames_are_decoded_in_the_background_one_at_a_time_and_finds_reach_the_ui_thread() throws Exception {
        Thread uiThread = Thread.currentThread();
        List<Thread> decodedOn = new CopyOnWriteArrayList<>();
        BrowserCamera camera = BrowserCamera.scanning(frame -> {
            decodedOn.add(Thread.currentThread());
            decodes.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            decoded.countDown();
            return Optional.of(new String(frame));
        }, text -> found.add(text));
        UI.getCurrent().add(camera);

        camera.frame(b64("RECEIPT-1"));
        camera.frame(b64("RECEIPT-2")); // arrives while the first is still being decoded: dropped
        release.countDown();
        assertTrue(decoded.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(20); // the virtual thread hands the find over with ui.access; the round trip runs it
            MockVaadin.clientRoundtrip(false);
        }
        assertEquals(List.of("RECEIPT-1"), found);
        assertEquals(1, decodes.get(), "the second frame was dropped");
        assertFalse(decodedOn.contains(uiThread), "never decoded on the UI thread");
    }

    @Test
    void what_is_not_base64_is_ignored() {
        BrowserCamera camera = BrowserCamera.scanning(frame -> {
            decodes.incrementAndGet();
            return Optional.of("x");
        }, text -> found.add(text));
        UI.getCurrent().add(camera);
        camera.frame("not base64 at all!");
        camera.frame("");
        assertEquals(0, decodes.get());
        assertEquals(Optional.empty(), BrowserCamera.decode("x".repeat(BrowserCamera.MAX_BASE64 + 4)));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes());
    }
}
