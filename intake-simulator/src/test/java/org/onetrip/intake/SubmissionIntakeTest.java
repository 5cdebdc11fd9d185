package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.uplink.Sm2;
import tools.jackson.databind.JsonNode;

class SubmissionIntakeTest {
    private static final String SUBMISSIONS = "/api/v1/submissions";

    @TempDir
    Path directory;
    private RunningSimulator running;
    private TestTerminal terminal;

    @BeforeEach
    void start() {
        running = new RunningSimulator(directory);
        terminal = running.enrolledTerminal("T-340121100004-01");
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void first_receipt_is_201_and_an_identical_repeat_is_200_with_the_same_answer() {
        UUID id = UUID.randomUUID();
        String body = Submissions.body(id, terminal.id, List.of());

        HttpResponse<String> first = terminal.post(SUBMISSIONS, id.toString(), body);
        HttpResponse<String> repeat = terminal.post(SUBMISSIONS, id.toString(), body);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, repeat.statusCode(), repeat.body());
        assertEquals(first.body(), repeat.body());
        JsonNode receipt = TestTerminal.json(first);
        assertEquals(running.simulator.projectNoOf(id).orElseThrow(), receipt.get("projectNo").stringValue());
        assertEquals("2026-03-02T01:00:00Z", receipt.get("receivedAt").stringValue());
        assertEquals(1, running.simulator.storedSubmissionCount());
        assertTrue(first.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }

    @Test
    void project_number_is_county_code_then_china_date_then_a_daily_sequence() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        terminal.post(SUBMISSIONS, first.toString(), Submissions.body(first, terminal.id, List.of()));
        terminal.post(SUBMISSIONS, second.toString(), Submissions.body(second, terminal.id, "", List.of()));

        assertEquals("34012120260302000001", running.simulator.projectNoOf(first).orElseThrow());
        assertEquals("00000020260302000002", running.simulator.projectNoOf(second).orElseThrow());
    }

    @Test
    void the_same_key_with_a_different_body_is_409_and_nothing_new_is_stored() {
        UUID id = UUID.randomUUID();
        terminal.post(SUBMISSIONS, id.toString(), Submissions.body(id, terminal.id, List.of()));

        HttpResponse<String> changed = terminal.post(SUBMISSIONS, id.toString(),
                Submissions.body(id, terminal.id, "340122000000", List.of()));

        assertEquals(409, changed.statusCode());
        assertTrue(TestTerminal.json(changed).get("reason").stringValue().contains("different body"));
        assertEquals(1, running.simulator.storedSubmissionCount());
    }

    @Test
    void a_missing_or_malformed_idempotency_key_is_400() {
        UUID id = UUID.randomUUID();
        String body = Submissions.body(id, terminal.id, List.of());

        assertEquals(400, terminal.post(SUBMISSIONS, null, body).statusCode());
        assertEquals(400, terminal.post(SUBMISSIONS, "not-a-uuid", body).statusCode());
        assertEquals(400, terminal.post(SUBMISSIONS, "1-1-1-1-1", body).statusCode());
        assertEquals(0, running.simulator.storedSubmissionCount());
    }

    @Test
    void an_attachment_this_terminal_never_uploaded_is_422() {
        UUID id = UUID.randomUUID();
        String missing = Sm2.sm3Hex(new byte[] {1});

        HttpResponse<String> response = terminal.post(SUBMISSIONS, id.toString(),
                Submissions.body(id, terminal.id, List.of(missing)));

        assertEquals(422, response.statusCode());
        assertTrue(TestTerminal.json(response).get("reason").stringValue().contains(missing));
        assertEquals(0, running.simulator.storedSubmissionCount());
    }

    @Test
    void an_uploaded_attachment_may_be_listed_and_a_refused_key_stays_usable() {
        byte[] scan = "户口簿首页".getBytes(StandardCharsets.UTF_8);
        String sha = Attachments.sha256Hex(scan);
        UUID id = UUID.randomUUID();
        String body = Submissions.body(id, terminal.id, List.of(sha));
        assertEquals(422, terminal.post(SUBMISSIONS, id.toString(), body).statusCode());

        assertEquals(201, terminal.put("/api/v1/attachments/" + sha, scan).statusCode());

        assertEquals(201, terminal.post(SUBMISSIONS, id.toString(), body).statusCode());
    }

    @Test
    void a_body_that_is_not_json_or_lacks_the_key_or_a_task_code_is_422() {
        UUID id = UUID.randomUUID();
        String valid = Submissions.body(id, terminal.id, List.of());

        assertEquals(422, terminal.post(SUBMISSIONS, id.toString(), "{not json").statusCode());
        assertEquals(422, terminal.post(SUBMISSIONS, id.toString(), "[1,2]").statusCode());
        assertEquals(422, terminal.post(SUBMISSIONS, id.toString(), valid + " {}").statusCode());
        assertEquals(422, terminal.post(SUBMISSIONS, UUID.randomUUID().toString(), valid).statusCode());
        assertEquals(422, terminal.post(SUBMISSIONS, id.toString(),
                valid.replace("11340121MB1234567X4000117009000", " ")).statusCode());
        assertEquals(422, terminal.post(SUBMISSIONS, id.toString(),
                valid.replace("\"taskCode\"", "\"task\"")).statusCode());
        assertEquals(0, running.simulator.storedSubmissionCount());
    }

    @Test
    void a_key_in_upper_case_is_the_same_key() {
        UUID id = UUID.randomUUID();
        String body = Submissions.body(id, terminal.id, List.of());

        assertEquals(201, terminal.post(SUBMISSIONS, id.toString().toUpperCase(), body).statusCode());
        assertEquals(200, terminal.post(SUBMISSIONS, id.toString(), body).statusCode());
    }
}
