package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.intake.fault.Faults;
import org.onetrip.intake.harness.TerminalHarness;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionIds;

/**
 * Thousands of submissions through a link where 30 % of requests fail (503s, resets, and answers lost after
 * the platform committed): every one is delivered exactly once, under the project number the terminal holds.
 * Both clocks are moved by hand, so backoffs cost no waiting. 2,000 submissions in the suite;
 * {@code -Donetrip.longTests=true} sends 10,000.
 */
class FlakyLinkSoakTest {
    private static final String TERMINAL_ID = "T-340121100004-02";
    private static final int SUBMISSIONS = Boolean.getBoolean("onetrip.longTests") ? 10_000 : 2_000;

    @TempDir
    Path directory;

    @Test
    void every_submission_is_delivered_exactly_once_through_thirty_percent_faults() {
        try (RunningSimulator platform = new RunningSimulator(directory.resolve("platform"));
             TerminalHarness terminal = new TerminalHarness(directory.resolve("terminal"), TERMINAL_ID,
                     platform.clock, platform.simulator::baseUri, 7)) {
            platform.simulator.enroll(TERMINAL_ID, terminal.identity.publicKeyPem());
            platform.simulator.setFaults(Faults.mixed(0.30, 2026));
            SubmissionIds submissionIds = new SubmissionIds(platform.clock);
            List<UUID> ids = new ArrayList<>();
            int cycles = 0;
            while (ids.size() < SUBMISSIONS || terminal.outbox.pendingCount() > 0) {
                for (int i = 0; i < 100 && ids.size() < SUBMISSIONS; i++) {
                    ids.add(terminal.store.seal(TerminalHarness.draft(submissionIds.get())).id());
                }
                terminal.sync.runOnce();
                platform.clock.advance(Duration.ofMinutes(6));
                assertTrue(++cycles < 2_000, "the queue does not drain: " + terminal.sync.state());
                assertTrue(terminal.sync.state().halted().isEmpty(), terminal.sync.state().toString());
            }

            for (UUID id : ids) {
                SealedSubmission s = terminal.store.find(id).orElseThrow();
                assertTrue(!s.status().isUnsent(), id + " is " + s.status());
                assertEquals(1, platform.simulator.storedCopiesOf(id));
                assertEquals(platform.simulator.projectNoOf(id), s.projectNo());
            }
            assertEquals(SUBMISSIONS, platform.simulator.storedSubmissionCount());
            long requests = platform.simulator.requestCount("POST /api/v1/submissions");
            long faults = platform.simulator.injected(Faults.Fault.ERROR)
                    + platform.simulator.injected(Faults.Fault.RESET)
                    + platform.simulator.injected(Faults.Fault.COMMIT_THEN_FAIL);
            assertTrue(platform.simulator.injected(Faults.Fault.COMMIT_THEN_FAIL) > SUBMISSIONS / 20);
            System.out.printf("soak: %d submissions, %d POSTs, %d faults injected over all requests, %d cycles%n",
                    SUBMISSIONS, requests, faults, cycles);
        }
    }
}
