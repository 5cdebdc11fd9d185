package org.onetrip.intake.http;

import java.util.Map;
import java.util.Optional;

/**
 * A request whose signature, date and terminal have been checked.
 *
 * @param terminalId     the enrolled, unrevoked terminal that signed it
 * @param idempotencyKey the {@code Idempotency-Key} header as sent, or null
 * @param query          decoded query parameters (first value of each)
 * @param body           the body exactly as received (empty, never null)
 */
public record SignedRequest(String terminalId, String idempotencyKey, Map<String, String> query, byte[] body) {
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
