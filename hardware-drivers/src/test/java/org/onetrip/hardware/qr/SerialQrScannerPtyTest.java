package org.onetrip.hardware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.serial.JSerialCommLink;
import org.onetrip.hardware.serial.SerialLink;
import org.onetrip.hardware.serial.SerialNatives;
import org.onetrip.hardware.serial.Socat;

/** The serial scanner driver on a socat pseudo-terminal, the test writing what a scanner would send. */
class SerialQrScannerPtyTest {
    @TempDir
    Path dir;
    private Socat socat;
    private SerialQrScanner scanner;
    private final BlockingQueue<String> scans = new LinkedBlockingQueue<>();

    @BeforeEach
    void plugIn() throws Exception {
        SerialNatives.extractTo(dir.resolve("native"));
        socat = Socat.start(dir);
        scanner = new SerialQrScanner(new SerialQrScanner.Settings(socat.host(), 9600, new byte[]{'\r'},
                StandardCharsets.UTF_8, Duration.ofMillis(100)), JSerialCommLink::open);
        scanner.addListener(scans::add);
        scanner.start();
    }

    @AfterEach
    void unplug() throws Exception {
        scanner.stop();
        socat.close();
    }

    @Test
    void each_terminated_code_is_one_scan_in_order() throws Exception {
        try (SerialLink device = JSerialCommLink.open(socat.device(), 9600)) {
            awaitHealthy();
            device.write("ZW1:ABC\rONETRIP:STATUS:2f1d6c0e-5b1a-4f7e-9a55-0c4d1e2f3a4b\r长丰县\r"
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals("ZW1:ABC", next());
            assertEquals("ONETRIP:STATUS:2f1d6c0e-5b1a-4f7e-9a55-0c4d1e2f3a4b", next());
            assertEquals("长丰县", next());
        }
    }

    @Test
    void a_scanner_unplugged_and_plugged_in_again_scans_again() throws Exception {
        awaitHealthy();
        socat.unplug();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (scanner.isHealthy()) {
            assertTrue(System.nanoTime() < deadline, "unplug not noticed");
            Thread.sleep(10); // bounded wait for the reader thread to notice
        }
        socat.plugIn();
        awaitHealthy();
        try (SerialLink device = JSerialCommLink.open(socat.device(), 9600)) {
            device.write("https://zwfw.gov.cn/\r".getBytes(StandardCharsets.UTF_8));
            assertEquals("https://zwfw.gov.cn/", next());
        }
    }

    private String next() throws InterruptedException {
        String s = scans.poll(10, TimeUnit.SECONDS);
        assertNotNull(s, "no scan within 10 s");
        return s;
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!scanner.isHealthy()) {
            assertTrue(System.nanoTime() < deadline, "scanner not open");
            Thread.sleep(10); // bounded wait for the reader thread to open the port
        }
    }
}
