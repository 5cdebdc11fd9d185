package org.onetrip.store.submission;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.db.Instants;

/**
 * The store-and-forward queue of sealed submissions, as the sync engine sees it. Each change to a
 * submission and its outbox row is one transaction with its audit entry.
 */
public final class Outbox {
    private final SubmissionStore store;

    public Outbox(SubmissionStore store) {
        this.store = store;
    }

    /** A queued upload: the exact sealed body and how often it was tried. */
    public record Entry(UUID submissionId, byte[] body, int attempts) {
    }

    private static final String DUE = """
            SELECT o.submission_id, s.body, o.attempts
            FROM outbox o JOIN submission s ON s.id = o.submission_id
            WHERE o.state = 'PENDING' AND o.next_attempt_at <= ?
            ORDER BY o.next_attempt_at, s.sealed_at
            LIMIT ?
            """;

    /** Pending uploads due at {@code now}, oldest first. Quarantined ones never block the others. */
    public List<Entry> due(Instant now, int limit) {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(DUE)) {
                ps.setString(1, Instants.format(now));
                ps.setInt(2, limit);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(UUID.fromString(rs.getString(1)), store.openBody(rs.getString(1), rs.getBytes(2)),
                                rs.getInt(3)));
                    }
                }
                return out;
            }
        });
    }

    private static final String PENDING_COUNT = "SELECT count(*) FROM outbox WHERE state = 'PENDING'";

    public int pendingCount() {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(PENDING_COUNT); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static final String DELETE_OUTBOX = "DELETE FROM outbox WHERE submission_id = ?";
    private static final String SET_SENT = """
            UPDATE submission SET status = 'SENT', project_no = ?, status_at = ? WHERE id = ? AND status = 'SEALED'
            """;

    /** The platform has the submission under {@code projectNo}: it leaves the queue. */
    public void sent(UUID id, String projectNo, Instant at) {
        store.db().inTransaction(c -> {
            boolean firstWord;
            try (PreparedStatement ps = c.prepareStatement(SET_SENT)) {
                ps.setString(1, projectNo);
                ps.setString(2, Instants.format(at));
                ps.setString(3, id.toString());
                firstWord = ps.executeUpdate() > 0;
            }
            try (PreparedStatement ps = c.prepareStatement(DELETE_OUTBOX)) {
                ps.setString(1, id.toString());
                ps.executeUpdate();
            }
            if (firstWord) {
                store.history(c, id, SubmissionStatus.SENT, null, at);
            }
            store.audit().append(c, "sync", "submission.sent", id.toString(), "projectNo=" + projectNo);
            return null;
        });
        store.find(id).ifPresent(store::fire);
    }

    private static final String RETRY = """
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, last_attempt_at = ?
            WHERE submission_id = ?
            """;

    /** The upload failed for a reason that may pass; try again at {@code next}. */
    public void retryLater(UUID id, Instant next, String error) {
        retryLater(id, next, error, store.clock().instant());
    }

    /** As {@link #retryLater(UUID, Instant, String)}, recording when the failed attempt was made. */
    public void retryLater(UUID id, Instant next, String error, Instant attemptedAt) {
        store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(RETRY)) {
                ps.setString(1, Instants.format(next));
                ps.setString(2, error);
                ps.setString(3, Instants.format(attemptedAt));
                ps.setString(4, id.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String QUARANTINE_OUTBOX = """
            UPDATE outbox SET state = 'QUARANTINED', attempts = attempts + 1, last_error = ?, last_attempt_at = ?,
                              quarantined_at = ?
            WHERE submission_id = ?
            """;
    private static final String SET_QUARANTINED = """
            UPDATE submission SET status = 'QUARANTINED', status_note = ?, status_at = ? WHERE id = ?
            """;

    /** The platform will never take it as it is (422): keep it, visible with the platform's reason. */
    public void quarantine(UUID id, String reason, Instant at) {
        store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(QUARANTINE_OUTBOX)) {
                ps.setString(1, reason);
                ps.setString(2, Instants.format(at));
                ps.setString(3, Instants.format(at));
                ps.setString(4, id.toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(SET_QUARANTINED)) {
                ps.setString(1, reason);
                ps.setString(2, Instants.format(at));
                ps.setString(3, id.toString());
                ps.executeUpdate();
            }
            store.history(c, id, SubmissionStatus.QUARANTINED, reason, at);
            store.audit().append(c, "sync", "submission.quarantined", id.toString(), "");
            return null;
        });
        store.find(id).ifPresent(store::fire);
    }

    private static final String SET_STATUS = """
            UPDATE submission SET status = ?, status_note = ?, status_at = ?, project_no = coalesce(project_no, ?)
            WHERE id = ?
            """;

    /** A status the platform reported; unknown submissions are ignored and reported as false. */
    public boolean statusChanged(UUID id, SubmissionStatus status, String note, String projectNo, Instant at) {
        boolean known = store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SET_STATUS)) {
                ps.setString(1, status.name());
                ps.setString(2, note);
                ps.setString(3, Instants.format(at));
                ps.setString(4, projectNo);
                ps.setString(5, id.toString());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            store.history(c, id, status, note, at);
            store.audit().append(c, "sync", "submission.status", id.toString(), "status=" + status);
            return true;
        });
        if (known) {
            store.find(id).ifPresent(store::fire);
        }
        return known;
    }

    /** One status the platform reported. */
    public record StatusChange(UUID submissionId, SubmissionStatus status, String note, String projectNo, Instant at) {
    }

    /**
     * A page of statuses the platform reported and the cursor after it, in ONE transaction (one fsync however
     * many changes a terminal that was offline for days pulls at once); changes of submissions this terminal
     * does not have are ignored. Listeners hear of each known one after the commit. Returns how many were known.
     */
    public int statusesChanged(List<StatusChange> changes, String cursorName, String cursor) {
        List<UUID> known = store.db().inTransaction(c -> {
            List<UUID> applied = new ArrayList<>();
            for (StatusChange change : changes) {
                try (PreparedStatement ps = c.prepareStatement(SET_STATUS)) {
                    ps.setString(1, change.status().name());
                    ps.setString(2, change.note());
                    ps.setString(3, Instants.format(change.at()));
                    ps.setString(4, change.projectNo());
                    ps.setString(5, change.submissionId().toString());
                    if (ps.executeUpdate() == 0) {
                        continue;
                    }
                }
                store.history(c, change.submissionId(), change.status(), change.note(), change.at());
                store.audit().append(c, "sync", "submission.status", change.submissionId().toString(),
                        "status=" + change.status());
                applied.add(change.submissionId());
            }
            if (cursor != null) {
                try (PreparedStatement ps = c.prepareStatement(PUT_CURSOR)) {
                    ps.setString(1, cursorName);
                    ps.setString(2, cursor);
                    ps.setString(3, Instants.format(store.clock().instant()));
                    ps.executeUpdate();
                }
            }
            return applied;
        });
        known.stream().distinct().forEach(id -> store.find(id).ifPresent(store::fire));
        return known.size();
    }

    private static final String GET_CURSOR = "SELECT value FROM sync_cursor WHERE name = ?";
    private static final String PUT_CURSOR = """
            INSERT INTO sync_cursor (name, value, updated_at) VALUES (?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """;

    /** Where the pull named {@code name} (status, catalog, …) stands. */
    public Optional<String> cursor(String name) {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(GET_CURSOR)) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void saveCursor(String name, String value) {
        store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(PUT_CURSOR)) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.setString(3, Instants.format(store.clock().instant()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String TO_UPLOAD = """
            SELECT a.sha256, a.size, a.media_type
            FROM submission_attachment sa JOIN attachment a ON a.sha256 = sa.sha256
            WHERE sa.submission_id = ? AND a.uploaded_at IS NULL
            ORDER BY sa.ordinal
            """;

    /** The attachments of {@code id} the platform has not acknowledged yet, in the order the body lists them. */
    public List<AttachmentRef> attachmentsToUpload(UUID id) {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(TO_UPLOAD)) {
                ps.setString(1, id.toString());
                List<AttachmentRef> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AttachmentRef(rs.getString(1), rs.getLong(2), rs.getString(3)));
                    }
                }
                return out;
            }
        });
    }

    /** The bytes of an attachment as staged (decrypted), from their start. */
    public java.io.InputStream openAttachment(AttachmentRef ref) throws java.io.IOException {
        return store.attachments().open(ref.sha256());
    }

    public boolean attachmentPresent(AttachmentRef ref) {
        return store.attachments().isPresent(ref);
    }

    private static final String UPLOADED = """
            UPDATE attachment SET uploaded_at = ? WHERE sha256 = ? AND uploaded_at IS NULL
            """;

    /** The platform acknowledged the bytes of {@code sha256}: they are never sent again. */
    public void attachmentUploaded(String sha256, Instant at) {
        store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPLOADED)) {
                ps.setString(1, Instants.format(at));
                ps.setString(2, sha256);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String WAKE = """
            UPDATE outbox SET next_attempt_at = ? WHERE state = 'PENDING' AND next_attempt_at > ?
            """;

    /** Makes every pending upload due at {@code now} (the link is back: no need to wait out old backoffs). */
    public int wakeAll(Instant now) {
        return store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(WAKE)) {
                ps.setString(1, Instants.format(now));
                ps.setString(2, Instants.format(now));
                return ps.executeUpdate();
            }
        });
    }

    private static final String REQUEUE_OUTBOX = """
            UPDATE outbox SET state = 'PENDING', next_attempt_at = ?, quarantined_at = NULL
            WHERE submission_id = ? AND state = 'QUARANTINED'
            """;
    private static final String SET_SEALED_AGAIN = """
            UPDATE submission SET status = 'SEALED', status_note = NULL, status_at = ? WHERE id = ? AND status = 'QUARANTINED'
            """;

    /**
     * Staff's "retry this one": a quarantined submission goes back into the queue, due now. False when it was not
     * quarantined.
     */
    public boolean requeue(UUID id, String actor) {
        Instant now = store.clock().instant();
        boolean requeued = store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(REQUEUE_OUTBOX)) {
                ps.setString(1, Instants.format(now));
                ps.setString(2, id.toString());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(SET_SEALED_AGAIN)) {
                ps.setString(1, Instants.format(now));
                ps.setString(2, id.toString());
                ps.executeUpdate();
            }
            store.history(c, id, SubmissionStatus.SEALED, null, now);
            store.audit().append(c, actor, "submission.requeued", id.toString(), "");
            return true;
        });
        if (requeued) {
            store.find(id).ifPresent(store::fire);
        }
        return requeued;
    }

    /** One record of the queue as an operator sees it. */
    public record QueueRecord(UUID submissionId, String state, int attempts, Instant nextAttemptAt,
                              Optional<Instant> lastAttemptAt, Optional<String> lastError, Instant sealedAt) {
    }

    private static final String QUEUE = """
            SELECT o.submission_id, o.state, o.attempts, o.next_attempt_at, o.last_attempt_at, o.last_error, s.sealed_at
            FROM outbox o JOIN submission s ON s.id = o.submission_id
            ORDER BY s.sealed_at
            LIMIT ?
            """;

    /** The queue, oldest first, at most {@code limit} records: state, attempts and last error of each. */
    public List<QueueRecord> queue(int limit) {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(QUEUE)) {
                ps.setInt(1, limit);
                List<QueueRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new QueueRecord(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getInt(3),
                                Instant.parse(rs.getString(4)),
                                Optional.ofNullable(rs.getString(5)).map(Instant::parse),
                                Optional.ofNullable(rs.getString(6)), Instant.parse(rs.getString(7))));
                    }
                }
                return out;
            }
        });
    }

    private static final String OLDEST_PENDING = """
            SELECT min(s.sealed_at) FROM outbox o JOIN submission s ON s.id = o.submission_id WHERE o.state = 'PENDING'
            """;

    /** When the oldest submission still waiting to be sent was sealed. */
    public Optional<Instant> oldestPendingSealedAt() {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(OLDEST_PENDING); ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? Optional.of(Instant.parse(rs.getString(1)))
                        : Optional.empty();
            }
        });
    }

    private static final String QUARANTINED_COUNT = "SELECT count(*) FROM outbox WHERE state = 'QUARANTINED'";

    public int quarantinedCount() {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(QUARANTINED_COUNT); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static final String GET_HALT = "SELECT value FROM setting WHERE name = 'sync.halted'";
    private static final String PUT_HALT = """
            INSERT INTO setting (name, value) VALUES ('sync.halted', ?)
            ON CONFLICT(name) DO UPDATE SET value = excluded.value
            """;
    private static final String DELETE_HALT = "DELETE FROM setting WHERE name = 'sync.halted'";

    /** The operator message the queue was stopped with (401/403), kept across restarts until someone acts. */
    public Optional<String> operatorHalt() {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(GET_HALT); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** Stops the queue for an operator, durably, with an audit entry (the message names no resident). */
    public void saveOperatorHalt(String message) {
        store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(PUT_HALT)) {
                ps.setString(1, message);
                ps.executeUpdate();
            }
            store.audit().append(c, "sync", "sync.halted", "queue", message);
            return null;
        });
    }

    /** An operator let the queue go again ("retry now"); returns whether it was stopped. */
    public boolean clearOperatorHalt(String actor) {
        return store.db().inTransaction(c -> {
            int cleared;
            try (PreparedStatement ps = c.prepareStatement(DELETE_HALT)) {
                cleared = ps.executeUpdate();
            }
            if (cleared > 0) {
                store.audit().append(c, actor, "sync.resumed", "queue", "");
            }
            return cleared > 0;
        });
    }

    /** A corrupt database file set aside at start, if there was one (the heartbeat reports it). */
    public Optional<Path> databaseSetAside() {
        return store.db().setAside();
    }

    /** The database file (the heartbeat reports the free space of its disk). */
    public Path databaseFile() {
        return store.db().file();
    }
}
