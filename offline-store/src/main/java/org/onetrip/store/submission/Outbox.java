package org.onetrip.store.submission;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
                        out.add(new Entry(UUID.fromString(rs.getString(1)), rs.getBytes(2), rs.getInt(3)));
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
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE submission_id = ?
            """;

    /** The upload failed for a reason that may pass; try again at {@code next}. */
    public void retryLater(UUID id, Instant next, String error) {
        store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(RETRY)) {
                ps.setString(1, Instants.format(next));
                ps.setString(2, error);
                ps.setString(3, id.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String QUARANTINE_OUTBOX = """
            UPDATE outbox SET state = 'QUARANTINED', attempts = attempts + 1, last_error = ? WHERE submission_id = ?
            """;
    private static final String SET_QUARANTINED = """
            UPDATE submission SET status = 'QUARANTINED', status_note = ?, status_at = ? WHERE id = ?
            """;

    /** The platform will never take it as it is (422): keep it, visible with the platform's reason. */
    public void quarantine(UUID id, String reason, Instant at) {
        store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(QUARANTINE_OUTBOX)) {
                ps.setString(1, reason);
                ps.setString(2, id.toString());
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

    private static final String GET_SETTING = "SELECT value FROM setting WHERE name = ?";
    private static final String PUT_SETTING = """
            INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value
            """;

    public Optional<String> cursor(String name) {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(GET_SETTING)) {
                ps.setString(1, "cursor." + name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void saveCursor(String name, String value) {
        store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(PUT_SETTING)) {
                ps.setString(1, "cursor." + name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
