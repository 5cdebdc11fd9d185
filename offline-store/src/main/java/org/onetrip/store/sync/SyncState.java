package org.onetrip.store.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the sync engine can tell an operator: queue depth (submissions and feedback still to send), how many
 * are quarantined, last success, last error, whether the queue is halted (and why) until someone acts, and how
 * far the platform's clock is from this terminal's.
 */
public record SyncState(int pending, int quarantined, int feedbackPending, Optional<Instant> lastSuccess,
                        Optional<String> lastError, Optional<String> halted, Optional<Duration> clockSkew) {
    static SyncState initial() {
        return new SyncState(0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    SyncState withQueue(int pending, int quarantined, int feedbackPending, Optional<Duration> skew) {
        return new SyncState(pending, quarantined, feedbackPending, lastSuccess, lastError, halted, skew);
    }

    SyncState succeeded(Instant at) {
        return new SyncState(pending, quarantined, feedbackPending, Optional.of(at), Optional.empty(), halted, clockSkew);
    }

    SyncState failed(String error) {
        return new SyncState(pending, quarantined, feedbackPending, lastSuccess, Optional.of(error), halted, clockSkew);
    }

    SyncState halt(String message) {
        return new SyncState(pending, quarantined, feedbackPending, lastSuccess, Optional.of(message),
                Optional.of(message), clockSkew);
    }

    SyncState resumed() {
        return new SyncState(pending, quarantined, feedbackPending, lastSuccess, lastError, Optional.empty(), clockSkew);
    }
}
