package org.onetrip.intake.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.http.Endpoint;
import org.onetrip.intake.http.Json;
import org.onetrip.intake.http.Reply;
import org.onetrip.intake.http.SignedRequest;
import org.onetrip.intake.idempotency.IdempotencyLedger;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/evaluations}: 400 without a UUID {@code Idempotency-Key}; a repeat gets the first answer
 * (200) or 409; 422 unless the body is a JSON object whose {@code rating} is an integer 1–5; otherwise the body
 * is stored as received and the answer is 201 {@code {receivedAt}}.
 */
public final class EvaluationIntake implements Endpoint {
    static final String ENDPOINT = "evaluations";

    private final IntakeDatabase database;
    private final Clock clock;
    private final IdempotencyLedger ledger;

    public EvaluationIntake(IntakeDatabase database, Clock clock, IdempotencyLedger ledger) {
        this.database = database;
        this.clock = clock;
        this.ledger = ledger;
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
        Optional<Reply> repeat = ledger.repeat(connection, request.terminalId(), ENDPOINT, key, request.body());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Optional<JsonNode> rating = Json.object(request.body()).map(body -> body.get("rating"));
        if (rating.isEmpty() || !rating.get().isIntegralNumber() || !rating.get().canConvertToInt()
                || rating.get().intValue() < 1 || rating.get().intValue() > 5) {
            return Reply.reason(422, "an evaluation must be a JSON object with an integer rating from 1 to 5");
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        insert(connection, request.terminalId(), key, request.body(), receivedAt);
        Reply first = Reply.json(201, Map.of("receivedAt", receivedAt.toString()));
        ledger.record(connection, request.terminalId(), ENDPOINT, key, request.body(), first, receivedAt);
        return first;
    }

    private static final String INSERT_EVALUATION = """
            INSERT INTO evaluation (terminal_id, idempotency_key, body, received_at) VALUES (?, ?, ?, ?)
            """;

    private static void insert(Connection connection, String terminalId, UUID key, byte[] body, Instant receivedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVALUATION)) {
            insert.setString(1, terminalId);
            insert.setString(2, key.toString());
            insert.setBytes(3, body);
            insert.setString(4, receivedAt.toString());
            insert.executeUpdate();
        }
    }
}
