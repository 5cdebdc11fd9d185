package org.onetrip.intake.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * What share of API requests fail, and how. Rates are probabilities per request (0 to 1, summing to at most
 * 1); a request gets at most one fault.
 *
 * @param errorRate          answered 503 without being handled
 * @param commitThenFailRate handled and committed, then the connection is reset instead of answering: the
 *                           platform has it but the terminal never hears so
 * @param resetRate          the connection is reset before the request is handled
 * @param slowRate           handled normally but answered only after {@code slowDelay}
 * @param slowDelay          how late a slow answer is
 * @param seed               of the random draws, so a failing run can be repeated
 */
public record Faults(double errorRate, double commitThenFailRate, double resetRate, double slowRate,
                     Duration slowDelay, long seed) {
    public static final Faults NONE = new Faults(0, 0, 0, 0, Duration.ZERO, 1);

    public Faults {
        for (double rate : new double[] {errorRate, commitThenFailRate, resetRate, slowRate}) {
            if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
                throw new IllegalArgumentException("faults: every rate must be between 0 and 1, got " + rate);
            }
        }
        if (errorRate + commitThenFailRate + resetRate + slowRate > 1.0000001) {
            throw new IllegalArgumentException("faults: the rates add up to more than 1");
        }
        Objects.requireNonNull(slowDelay, "faults: slowDelay is null; use Duration.ZERO");
        if (slowDelay.isNegative()) {
            throw new IllegalArgumentException("faults: slowDelay is negative");
        }
    }

    /** {@code total} of the requests fail, split evenly between 503s, commit-then-fail and resets. */
    public static Faults mixed(double total, long seed) {
        return new Faults(total / 3, total / 3, total / 3, 0, Duration.ZERO, seed);
    }

    public boolean any() {
        return errorRate + commitThenFailRate + resetRate + slowRate > 0;
    }

    /** What happens to one request. */
    public enum Fault { NONE, ERROR, COMMIT_THEN_FAIL, RESET, SLOW }

    Fault pick(double draw) {
        double edge = errorRate;
        if (draw < edge) {
            return Fault.ERROR;
        }
        edge += commitThenFailRate;
        if (draw < edge) {
            return Fault.COMMIT_THEN_FAIL;
        }
        edge += resetRate;
        if (draw < edge) {
            return Fault.RESET;
        }
        edge += slowRate;
        return draw < edge ? Fault.SLOW : Fault.NONE;
    }
}
