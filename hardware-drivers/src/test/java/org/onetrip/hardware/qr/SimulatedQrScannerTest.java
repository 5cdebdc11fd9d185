package org.onetrip.hardware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scans are waited for with a bounded poll: a wait for an event, not a sleep. */
class SimulatedQrScannerTest {
    private static final long WAIT_SECONDS = 5;

    private final SimulatedQrScanner scanner = new SimulatedQrScanner();
    private final BlockingQueue<String> scans = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> threads = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        scanner.stop();
    }

    @Test
    void each_scan_reaches_listeners_in_order_on_the_scanners_thread() throws Exception {
        start();

        scanner.scan("OT1.first");
        scanner.scan("电子社保卡:二维码");

        assertEquals(List.of("OT1.first", "电子社保卡:二维码"), List.of(next(), next()));
        assertEquals("qr-scanner-simulated", threads.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertNull(scans.poll());
    }

    @Test
    void a_throwing_listener_does_not_keep_the_scan_from_the_others() throws Exception {
        scanner.addListener(text -> {
            throw new IllegalStateException("a listener with a bug");
        });
        start();

        scanner.scan("one");
        scanner.scan("two");

        assertEquals(List.of("one", "two"), List.of(next(), next()));
    }

    @Test
    void a_removed_listener_hears_nothing_more() throws Exception {
        BlockingQueue<String> other = new LinkedBlockingQueue<>();
        QrScanListener removed = other::add;
        scanner.addListener(removed);
        start();
        scanner.scan("one");
        next();
        assertEquals("one", other.poll(WAIT_SECONDS, TimeUnit.SECONDS));

        scanner.removeListener(removed);
        scanner.scan("two");
        next();

        assertNull(other.poll());
    }

    @Test
    void scanning_needs_a_started_scanner() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scanner.scan("early"));

        assertTrue(e.getMessage().contains("qr-scanner[simulated]"), e.getMessage());
        start();
        scanner.stop();
        assertThrows(IllegalStateException.class, () -> scanner.scan("late"));
    }

    private void start() throws Exception {
        scanner.addListener(text -> {
            threads.add(Thread.currentThread().getName());
            scans.add(text);
        });
        scanner.start();
    }

    private String next() throws InterruptedException {
        String next = scans.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(next, "no scan within " + WAIT_SECONDS + " s");
        return next;
    }
}
