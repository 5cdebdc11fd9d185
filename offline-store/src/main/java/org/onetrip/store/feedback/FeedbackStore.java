package org.onetrip.store.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.db.Database;
import org.onetrip.store.db.Instants;

import tools.jackson.databind.json.JsonMapper;

/**
 * Ratings and complaints, each written in one transaction with its queue row and its audit entry, and the
 * queue the sync engine drains ({@code POST} with the record's id as {@code Idempotency-Key}). Comments and
 * complaint texts go into the body for the platform only; the audit log names the record, never its words.
 */
public final class FeedbackStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TEXT = 2_000;

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final String terminalId;
    private final Supplier<UUID> ids;

    public FeedbackStore(Database db, AuditLog audit, Clock clock, String terminalId, Supplier<UUID> ids) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.terminalId = terminalId;
        this.ids = ids;
    }

    /** A queued rating or complaint: its exact body and how often it was tried. */
    public record Entry(UUID id, FeedbackKind kind, byte[] body, int attempts) {
    }

    private static final String INSERT_EVALUATION = """
            INSERT INTO evaluation (id, submission_id, rating, created_at, body) VALUES (?, ?, ?, ?, ?)
            """;

    /**
     * Keeps a 好差评 rating (1 = 非常不满意 … 5 = 非常满意) of a submission sealed here and queues it; returns its id.
     *
     * @param comment what the resident said, or empty
     */
    public UUID rate(UUID submissionId, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("evaluation: rating must be 1-5, got " + rating);
        }
        UUID id = ids.get();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluationId", id.toString());
        body.put("submissionId", submissionId.toString());
        body.put("terminalId", terminalId);
        body.put("rating", rating);
        body.put("comment", clip(comment));
        body.put("ratedAt", now.toString());
        byte[] bytes = JSON.writeValueAsBytes(body);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_EVALUATION)) {
                ps.setString(1, id.toString());
                ps.setString(2, submissionId.toString());
                ps.setInt(3, rating);
                ps.setString(4, Instants.format(now));
                ps.setBytes(5, db.cipher().seal(DataCipher.recordId("evaluation", id.toString()), bytes));
                ps.executeUpdate();
            }
            queue(c, id, FeedbackKind.EVALUATION, now);
            audit.append(c, "resident", "evaluation.given", submissionId.toString(), "evaluation=" + id + " rating=" + rating);
            return null;
        });
        return id;
    }

    private static final String INSERT_COMPLAINT = """
            INSERT INTO complaint (id, submission_id, category, created_at, body) VALUES (?, ?, ?, ?, ?)
            """;

    /**
     * Keeps a complaint or consultation and queues it; returns its id.
     *
     * @param about    the submission it is about, if any
     * @param category e.g. {@code 服务态度}, {@code 办理时限}, {@code 咨询}
     * @param text     the resident's words (at most 2,000 characters are kept)
     */
    public UUID complain(Optional<UUID> about, String category, String text) {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("complaint: a category is needed");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("complaint: the text is empty");
        }
        UUID id = ids.get();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("complaintId", id.toString());
        body.put("submissionId", about.map(UUID::toString).orElse(null));
        body.put("terminalId", terminalId);
        body.put("category", category);
        body.put("text", clip(text));
        body.put("filedAt", now.toString());
        byte[] bytes = JSON.writeValueAsBytes(body);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_COMPLAINT)) {
                ps.setString(1, id.toString());
                ps.setString(2, about.map(UUID::toString).orElse(null));
                ps.setString(3, category);
                ps.setString(4, Instants.format(now));
                ps.setBytes(5, db.cipher().seal(DataCipher.recordId("complaint", id.toString()), bytes));
                ps.executeUpdate();
            }
            queue(c, id, FeedbackKind.COMPLAINT, now);
            audit.append(c, "resident", "complaint.filed", id.toString(), "category=" + category);
            return null;
        });
        return id;
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static final String QUEUE = """
            INSERT INTO feedback_outbox (id, kind, state, attempts, next_attempt_at) VALUES (?, ?, 'PENDING', 0, ?)
            """;

    private static void queue(Connection c, UUID id, FeedbackKind kind, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(QUEUE)) {
            ps.setString(1, id.toString());
            ps.setString(2, kind.name());
            ps.setString(3, Instants.format(now));
            ps.executeUpdate();
        }
    }

    private static final String DUE = """
            SELECT o.id, o.kind, coalesce(e.body, c.body), o.attempts
            FROM feedback_outbox o
            LEFT JOIN evaluation e ON o.kind = 'EVALUATION' AND e.id = o.id
            LEFT JOIN complaint c ON o.kind = 'COMPLAINT' AND c.id = o.id
            WHERE o.state = 'PENDING' AND o.next_attempt_at <= ?
            ORDER BY o.next_attempt_at
            LIMIT ?
            """;

    /** Ratings and complaints due at {@code now}, oldest first. */
    public List<Entry> due(Instant now, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(DUE)) {
                ps.setString(1, Instants.format(now));
                ps.setInt(2, limit);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FeedbackKind kind = FeedbackKind.valueOf(rs.getString(2));
                        String record = DataCipher.recordId(kind == FeedbackKind.EVALUATION ? "evaluation" : "complaint",
                                rs.getString(1));
                        out.add(new Entry(UUID.fromString(rs.getString(1)), kind,
                                db.cipher().open(record, rs.getBytes(3)), rs.getInt(4)));
                    }
                }
                return out;
            }
        });
    }

    private static final String SENT = """
            UPDATE feedback_outbox SET state = 'SENT', sent_at = ?, last_attempt_at = ?, last_error = NULL
            WHERE id = ? AND state = 'PENDING'
            """;

    public void sent(UUID id, Instant at) {
        update(SENT, Instants.format(at), Instants.format(at), id.toString());
    }

    private static final String RETRY = """
            UPDATE feedback_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ?, last_error = ?
            WHERE id = ?
            """;

    public void retryLater(UUID id, Instant next, String error, Instant attemptedAt) {
        update(RETRY, Instants.format(next), Instants.format(attemptedAt), error, id.toString());
    }

    private static final String QUARANTINE = """
            UPDATE feedback_outbox SET state = 'QUARANTINED', attempts = attempts + 1, last_attempt_at = ?, last_error = ?
            WHERE id = ?
            """;

    /** The platform will never take it as it is: kept, visible with the platform's reason. */
    public void quarantine(UUID id, String reason, Instant at) {
        update(QUARANTINE, Instants.format(at), reason, id.toString());
    }

    private static final String STATE = "SELECT state FROM feedback_outbox WHERE id = ?";

    /** PENDING, SENT or QUARANTINED; empty for an id this terminal does not have. */
    public Optional<String> state(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(STATE)) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static final String PENDING = "SELECT count(*) FROM feedback_outbox WHERE state = 'PENDING'";

    public int pendingCount() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(PENDING); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private void update(String sql, String... args) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
