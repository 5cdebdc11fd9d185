package org.onetrip.store.uplink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Jazzer on the bodies the platform (or whatever answers at its address) sends back: an upload's acceptance, a
 * page of the status feed, a refusal's reason ({@link IntakeAnswers}, what {@link IntakeClient} reads). The
 * property: an {@link UplinkResult}, a {@link StatusPage} or an {@link UplinkException} carrying a retry; nothing
 * else escapes to the sync engine. Kept inputs (the contract's example bodies): {@code IntakeAnswersFuzzTestInputs/}.
 */
class IntakeAnswersFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-18T01:42:17Z"), ZoneOffset.UTC);

    @DictionaryEntries({"\"projectNo\"", "\"receivedAt\"", "\"changes\"", "\"submissionId\"", "\"status\"", "\"note\"", "\"at\"", "\"cursor\"", "\"reason\"", "null", "[{", "}]", "2025-06-18T01:42:17Z", "7f3c9a2e-5b1d-4e8a-9c61-0d2f4b8e13a5"})
    @FuzzTest(maxDuration = "10s")
    void an_answer_body_is_a_result_a_page_or_a_retry(byte[] body) {
        UplinkResult accepted = IntakeAnswers.accepted(201, body, "uplink[fuzz]", CLOCK);
        if (accepted instanceof UplinkResult.Accepted a) {
            assertFalse(a.projectNo().isBlank());
            assertNotNull(a.receivedAt());
        } else {
            assertInstanceOf(UplinkResult.RetryLater.class, accepted);
        }
        try {
            StatusPage page = IntakeAnswers.statusPage(body, "c-0", "uplink[fuzz]", CLOCK);
            page.changes().forEach(c -> assertNotNull(c.submissionId()));
        } catch (UplinkException e) {
            assertInstanceOf(UplinkResult.RetryLater.class, e.result());
        }
        assertNotNull(IntakeAnswers.reason(body));
    }
}
