package org.onetrip.kiosk.agency.queue;

import java.util.List;
import java.util.UUID;

import org.onetrip.store.submission.Outbox;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.sync.SyncState;

/**
 * The sync queue for staff: the outbox's records and the engine's state, "retry now" (the engine's own
 * {@link SyncEngine#retryNow()}: clears an operator halt, makes deferred records due, runs a cycle) and
 * putting one quarantined record back in the queue ({@link Outbox#requeue}, audited with the staff id).
 */
public final class QueueService {
    static final int SHOWN = 500;

    private final Outbox outbox;
    private final SyncEngine sync;

    public QueueService(Outbox outbox, SyncEngine sync) {
        this.outbox = outbox;
        this.sync = sync;
    }

    public List<Outbox.QueueRecord> records() {
        return outbox.queue(SHOWN);
    }

    /** Waiting and quarantined records as the outbox holds them now (the engine's state counts at its last cycle). */
    public int pending() {
        return outbox.pendingCount();
    }

    public int quarantined() {
        return outbox.quarantinedCount();
    }

    public SyncState state() {
        return sync.state();
    }

    public void retryNow() {
        sync.retryNow();
    }

    /** False when the record was not quarantined (any more). */
    public boolean requeue(UUID submissionId, String staffId) {
        boolean requeued = outbox.requeue(submissionId, staffId);
        if (requeued) {
            sync.nudge();
        }
        return requeued;
    }
}
