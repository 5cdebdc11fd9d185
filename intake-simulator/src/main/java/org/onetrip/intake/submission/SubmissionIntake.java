package org.onetrip.intake.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.onetrip.intake.attachment.AttachmentStore;
import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.http.Endpoint;
import org.onetrip.intake.http.Json;
import org.onetrip.intake.http.Reply;
import org.onetrip.intake.http.SignedRequest;
import org.onetrip.intake.idempotency.IdempotencyLedger;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/submissions}: 400 without a UUID {@code Idempotency-Key}; a repeat of the key gets the
 * first answer (200) or 409; a submission breaking {@link SubmissionRules} gets 422 and does not use up its
 * key; otherwise the body is stored exactly as received and the answer is 201 {@code {projectNo, receivedAt}}.
 */
public final class SubmissionIntake implements Endpoint {
    static final String ENDPOINT = "submissions";

    private final IntakeDatabase database;
    private final Clock clock;
    private final IdempotencyLedger ledger;
    private final SubmissionRules rules;

    public SubmissionIntake(IntakeDatabase database, Clock clock, IdempotencyLedger ledger,
                            AttachmentStore attachments) {
        this.database = database;
        this.clock = clock;
        this.ledger = ledger;
        this.rules = new SubmissionRules(attachments);
    }

    /** The first answer to a submission. */
    record Receipt(String projectNo, String receivedAt) {
    }

    @Override
    public Reply handle(SignedRequest request) {
        Optional<UUID> key = IdempotencyLedger.parseKey(request.idempotencyKey());
        if (key.isEmpty()) {
            return IdempotencyLedger.missingKey();
        }
        return database.inTransaction(connection -> receive(connection, request, key.get()));
    }

    private Reply receive(Connection connection, SignedRequest request, UUID key) throws SQLException {
        String terminalId = request.terminalId();
        Optional<JsonNode> submission = Json.object(request.body());
        String owner = sealedBy(submission).orElse(terminalId);
        Optional<Reply> repeat = ledger.repeat(connection, owner, ENDPOINT, key, request.body());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Optional<String> refusal = rules.refusal(connection, terminalId, key, submission);
        if (refusal.isPresent()) {
            return Reply.reason(422, refusal.get());
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JsonNode body = submission.orElseThrow();
        String projectNo = ProjectNumbers.next(connection, body.get("regionCode"), receivedAt);
        insert(connection, owner, key, projectNo, body.get("taskCode").stringValue(), receivedAt,
                request.body());
        Reply first = Reply.json(201, new Receipt(projectNo, receivedAt.toString()));
        ledger.record(connection, owner, ENDPOINT, key, request.body(), first, receivedAt);
        return first;
    }

    /**
     * The terminal that sealed the submission (its body's {@code terminalId}). Another enrolled terminal may relay
     * it (the USB courier); the key is deduplicated, and the submission kept and its statuses reported, in the
     * sealing terminal's scope, so whichever terminal sends it first, it is stored once.
     */
    private static Optional<String> sealedBy(Optional<JsonNode> submission) {
        return submission.map(b -> b.get("terminalId")).filter(JsonNode::isString).map(JsonNode::stringValue)
                .filter(s -> !s.isBlank());
    }

    private static final String INSERT_SUBMISSION = """
            INSERT INTO submission (terminal_id, submission_id, project_no, task_code, received_at, body)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    private static void insert(Connection connection, String terminalId, UUID submissionId, String projectNo,
                               String taskCode, Instant receivedAt, byte[] body) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SUBMISSION)) {
            insert.setString(1, terminalId);
            insert.setString(2, submissionId.toString());
            insert.setString(3, projectNo);
            insert.setString(4, taskCode);
            insert.setString(5, receivedAt.toString());
            insert.setBytes(6, body);
            insert.executeUpdate();
        }
    }

    private static final String COUNT_SUBMISSIONS = """
            SELECT count(*) FROM submission
            """;

    public int storedCount() {
        return database.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement(COUNT_SUBMISSIONS);
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private static final String COUNT_COPIES = """
            SELECT count(*) FROM submission WHERE submission_id = ?
            """;

    /** How many rows hold {@code submissionId} (over all terminals). */
    public int copiesOf(UUID submissionId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement(COUNT_COPIES)) {
                count.setString(1, submissionId.toString());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    private static final String SELECT_PROJECT_NO = """
            SELECT project_no FROM submission WHERE submission_id = ? ORDER BY receipt_no LIMIT 1
            """;

    public Optional<String> projectNoOf(UUID submissionId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_PROJECT_NO)) {
                select.setString(1, submissionId.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
