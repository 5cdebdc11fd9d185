package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class StatusChangesTest {
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
    void statuses_appear_only_once_the_clock_passes_each_step_and_the_cursor_excludes_old_ones() {
        UUID id = submit(terminal);
        String projectNo = running.simulator.projectNoOf(id).orElseThrow();

        JsonNode none = status("");
        running.clock.advance(Duration.ofSeconds(3));
        JsonNode accepted = status(none.get("cursor").stringValue());
        running.clock.advance(Duration.ofSeconds(16));
        JsonNode stillAccepted = status(accepted.get("cursor").stringValue());
        running.clock.advance(Duration.ofSeconds(1));
        JsonNode inProgress = status(stillAccepted.get("cursor").stringValue());

        assertEquals(0, none.get("changes").size());
        assertEquals(List.of("ACCEPTED"), statuses(accepted));
        JsonNode change = accepted.get("changes").get(0);
        assertEquals(id.toString(), change.get("submissionId").stringValue());
        assertEquals(projectNo, change.get("projectNo").stringValue());
        assertEquals("已受理", change.get("note").stringValue());
        assertEquals("2026-03-02T01:00:03Z", change.get("at").stringValue());
        assertEquals(List.of(), statuses(stillAccepted));
        assertEquals(accepted.get("cursor"), stillAccepted.get("cursor"));
        assertEquals(List.of("IN_PROGRESS"), statuses(inProgress));
    }

    @Test
    void a_late_poll_gets_every_due_step_once_in_the_order_they_fell_due() {
        UUID first = submit(terminal);
        running.clock.advance(Duration.ofSeconds(10));
        UUID second = submit(terminal);
        running.clock.advance(Duration.ofMinutes(5));

        JsonNode all = status("");
        JsonNode again = status(all.get("cursor").stringValue());

        List<String> order = new ArrayList<>();
        all.get("changes").forEach(c -> order.add(c.get("status").stringValue() + " "
                + (c.get("submissionId").stringValue().equals(first.toString()) ? "first" : "second")));
        assertEquals(List.of("ACCEPTED first", "ACCEPTED second", "IN_PROGRESS first", "IN_PROGRESS second",
                "DONE first", "DONE second"), order);
        assertEquals(0, again.get("changes").size());
        assertEquals(6, status("").get("changes").size());
    }

    @Test
    void every_fifth_submission_needs_correction_with_a_note_instead_of_done() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(submit(terminal));
        }
        running.clock.advance(Duration.ofMinutes(2));

        JsonNode changes = status("").get("changes");

        List<String> finals = new ArrayList<>();
        for (UUID id : ids) {
            JsonNode last = null;
            for (JsonNode change : changes) {
                if (change.get("submissionId").stringValue().equals(id.toString())) {
                    last = change;
                }
            }
            finals.add(last.get("status").stringValue());
            if ("NEEDS_CORRECTION".equals(last.get("status").stringValue())) {
                assertEquals("请补充提交户口簿首页复印件", last.get("note").stringValue());
            }
        }
        assertEquals(List.of("DONE", "DONE", "DONE", "DONE", "NEEDS_CORRECTION",
                "DONE", "DONE", "DONE", "DONE", "NEEDS_CORRECTION"), finals);
    }

    @Test
    void a_terminal_sees_only_its_own_submissions() {
        TestTerminal other = running.enrolledTerminal("T-2");
        submit(other);
        running.clock.advance(Duration.ofMinutes(2));

        assertEquals(0, status("").get("changes").size());
        assertEquals(3, TestTerminal.json(other.get("/api/v1/status")).get("changes").size());
    }

    @Test
    void a_cursor_this_server_never_returned_is_400() {
        assertEquals(400, terminal.get("/api/v1/status?since=abc").statusCode());
        assertEquals(400, terminal.get("/api/v1/status?since=-1").statusCode());
    }

    private UUID submit(TestTerminal from) {
        UUID id = UUID.randomUUID();
        HttpResponse<String> response = from.post("/api/v1/submissions", id.toString(),
                Submissions.body(id, from.id, List.of()));
        assertEquals(201, response.statusCode(), response.body());
        return id;
    }

    private JsonNode status(String cursor) {
        HttpResponse<String> response = terminal.get("/api/v1/status" + (cursor.isEmpty() ? "" : "?since=" + cursor));
        assertEquals(200, response.statusCode(), response.body());
        return TestTerminal.json(response);
    }

    private static List<String> statuses(JsonNode page) {
        List<String> statuses = new ArrayList<>();
        page.get("changes").forEach(change -> statuses.add(change.get("status").stringValue()));
        return statuses;
    }
}
