package org.onetrip.kiosk;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.onetrip.hardware.serial.SerialNatives;
import org.onetrip.kiosk.web.PortInUseException;
import org.onetrip.store.crypto.DataKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./onetrip demo [--port 8080] [--data-dir DIR]} or {@code Main run [--port 8080] [--data-dir DIR]} (the
 * enrolled terminal, as {@code onetrip.service} starts it): starts the kiosk and prints its URL; Ctrl-C (or
 * systemd's SIGTERM) stops every part in reverse order of start. A port in use, a data directory that cannot be
 * written, or a missing or wrong terminal configuration ends with one clear line naming it; the last exits with
 * {@link #EXIT_CONFIG} so systemd does not restart into the same refusal.
 */
public final class Main {
    /** sysexits' EX_CONFIG: the configuration is missing or wrong (onetrip.service: RestartPreventExitStatus). */
    static final int EXIT_CONFIG = 78;

    private Main() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, LaunchOptions.defaultDataDir());
        } catch (LaunchOptions.UsageException e) {
            System.err.println("onetrip: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        String problem = prepareDataDir(options.dataDir());
        if (problem != null) {
            System.err.println("onetrip: " + problem);
            System.exit(1);
            return;
        }
        StartWarmup.begin(!options.production());
        // Before the first logger and the first SQLite connection: logs and natives go under the data dir.
        System.setProperty("onetrip.logDir", options.dataDir().resolve("logs").toString());
        System.setProperty("org.sqlite.tmpdir", options.dataDir().resolve("native").toString());
        if (options.production()) {
            // jSerialComm.library.path: the serial natives in the data directory (owner-only), never /tmp.
            try {
                SerialNatives.extractTo(options.dataDir().resolve("native"));
            } catch (java.io.UncheckedIOException e) {
                System.err.println("onetrip: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
                System.exit(1);
                return;
            }
        }
        System.exit(run(options));
    }

    private static int run(LaunchOptions options) {
        Logger log = LoggerFactory.getLogger(Main.class);
        KioskApplication app;
        try {
            app = assemble(options, Clock.system(KioskApplication.CHINA));
        } catch (TerminalSetupException e) {
            System.err.println("onetrip: " + e.getMessage());
            log.error("start refused: {}", e.getMessage());
            return EXIT_CONFIG;
        } catch (RuntimeException e) {
            log.error("assembly failed", e);
            System.err.println("onetrip: could not start: " + e.getMessage() + " (details in "
                    + options.dataDir().resolve("logs") + ")");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopQuietly(app, log);
            stopped.countDown();
        }, "onetrip-shutdown"));
        try {
            app.startingLatePartsAfterFirstScreen().start();
        } catch (PortInUseException e) {
            System.err.println("onetrip: " + e.getMessage()); // names the port: loopback, or LAN mode's
            stopQuietly(app, log);
            return 1;
        } catch (Exception e) {
            Optional<DataKeyException> key = keyProblem(e);
            if (key.isPresent()) { // restarting cannot help: a technician must put the key file back
                System.err.println("onetrip: " + key.get().getMessage());
                log.error("start refused: {}", key.get().getMessage());
                stopQuietly(app, log);
                return EXIT_CONFIG;
            }
            log.error("start failed", e);
            System.err.println("onetrip: could not start: " + e.getMessage() + " (details in "
                    + options.dataDir().resolve("logs") + ")");
            stopQuietly(app, log);
            return 1;
        }
        System.out.println("OneTrip " + (options.production() ? "" : "demo ") + "is running: " + app.uri() + "   (data: " + options.dataDir()
                + "; Ctrl-C stops it)");
        app.lanUri().ifPresent(lan -> System.out.println("LAN mode: " + lan + " for the allow-listed addresses only"));
        try {
            stopped.await();
            System.out.println("OneTrip stopped.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The data key problem behind a failed start, if that is what it was. */
    static Optional<DataKeyException> keyProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataKeyException k) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The demo, or the terminal enrolled under the data directory. */
    static KioskApplication assemble(LaunchOptions options, Clock clock) {
        if (options.production()) {
            return KioskApplication.production("127.0.0.1", options.port(), options.dataDir(), clock);
        }
        return KioskApplication.demo(KioskApplication.DemoSettings.of(options.port(), options.dataDir()), clock);
    }

    private static void stopQuietly(KioskApplication app, Logger log) {
        try {
            if (!app.isStopped()) {
                app.stop();
            }
        } catch (Exception e) {
            log.warn("stop: {}", e.getMessage(), e);
        }
    }

    /** Creates the data directory and checks it can be written; returns a sentence if not. */
    static String prepareDataDir(Path dir) {
        try {
            Files.createDirectories(dir.resolve("native"));
            Files.createDirectories(dir.resolve("logs"));
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return null;
        } catch (AccessDeniedException e) {
            return "data directory " + dir + " cannot be written (permission denied); choose another with --data-dir";
        } catch (IOException e) {
            return "data directory " + dir + " cannot be written (" + e.getMessage() + "); choose another with --data-dir";
        }
    }
}
