package org.onetrip.intake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link IntakeSimulator} listens, where it keeps its data, how statuses advance and how far a
 * terminal's {@code Date} header may be from the simulator's clock. Validated on construction.
 *
 * @param host          interface to listen on, e.g. {@code 127.0.0.1}
 * @param port          TCP port, or 0 for an ephemeral one (see {@link IntakeSimulator#baseUri()})
 * @param databaseFile  the simulator's own SQLite file (created with its parent directories when missing)
 * @param schedule      how submissions' statuses advance after receipt
 * @param maxClockSkew  the largest accepted difference between a request's {@code Date} and the clock
 */
public record IntakeSimulatorConfig(String host, int port, Path databaseFile, StatusSchedule schedule,
                                    Duration maxClockSkew) {
    public static final Duration CONTRACT_CLOCK_SKEW = Duration.ofMinutes(10);

    public IntakeSimulatorConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("intake simulator config: host is blank; use 127.0.0.1 for loopback");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("intake simulator config: port " + port
                    + " is out of range; use 1-65535, or 0 for an ephemeral port");
        }
        Objects.requireNonNull(databaseFile,
                "intake simulator config: databaseFile is null; give the path of the simulator's SQLite file");
        Objects.requireNonNull(schedule, "intake simulator config: schedule is null; use StatusSchedule.demo()");
        if (maxClockSkew == null || maxClockSkew.isNegative() || maxClockSkew.isZero()) {
            throw new IllegalArgumentException("intake simulator config: maxClockSkew must be positive; the contract"
                    + " allows " + CONTRACT_CLOCK_SKEW);
        }
    }

    /** Loopback, an ephemeral port, the demo schedule and the contract's 10-minute clock skew. */
    public static IntakeSimulatorConfig demo(Path databaseFile) {
        return new IntakeSimulatorConfig("127.0.0.1", 0, databaseFile, StatusSchedule.demo(), CONTRACT_CLOCK_SKEW);
    }
}
