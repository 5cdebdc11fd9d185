package org.onetrip.intake.terminal;

import java.sql.PreparedStatement;
import java.time.Clock;

import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.http.Endpoint;
import org.onetrip.intake.http.Json;
import org.onetrip.intake.http.Reply;
import org.onetrip.intake.http.SignedRequest;

/** {@code POST /api/v1/heartbeat}: keeps the last JSON object each terminal sent; 204, or 422 for non-JSON. */
public final class HeartbeatEndpoint implements Endpoint {
    private final IntakeDatabase database;
    private final Clock clock;

    public HeartbeatEndpoint(IntakeDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    private static final String UPSERT_HEARTBEAT = """
            INSERT INTO heartbeat (terminal_id, body, received_at) VALUES (?, ?, ?)
            ON CONFLICT (terminal_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at
            """;

    @Override
    public Reply handle(SignedRequest request) {
        if (Json.object(request.body()).isEmpty()) {
            return Reply.reason(422, "a heartbeat body must be a JSON object");
        }
        return database.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_HEARTBEAT)) {
                upsert.setString(1, request.terminalId());
                upsert.setBytes(2, request.body());
                upsert.setString(3, clock.instant().toString());
                upsert.executeUpdate();
            }
            return Reply.noContent();
        });
    }
}
