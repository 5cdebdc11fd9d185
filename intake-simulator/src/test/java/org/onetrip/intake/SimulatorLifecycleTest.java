package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorLifecycleTest {
    @TempDir
    Path directory;

    @Test
    void data_and_deduplication_survive_a_stop_and_start_on_the_same_file() {
        try (RunningSimulator running = new RunningSimulator(directory)) {
            TestTerminal terminal = running.enrolledTerminal("T-1");
            UUID id = UUID.randomUUID();
            String body = Submissions.body(id, terminal.id, List.of());
            HttpResponse<String> first = terminal.post("/api/v1/submissions", id.toString(), body);

            running.stop();
            running.start();

            HttpResponse<String> repeat = terminal.post("/api/v1/submissions", id.toString(), body);
            HttpResponse<String> changed = terminal.post("/api/v1/submissions", id.toString(),
                    body.replace("户口迁入", "户口迁出"));
            assertEquals(201, first.statusCode());
            assertEquals(200, repeat.statusCode());
            assertEquals(first.body(), repeat.body());
            assertEquals(409, changed.statusCode());
            assertEquals(1, running.simulator.storedSubmissionCount());
        }
    }

    @Test
    void a_new_simulator_on_the_same_file_remembers_enrolments_sequences_and_delivered_changes() {
        TestTerminal terminal;
        String cursor;
        try (RunningSimulator running = new RunningSimulator(directory)) {
            terminal = running.enrolledTerminal("T-1");
            submit(terminal);
            running.clock.advance(Duration.ofSeconds(3));
            cursor = TestTerminal.json(terminal.get("/api/v1/status")).get("cursor").stringValue();
        }
        try (RunningSimulator again = new RunningSimulator(directory)) {
            TestTerminal same = terminal.talkingTo(again);
            again.clock.advance(Duration.ofSeconds(3));

            UUID second = submit(same);
            HttpResponse<String> status = same.get("/api/v1/status?since=" + cursor);

            assertEquals("34012120260302000002", again.simulator.projectNoOf(second).orElseThrow());
            assertEquals(2, again.simulator.storedSubmissionCount());
            assertEquals(0, TestTerminal.json(status).get("changes").size(), status.body());
        }
    }

    private static UUID submit(TestTerminal terminal) {
        UUID id = UUID.randomUUID();
        HttpResponse<String> response = terminal.post("/api/v1/submissions", id.toString(),
                Submissions.body(id, terminal.id, List.of()));
        assertEquals(201, response.statusCode(), response.body());
        return id;
    }

    @Test
    void enrolment_before_start_is_kept() throws Exception {
        MutableClock clock = new MutableClock(RunningSimulator.START);
        IntakeSimulator simulator = new IntakeSimulator(IntakeSimulatorConfig.demo(directory.resolve("i.db")), clock);
        TestTerminal terminal = new TestTerminal("T-1", simulator::baseUri, clock);
        simulator.enroll("T-1", terminal.publicKeyPem());

        simulator.start();
        try {
            assertEquals(200, terminal.get("/api/v1/status").statusCode());
        } finally {
            simulator.stop();
        }
    }

    @Test
    void start_on_a_taken_port_fails_naming_host_and_port() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            IntakeSimulator simulator = new IntakeSimulator(new IntakeSimulatorConfig("127.0.0.1", port,
                    directory.resolve("i.db"), StatusSchedule.demo(), Duration.ofMinutes(10)),
                    new MutableClock(RunningSimulator.START));

            IntakeSimulatorException e = assertThrows(IntakeSimulatorException.class, simulator::start);

            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertTrue(simulator.isFailed());
        }
    }

    @Test
    void to_string_shows_the_state_and_the_uri() throws Exception {
        IntakeSimulator simulator = new IntakeSimulator(IntakeSimulatorConfig.demo(directory.resolve("i.db")),
                new MutableClock(RunningSimulator.START));

        String stopped = simulator.toString();
        simulator.start();
        String started = simulator.toString();
        String uri = simulator.baseUri().toString();
        simulator.stop();

        assertTrue(stopped.contains("STOPPED"), stopped);
        assertTrue(started.contains("STARTED") && started.contains(uri), started);
        assertTrue(uri.startsWith("http://127.0.0.1:"), uri);
        assertThrows(IntakeSimulatorException.class, simulator::baseUri);
    }
}
