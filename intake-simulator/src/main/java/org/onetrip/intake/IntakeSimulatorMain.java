package org.onetrip.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.onetrip.intake.fault.Faults;

/**
 * The simulator on its own: {@code ./onetrip intake-simulator [--port 8090] [--data-dir DIR] [--host H]
 * [--enroll ID=PUBLIC_KEY_PEM_FILE]… [--catalog VERSION=BUNDLE_FILE]… [--error-rate R]
 * [--commit-then-fail-rate R] [--reset-rate R] [--slow-rate R] [--slow-ms MS] [--seed N]}. Prints its URL and
 * runs until Ctrl-C. Wrong arguments exit 2 with the usage.
 */
public final class IntakeSimulatorMain {
    static final String USAGE = """
            usage: ./onetrip intake-simulator [--port PORT] [--data-dir DIR] [--host HOST]
                     [--enroll TERMINAL_ID=PUBLIC_KEY_PEM_FILE]... [--catalog VERSION=BUNDLE_FILE]...
                     [--error-rate R] [--commit-then-fail-rate R] [--reset-rate R] [--slow-rate R] [--slow-ms MS]
                     [--seed N]
              rates are shares of API requests from 0 to 1: 503 answers, stored-but-answer-lost, connection resets,
              late answers (by --slow-ms). Defaults: port 8090, data dir ./intake-simulator-data, no faults.""";

    private IntakeSimulatorMain() {
    }

    /** The parsed command line. */
    record Options(String host, int port, Path dataDir, Map<String, Path> enrol, Map<Long, Path> catalogs,
                   Faults faults) {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            System.exit(0);
            return;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("intake-simulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            Files.createDirectories(options.dataDir().resolve("native"));
        } catch (IOException e) {
            System.err.println("intake-simulator: data directory " + options.dataDir() + " cannot be written: "
                    + e.getMessage() + "; choose another with --data-dir");
            System.exit(1);
            return;
        }
        System.setProperty("onetrip.logDir", options.dataDir().resolve("logs").toString());
        System.setProperty("org.sqlite.tmpdir", options.dataDir().resolve("native").toString());
        System.exit(run(options));
    }

    private static int run(Options options) {
        IntakeSimulator simulator = new IntakeSimulator(new IntakeSimulatorConfig(options.host(), options.port(),
                options.dataDir().resolve("intake-simulator.db"), StatusSchedule.demo(),
                IntakeSimulatorConfig.CONTRACT_CLOCK_SKEW), Clock.systemUTC());
        try {
            for (Map.Entry<String, Path> e : options.enrol().entrySet()) {
                simulator.enroll(e.getKey(), Files.readString(e.getValue(), StandardCharsets.US_ASCII));
            }
            simulator.setFaults(options.faults());
            simulator.start();
            for (Map.Entry<Long, Path> e : options.catalogs().entrySet()) {
                simulator.publishCatalog(e.getKey(), Files.readAllBytes(e.getValue()));
            }
        } catch (Exception e) {
            System.err.println("intake-simulator: could not start: " + e.getMessage());
            stopQuietly(simulator);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopQuietly(simulator);
            stopped.countDown();
        }, "intake-simulator-shutdown"));
        System.out.println("Intake simulator is running: " + simulator.baseUri() + "   (data: " + options.dataDir()
                + (options.faults().any() ? "; faults: " + options.faults() : "") + "; Ctrl-C stops it)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void stopQuietly(IntakeSimulator simulator) {
        try {
            if (!simulator.isStopped()) {
                simulator.stop();
            }
        } catch (Exception e) {
            System.err.println("intake-simulator: stop: " + e.getMessage());
        }
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 8090;
        Path dataDir = Path.of("intake-simulator-data");
        Map<String, Path> enrol = new LinkedHashMap<>();
        Map<Long, Path> catalogs = new LinkedHashMap<>();
        double error = 0;
        double commitThenFail = 0;
        double reset = 0;
        double slow = 0;
        long slowMs = 2_000;
        long seed = System.nanoTime();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = rest.removeFirst();
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = (int) number(option, value, 0, 65_535);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--enroll" -> {
                    String[] pair = pair(option, value);
                    enrol.put(pair[0], Path.of(pair[1]));
                }
                case "--catalog" -> {
                    String[] pair = pair(option, value);
                    catalogs.put(number(option, pair[0], 1, Long.MAX_VALUE), Path.of(pair[1]));
                }
                case "--error-rate" -> error = rate(option, value);
                case "--commit-then-fail-rate" -> commitThenFail = rate(option, value);
                case "--reset-rate" -> reset = rate(option, value);
                case "--slow-rate" -> slow = rate(option, value);
                case "--slow-ms" -> slowMs = number(option, value, 0, 600_000);
                case "--seed" -> seed = number(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        Faults faults = new Faults(error, commitThenFail, reset, slow, Duration.ofMillis(slowMs), seed);
        return new Options(host, port, dataDir.toAbsolutePath().normalize(), enrol, catalogs, faults);
    }

    private static String[] pair(String option, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException(option + " wants NAME=FILE, got '" + value + "'");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    private static long number(String option, String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be " + min + "-" + max + ", got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
        }
    }

    private static double rate(String option, String value) {
        try {
            double r = Double.parseDouble(value);
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException(option + " must be between 0 and 1, got " + value);
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number between 0 and 1, got '" + value + "'");
        }
    }
}
