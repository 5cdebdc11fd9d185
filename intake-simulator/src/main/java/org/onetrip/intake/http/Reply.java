package org.onetrip.intake.http;

import java.util.Map;

/**
 * An answer of the simulator: a status and a JSON body (UTF-8), or no body at all, and extra headers.
 *
 * @param body    the exact bytes to send, or null for none (204)
 * @param headers extra response headers
 */
public record Reply(int status, byte[] body, Map<String, String> headers) {
    public Reply {
        headers = Map.copyOf(headers);
    }

    public Reply(int status, byte[] body) {
        this(status, body, Map.of());
    }

    public static Reply json(int status, Object value) {
        return new Reply(status, Json.bytes(value));
    }

    /** A refusal with {@code {"reason": ...}}; the reason must never carry resident data. */
    public static Reply reason(int status, String reason) {
        return json(status, Map.of("reason", reason));
    }

    public static Reply noContent() {
        return new Reply(204, null);
    }
}
