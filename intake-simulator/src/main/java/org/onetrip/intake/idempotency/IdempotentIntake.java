package org.onetrip.intake.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.http.Endpoint;
import org.onetrip.intake.http.Json;
import org.onetrip.intake.http.Reply;
import org.onetrip.intake.http.SignedRequest;
import tools.jackson.databind.JsonNode;

/**
 * The shape every keyed, store-as-received endpoint shares: 400 without a UUID {@code Idempotency-Key}; a repeat
 * gets the first answer (200) or 409; 422 with the endpoint's reason when the body does not pass its check;
 * otherwise the body is stored as received with {@code insertSql} (terminal id, key, body, received at) and the
 * answer is 201 {@code {receivedAt}}.
 */
public final class IdempotentIntake implements Endpoint {
    private final IntakeDatabase database;
    private final Clock clock;
    private final IdempotencyLedger ledger;
    private final String endpoint;
    private final String insertSql;
    private final Function<Optional<JsonNode>, Optional<String>> problem;

    /**
     * @param problem given the body as a JSON object (empty when it is not one), the reason it is refused, if any
     */
    public IdempotentIntake(IntakeDatabase database, Clock clock, IdempotencyLedger ledger, String endpoint,
                            String insertSql, Function<Optional<JsonNode>, Optional<String>> problem) {
        this.database = database;
        this.clock = clock;
        this.ledger = ledger;
        this.endpoint = endpoint;
        this.insertSql = insertSql;
        this.problem = problem;
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
        Optional<Reply> repeat = ledger.repeat(connection, request.terminalId(), endpoint, key, request.body());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Optional<String> refused = problem.apply(Json.object(request.body()));
        if (refused.isPresent()) {
            return Reply.reason(422, refused.get());
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
            insert.setString(1, request.terminalId());
            insert.setString(2, key.toString());
            insert.setBytes(3, request.body());
            insert.setString(4, receivedAt.toString());
            insert.executeUpdate();
        }
        Reply first = Reply.json(201, Map.of("receivedAt", receivedAt.toString()));
        ledger.record(connection, request.terminalId(), endpoint, key, request.body(), first, receivedAt);
        return first;
    }
}
