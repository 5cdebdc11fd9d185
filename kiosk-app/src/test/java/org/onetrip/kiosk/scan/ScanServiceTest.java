package org.onetrip.kiosk.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.qr.QrPayload;
import org.onetrip.hardware.qr.SimulatedQrScanner;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;

/** Scans from the serial scanner and from the wedge capture reach a screen classified, on its UI thread. */
class ScanServiceTest {
    private final SimulatedQrScanner scanner = new SimulatedQrScanner();
    private final List<QrPayload> seen = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        MockVaadin.setup();
        scanner.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        scanner.stop();
        MockVaadin.tearDown();
    }

    @Test
    void a_serial_scan_reaches_the_screen_classified_through_ui_access() throws Exception {
        ScanService service = new ScanService(Optional.of(scanner));
        UI ui = UI.getCurrent();
        ScanService.Subscription subscription = service.subscribe(ui, p -> {
            seen.add(p);
            threads.add(Thread.currentThread());
        });
        ui.add(subscription.wedge());
        UUID id = UUID.randomUUID();

        scanner.scan("ONETRIP:STATUS:" + id);
        awaitSeen(1);

        assertEquals(id, assertInstanceOf(QrPayload.ReceiptReference.class, seen.getFirst()).submissionId());
        subscription.remove();
        scanner.scan("ZW1:AFTER");
        assertTrue(subscription.wedge().getParent().isEmpty(), "the capture leaves the screen");
    }

    @Test
    void a_wedge_burst_sent_by_the_script_is_classified() {
        ScanService service = new ScanService(Optional.empty());
        ScanService.Subscription subscription = service.subscribe(UI.getCurrent(), seen::add);
        UI.getCurrent().add(subscription.wedge());

        subscription.wedge().scanned("OTP1:eyJyZWdpb24iOiIzNDAxMjEifQ");
        subscription.wedge().scanned("");
        subscription.wedge().scanned("x".repeat(WedgeCapture.MAX_LENGTH + 1));

        assertEquals(1, seen.size());
        assertInstanceOf(QrPayload.Provisioning.class, seen.getFirst());
    }

    private void awaitSeen(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (seen.size() < n) {
            assertTrue(System.nanoTime() < deadline, "no scan reached the screen");
            MockVaadin.clientRoundtrip(false);
            Thread.sleep(10); // bounded wait for the scanner's thread to hand the scan over
        }
    }
}
