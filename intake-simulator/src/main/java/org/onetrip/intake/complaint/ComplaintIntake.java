package org.onetrip.intake.complaint;

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
 * {@code POST /api/v1/complaints}: 400 without a UUID {@code Idempotency-Key}; a repeat gets the first answer
 * (200) or 409; 422 unless the body is a JSON object with a non-blank {@code category} and {@code text};
 * otherwise stored as received, 201 {@code {receivedAt}}.
 */
public final class ComplaintIntake implements Endpoint {
    static final String ENDPOINT = "complaints";

    private final IntakeDatabase database;
    private final Clock clock;
    private final IdempotencyLedger ledger;

    public ComplaintIntake(IntakeDatabase database, Clock clock, IdempotencyLedger ledger) {
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
        Optional<JsonNode> body = Json.object(request.body());
        if (body.isEmpty() || blank(body.get().get("category")) || blank(body.get().get("text"))) {
            return Reply.reason(422, "a complaint must be a JSON object with a category and a text");
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO complaint (terminal_id, idempotency_key, body, received_at) VALUES (?, ?, ?, ?)
                """)) {
            insert.setString(1, request.terminalId());
            insert.setString(2, key.toString());
            insert.setBytes(3, request.body());
            insert.setString(4, receivedAt.toString());
            insert.executeUpdate();
        }
        Reply first = Reply.json(201, Map.of("receivedAt", receivedAt.toString()));
        ledger.record(connection, request.terminalId(), ENDPOINT, key, request.body(), first, receivedAt);
        return first;
    }

    private static boolean blank(JsonNode node) {
        return node == null || !node.isString() || node.stringValue().isBlank();
    }
}
