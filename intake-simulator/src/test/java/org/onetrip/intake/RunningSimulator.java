package org.onetrip.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A started simulator on a temp SQLite file, loopback and an ephemeral port, with a mutable clock. */
final class RunningSimulator implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    static {
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            Path natives = Path.of("target", "sqlite-natives").toAbsolutePath();
            try {
                Files.createDirectories(natives);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("org.sqlite.tmpdir", natives.toString());
        }
    }

    final MutableClock clock = new MutableClock(START);
    final Path databaseFile;
    final IntakeSimulator simulator;

    RunningSimulator(Path directory) {
        this(directory, StatusSchedule.demo());
    }

    RunningSimulator(Path directory, StatusSchedule schedule) {
        databaseFile = directory.resolve("intake.db");
        simulator = new IntakeSimulator(new IntakeSimulatorConfig("127.0.0.1", 0, databaseFile, schedule,
                Duration.ofMinutes(10)), clock);
        start();
    }

    void start() {
        try {
            simulator.start();
        } catch (Exception e) {
            throw new IllegalStateException("test simulator did not start", e);
        }
    }

    void stop() {
        try {
            simulator.stop();
        } catch (Exception e) {
            throw new IllegalStateException("test simulator did not stop", e);
        }
    }

    /** A new terminal with its own key pair, enrolled at the simulator. */
    TestTerminal enrolledTerminal(String terminalId) {
        TestTerminal terminal = unenrolledTerminal(terminalId);
        simulator.enroll(terminalId, terminal.publicKeyPem());
        return terminal;
    }

    TestTerminal unenrolledTerminal(String terminalId) {
        return new TestTerminal(terminalId, simulator::baseUri, clock);
    }

    @Override
    public void close() {
        stop();
    }
}
