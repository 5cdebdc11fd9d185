package org.onetrip.intake.evaluation;

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
 * {@code POST /api/v1/evaluations}: 400 without a UUID {@code Idempotency-Key}; a repeat gets the first answer
 * (200) or 409; 422 unless the body is a JSON object whose {@code rating} is an integer 1–5; otherwise the body
 * is stored as received and the answer is 201 {@code {receivedAt}}.
 */
public final class EvaluationIntake implements Endpoint {
    static final String ENDPOINT = "evaluations";
    private static final String INSERT_EVALUATION = """
            INSERT INTO evaluation (terminal_id, idempotency_key, body, received_at) VALUES (?, ?, ?, ?)
            """;

    private final IdempotentIntake intake;

    public EvaluationIntake(IntakeDatabase database, Clock clock, IdempotencyLedger ledger) {
        this.intake = new IdempotentIntake(database, clock, ledger, ENDPOINT, INSERT_EVALUATION,
                EvaluationIntake::problem);
    }

    @Override
    public Reply handle(SignedRequest request) {
        return intake.handle(request);
    }

    private static Optional<String> problem(Optional<JsonNode> body) {
        Optional<JsonNode> rating = body.map(b -> b.get("rating"));
        if (rating.isEmpty() || !rating.get().isIntegralNumber()
                || !rating.get().canConvertToInt() || rating.get().intValue() < 1 || rating.get().intValue() > 5) {
            return Optional.of("an evaluation must be a JSON object with an integer rating from 1 to 5");
        }
        return Optional.empty();
    }
}
