package org.onetrip.intake.complaint;

import java.time.Clock;
import java.util.Optional;

import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.http.Endpoint;
import org.onetrip.intake.http.Reply;
import org.onetrip.intake.http.SignedRequest;
import org.onetrip.intake.idempotency.IdempotencyLedger;
import org.onetrip.intake.idempotency.IdempotentIntake;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/complaints}: 400 without a UUID {@code Idempotency-Key}; a repeat gets the first answer
 * (200) or 409; 422 unless the body is a JSON object with a non-blank {@code category} and {@code text};
 * otherwise stored as received, 201 {@code {receivedAt}}.
 */
public final class ComplaintIntake implements Endpoint {
    static final String ENDPOINT = "complaints";
    private static final String INSERT_COMPLAINT = """
            INSERT INTO complaint (terminal_id, idempotency_key, body, received_at) VALUES (?, ?, ?, ?)
            """;

    private final IdempotentIntake intake;

    public ComplaintIntake(IntakeDatabase database, Clock clock, IdempotencyLedger ledger) {
        this.intake = new IdempotentIntake(database, clock, ledger, ENDPOINT, INSERT_COMPLAINT,
                ComplaintIntake::problem);
    }

    @Override
    public Reply handle(SignedRequest request) {
        return intake.handle(request);
    }

    private static Optional<String> problem(Optional<JsonNode> body) {
        if (body.isEmpty() || blank(body.get().get("category")) || blank(body.get().get("text"))) {
            return Optional.of("a complaint must be a JSON object with a category and a text");
        }
        return Optional.empty();
    }

    private static boolean blank(JsonNode node) {
        return node == null || !node.isString() || node.stringValue().isBlank();
    }
}
