package org.onetrip.store.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What the sync engine can tell an operator: queue depth, last success, last error, and whether the queue is
 * halted (and why) until someone acts.
 */
public record SyncState(int pending, Optional<Instant> lastSuccess, Optional<String> lastError,
                        Optional<String> halted) {
    static SyncState initial() {
        return new SyncState(0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    SyncState withPending(int n) {
        return new SyncState(n, lastSuccess, lastError, halted);
    }

    SyncState succeeded(Instant at) {
        return new SyncState(pending, Optional.of(at), Optional.empty(), halted);
    }

    SyncState failed(String error) {
        return new SyncState(pending, lastSuccess, Optional.of(error), halted);
    }

    SyncState halt(String message) {
        return new SyncState(pending, lastSuccess, Optional.of(message), Optional.of(message));
    }

    SyncState resumed() {
        return new SyncState(pending, lastSuccess, lastError, Optional.empty());
    }
}
