package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherEndpointsTest {
    private static final String EVALUATIONS = "/api/v1/evaluations";

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
    void an_evaluation_is_201_then_200_on_repeat_and_409_with_another_body() {
        String key = UUID.randomUUID().toString();
        String body = "{\"submissionId\":\"" + key + "\",\"rating\":5,\"comment\":\"很满意\"}";

        HttpResponse<String> first = terminal.post(EVALUATIONS, key, body);
        HttpResponse<String> repeat = terminal.post(EVALUATIONS, key, body);
        HttpResponse<String> changed = terminal.post(EVALUATIONS, key, body.replace("5", "4"));

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, repeat.statusCode());
        assertEquals(first.body(), repeat.body());
        assertEquals(409, changed.statusCode());
    }

    @Test
    void an_evaluation_may_share_its_key_with_the_submission_it_rates() {
        UUID id = UUID.randomUUID();
        terminal.post("/api/v1/submissions", id.toString(), Submissions.body(id, terminal.id, java.util.List.of()));

        HttpResponse<String> rating = terminal.post(EVALUATIONS, id.toString(), "{\"rating\":3}");

        assertEquals(201, rating.statusCode(), rating.body());
    }

    @Test
    void an_evaluation_needs_a_key_and_a_rating_from_one_to_five() {
        String key = UUID.randomUUID().toString();

        assertEquals(400, terminal.post(EVALUATIONS, null, "{\"rating\":5}").statusCode());
        assertEquals(422, terminal.post(EVALUATIONS, key, "{\"rating\":6}").statusCode());
        assertEquals(422, terminal.post(EVALUATIONS, key, "{\"rating\":0}").statusCode());
        assertEquals(422, terminal.post(EVALUATIONS, key, "{\"rating\":\"5\"}").statusCode());
        assertEquals(422, terminal.post(EVALUATIONS, key, "{}").statusCode());
        assertEquals(201, terminal.post(EVALUATIONS, key, "{\"rating\":1}").statusCode());
    }

    @Test
    void a_heartbeat_is_204_and_must_be_a_json_object() {
        String health = "{\"version\":\"0.1.0\",\"queueDepth\":2,\"oldestUnsentSeconds\":30,"
                + "\"printerPaper\":\"OK\",\"diskFreeBytes\":1000000,\"lastSync\":\"2026-03-02T00:59:00Z\"}";

        assertEquals(204, terminal.post("/api/v1/heartbeat", null, health).statusCode());
        assertEquals(204, terminal.post("/api/v1/heartbeat", null, health).statusCode());
        assertEquals(422, terminal.post("/api/v1/heartbeat", null, "ok").statusCode());
    }

    @Test
    void the_catalog_has_nothing_newer_yet() {
        HttpResponse<String> response = terminal.get("/api/v1/catalog?since=0");

        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void a_terminal_naming_its_catalog_by_label_gets_the_newest_bundle_or_nothing() {
        HttpResponse<String> before = terminal.get("/api/v1/catalog?since=340121-2026.11.1");
        running.simulator.publishCatalog(3, "{\"bundle\":3}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> after = terminal.get("/api/v1/catalog?since=340121-2026.11.1");
        HttpResponse<String> numbered = terminal.get("/api/v1/catalog?since=3");

        assertEquals(204, before.statusCode());
        assertEquals(200, after.statusCode());
        assertEquals("{\"bundle\":3}", after.body());
        assertEquals(204, numbered.statusCode());
    }

    @Test
    void an_unknown_operation_is_a_json_404_even_unsigned() {
        HttpResponse<String> unknown = terminal.call("GET", "/api/v2/anything", new byte[0]).unsigned().send();
        HttpResponse<String> wrongMethod = terminal.call("DELETE", "/api/v1/submissions", new byte[0]).send();
        HttpResponse<String> nestedAttachment = terminal.put("/api/v1/attachments/a/b", new byte[0]);

        assertEquals(404, unknown.statusCode());
        assertTrue(TestTerminal.json(unknown).has("reason"));
        assertEquals(404, wrongMethod.statusCode());
        assertEquals(404, nestedAttachment.statusCode());
    }
}
