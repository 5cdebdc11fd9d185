package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.intake.fault.Faults;
import org.onetrip.intake.fault.Faults.Fault;

/** The simulator's injected faults, seen from a plain HTTP client. */
class FaultInjectionTest {
    @TempDir
    Path directory;
    private RunningSimulator platform;
    private TestTerminal terminal;

    @BeforeEach
    void start() {
        platform = new RunningSimulator(directory);
        terminal = platform.enrolledTerminal("T-1");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void an_injected_error_is_a_503_and_nothing_is_stored() {
        platform.simulator.scriptFaults(Fault.ERROR);
        UUID id = UUID.randomUUID();

        HttpResponse<String> response = post(id);

        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("retry later"));
        assertEquals(0, platform.simulator.storedCopiesOf(id));
    }

    @Test
    void commit_then_fail_stores_the_submission_and_loses_the_answer_and_a_repeat_gets_the_first_answer() {
        platform.simulator.scriptFaults(Fault.COMMIT_THEN_FAIL);
        UUID id = UUID.randomUUID();

        assertThrows(UncheckedIOException.class, () -> post(id));
        int stored = platform.simulator.storedCopiesOf(id);
        HttpResponse<String> repeat = post(id);

        assertEquals(1, stored);
        assertEquals(200, repeat.statusCode());
        assertEquals(platform.simulator.projectNoOf(id).orElseThrow(),
                TestTerminal.json(repeat).get("projectNo").stringValue());
        assertEquals(1, platform.simulator.injected(Fault.COMMIT_THEN_FAIL));
    }

    @Test
    void a_reset_drops_the_connection_before_anything_is_stored() {
        platform.simulator.scriptFaults(Fault.RESET);
        UUID id = UUID.randomUUID();

        assertThrows(UncheckedIOException.class, () -> post(id));

        assertEquals(0, platform.simulator.storedCopiesOf(id));
        assertEquals(201, post(id).statusCode());
    }

    @Test
    void a_slow_answer_comes_after_the_configured_delay() {
        platform.simulator.setFaults(new Faults(0, 0, 0, 0, Duration.ofMillis(400), 1));
        platform.simulator.scriptFaults(Fault.SLOW);
        long start = System.nanoTime();

        HttpResponse<String> response = post(UUID.randomUUID());

        assertEquals(201, response.statusCode());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos());
    }

    @Test
    void random_faults_hit_about_the_configured_share_of_requests_and_unknown_routes_never() {
        platform.simulator.setFaults(new Faults(0.3, 0, 0, 0, Duration.ZERO, 42));
        int errors = 0;
        for (int i = 0; i < 200; i++) {
            if (terminal.get("/api/v1/status").statusCode() == 503) {
                errors++;
            }
        }
        int notFound = terminal.get("/api/v1/nothing-here").statusCode();

        assertTrue(errors > 40 && errors < 80, errors + " of 200");
        assertEquals(404, notFound);
        platform.simulator.setFaults(Faults.NONE);
        assertEquals(200, terminal.get("/api/v1/status").statusCode());
    }

    @Test
    void rates_out_of_range_or_adding_up_past_one_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Faults(-0.1, 0, 0, 0, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new Faults(0.6, 0.5, 0, 0, Duration.ZERO, 1));
        assertEquals(0.1, Faults.mixed(0.3, 1).resetRate(), 1e-9);
    }

    private HttpResponse<String> post(UUID id) {
        return terminal.post("/api/v1/submissions", id.toString(), Submissions.body(id, terminal.id, List.of()));
    }
}
