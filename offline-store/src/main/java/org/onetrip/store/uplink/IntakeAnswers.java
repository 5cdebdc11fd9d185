package org.onetrip.store.uplink;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies of the platform's answers read into what the sync engine acts on: the parsing half of
 * {@link IntakeClient}, apart from the HTTP so that it is tested (and fuzzed) on bytes. A body that is not what the
 * contract says is a retry, never an exception escaping to the sync engine.
 */
final class IntakeAnswers {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IntakeAnswers() {
    }

    /**
     * A 200 or 201 answer to an upload: accepted under its 办件编号, or a retry when the body has none.
     *
     * @param where the client's {@code uplink[address]} for messages
     */
    static UplinkResult accepted(int status, byte[] body, String where, Clock clock) {
        try {
            JsonNode node = JSON.readTree(body);
            String projectNo = node.path("projectNo").asString("");
            if (projectNo.isBlank()) {
                return new UplinkResult.RetryLater(where + ": " + status + " without projectNo");
            }
            return new UplinkResult.Accepted(projectNo, instant(node.path("receivedAt").asString(""), clock));
        } catch (JacksonException e) {
            return new UplinkResult.RetryLater(where + ": " + status + " with a body that is not JSON");
        }
    }

    /**
     * A 200 answer of the status feed.
     *
     * @param cursor the cursor asked from, kept when the page names none
     * @throws UplinkException a {@link UplinkResult.RetryLater} when the page is malformed
     */
    static StatusPage statusPage(byte[] body, String cursor, String where, Clock clock) throws UplinkException {
        try {
            JsonNode node = JSON.readTree(body);
            List<StatusPage.Change> changes = new ArrayList<>();
            for (JsonNode c : node.path("changes")) {
                changes.add(new StatusPage.Change(UUID.fromString(c.path("submissionId").asString()),
                        c.path("projectNo").asString(null), c.path("status").asString(""),
                        c.path("note").asString(null), instant(c.path("at").asString(""), clock)));
            }
            return new StatusPage(changes, node.path("cursor").asString(cursor));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UplinkException(new UplinkResult.RetryLater(where + ": status answer is malformed"));
        }
    }

    /** The contract's {@code {"reason": …}} of a refusal, or empty. */
    static String reason(byte[] body) {
        try {
            return JSON.readTree(body).path("reason").asString("");
        } catch (JacksonException e) {
            return "";
        }
    }

    /** An ISO-8601 instant of the platform, or this terminal's now when it sent none or garbage. */
    private static Instant instant(String text, Clock clock) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }
}
