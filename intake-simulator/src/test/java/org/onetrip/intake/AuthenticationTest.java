package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.uplink.RequestSignature;
import org.onetrip.store.uplink.Sm2;

class AuthenticationTest {
    private static final String STATUS = "/api/v1/status";

    @TempDir
    Path directory;
    private RunningSimulator running;
    private TestTerminal terminal;

    @BeforeEach
    void start() {
        running = new RunningSimulator(directory);
        terminal = running.enrolledTerminal("T-1");
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void a_correctly_signed_request_is_answered() {
        assertEquals(200, terminal.get(STATUS).statusCode());
    }

    @Test
    void an_unsigned_request_is_401() {
        HttpResponse<String> response = terminal.call("GET", STATUS, new byte[0]).unsigned().send();

        assertEquals(401, response.statusCode());
        assertTrue(TestTerminal.json(response).get("reason").stringValue().contains("X-Signature"));
    }

    @Test
    void a_request_signed_with_another_key_is_401() {
        HttpResponse<String> response = terminal.call("GET", STATUS, new byte[0])
                .signedWith(Sm2.generateKeyPair().getPrivate()).send();

        assertEquals(401, response.statusCode());
    }

    @Test
    void a_signature_that_is_not_base64_is_401() {
        HttpResponse<String> response = terminal.call("GET", STATUS, new byte[0])
                .unsigned().header(RequestSignature.SIGNATURE_HEADER, "%%%").send();

        assertEquals(401, response.statusCode());
    }

    @Test
    void a_signature_over_another_body_is_401_and_stores_nothing() {
        UUID id = UUID.randomUUID();
        String body = Submissions.body(id, terminal.id, List.of());
        String date = RequestSignature.httpDate(running.clock.instant());
        String signatureOfEmptyBody = RequestSignature.sign(terminal.keys.getPrivate(), "POST",
                "/api/v1/submissions", date, new byte[0]);

        HttpResponse<String> response = terminal.call("POST", "/api/v1/submissions", body.getBytes())
                .dated(date).unsigned().header(RequestSignature.SIGNATURE_HEADER, signatureOfEmptyBody)
                .header("Idempotency-Key", id.toString()).send();

        assertEquals(401, response.statusCode());
        assertEquals(0, running.simulator.storedSubmissionCount());
    }

    @Test
    void the_query_is_part_of_the_signed_path() {
        String date = RequestSignature.httpDate(running.clock.instant());
        String signatureWithoutQuery = RequestSignature.sign(terminal.keys.getPrivate(), "GET", STATUS, date,
                new byte[0]);

        HttpResponse<String> withQuery = terminal.get(STATUS + "?since=0");
        HttpResponse<String> queryNotSigned = terminal.call("GET", STATUS + "?since=0", new byte[0]).dated(date)
                .unsigned().header(RequestSignature.SIGNATURE_HEADER, signatureWithoutQuery).send();

        assertEquals(200, withQuery.statusCode(), withQuery.body());
        assertEquals(401, queryNotSigned.statusCode());
    }

    @Test
    void the_path_and_query_are_signed_exactly_as_sent_without_decoding() {
        HttpResponse<String> encoded = terminal.get(STATUS + "?since=%30");

        assertEquals(200, encoded.statusCode(), encoded.body());
    }

    @Test
    void a_malformed_query_is_400_not_500() {
        String response = terminal.raw("GET", STATUS + "?since=%zz");

        assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        assertTrue(response.contains("{\"reason\":"), response);
    }

    @Test
    void a_stale_date_is_401_naming_the_clock_skew() {
        String stale = RequestSignature.httpDate(running.clock.instant().minus(Duration.ofMinutes(11)));

        HttpResponse<String> response = terminal.call("GET", STATUS, new byte[0]).dated(stale).send();

        assertEquals(401, response.statusCode());
        assertTrue(TestTerminal.json(response).get("reason").stringValue().startsWith("clock skew"));
    }

    @Test
    void a_date_within_the_allowed_skew_is_accepted_either_way() {
        String behind = RequestSignature.httpDate(running.clock.instant().minus(Duration.ofMinutes(9)));
        String ahead = RequestSignature.httpDate(running.clock.instant().plus(Duration.ofMinutes(9)));

        assertEquals(200, terminal.call("GET", STATUS, new byte[0]).dated(behind).send().statusCode());
        assertEquals(200, terminal.call("GET", STATUS, new byte[0]).dated(ahead).send().statusCode());
    }

    @Test
    void a_malformed_date_is_401() {
        assertEquals(401, terminal.call("GET", STATUS, new byte[0]).dated("yesterday").send().statusCode());
    }

    @Test
    void an_unknown_terminal_is_403() {
        TestTerminal stranger = running.unenrolledTerminal("T-unknown");

        HttpResponse<String> response = stranger.get(STATUS);

        assertEquals(403, response.statusCode());
        assertTrue(TestTerminal.json(response).get("reason").stringValue().contains("not enrolled"));
    }

    @Test
    void a_revoked_terminal_is_403_until_enrolled_again() {
        running.simulator.revoke(terminal.id);

        HttpResponse<String> revoked = terminal.get(STATUS);
        running.simulator.enroll(terminal.id, terminal.publicKeyPem());

        assertEquals(403, revoked.statusCode());
        assertTrue(TestTerminal.json(revoked).get("reason").stringValue().contains("revoked"));
        assertEquals(200, terminal.get(STATUS).statusCode());
    }

    @Test
    void a_terminal_cannot_sign_as_another_terminal() {
        TestTerminal other = running.enrolledTerminal("T-2");

        HttpResponse<String> response = other.call("GET", STATUS, new byte[0]).as(terminal.id).send();

        assertEquals(401, response.statusCode());
    }

    @Test
    void a_request_without_a_terminal_id_is_401() {
        HttpResponse<String> response = terminal.call("GET", STATUS, new byte[0]).as("").send();

        assertEquals(401, response.statusCode());
    }

    @Test
    void enrolling_a_key_that_is_not_pem_fails_naming_the_terminal() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> running.simulator.enroll("T-9", "not a key"));

        assertTrue(e.getMessage().contains("T-9"));
    }
}
