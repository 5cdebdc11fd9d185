package org.onetrip.kiosk.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.KioskApplication;

/**
 * The kiosk under test of {@link JourneyBenchmark}, in its own JVM (so that its heap limit, resident set and heap
 * histogram are the app's alone): demo mode on an ephemeral loopback port with a short resident idle timeout.
 * Prints {@code JOURNEY-KIOSK <url>} when ready and stops when its standard input closes.
 *
 * <p>Arguments: {@code DATA_DIR IDLE_TIMEOUT_SECONDS}.
 */
public final class JourneyKiosk {
    static final String READY = "JOURNEY-KIOSK ";

    private JourneyKiosk() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
        java.nio.file.Files.createDirectories(dataDir.resolve("native"));
        KioskApplication app = KioskApplication.demo(new KioskApplication.DemoSettings("127.0.0.1", 0, dataDir,
                StatusSchedule.demo(), Duration.ofSeconds(5)).withResidentIdleTimeout(idle),
                Clock.system(KioskApplication.CHINA));
        app.start();
        System.out.println(READY + app.uri());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait for the driver to close our standard input
            }
        } finally {
            app.stop();
        }
    }
}
