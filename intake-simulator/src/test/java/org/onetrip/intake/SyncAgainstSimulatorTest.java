package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.intake.fault.Faults;
import org.onetrip.intake.fault.Faults.Fault;
import org.onetrip.intake.harness.TerminalHarness;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.sync.CatalogSink;
import org.onetrip.store.uplink.UplinkResult;

import tools.jackson.databind.JsonNode;

/**
 * The sync engine against the real simulator on loopback, for what the walking skeleton's contract test does
 * not cover: attachments, every injected fault (503, commit-then-fail, reset, slow answers), no head-of-line
 * blocking, recovery after an outage, ratings and complaints, the heartbeat, the catalog and clock skew. Faults
 * are scripted per request, so each test knows which request fails.
 */
class SyncAgainstSimulatorTest {
    private static final String TERMINAL_ID = "T-340121100004-01";

    @TempDir
    Path directory;
    private RunningSimulator platform;
    private MutableClock terminalClock;
    private TerminalHarness terminal;

    @BeforeEach
    void start() {
        platform = new RunningSimulator(directory.resolve("platform"));
        terminalClock = new MutableClock(RunningSimulator.START);
        terminal = new TerminalHarness(directory.resolve("terminal"), TERMINAL_ID, terminalClock,
                platform.simulator::baseUri, 1);
        platform.simulator.enroll(TERMINAL_ID, terminal.identity.publicKeyPem());
    }

    @AfterEach
    void stop() {
        terminal.close();
        platform.close();
    }

    @Test
    void attachments_go_up_before_their_submission_which_the_platform_then_stores_complete() throws Exception {
        AttachmentRef scan = stage(3_000, 1);
        AttachmentRef photo = stage(5_000, 2);
        UUID id = seal(List.of(scan, photo));

        terminal.sync.runOnce();

        assertEquals(SubmissionStatus.SENT, status(id));
        assertEquals(1, puts(scan));
        assertEquals(1, puts(photo));
        assertEquals(List.of(), terminal.outbox.attachmentsToUpload(id));
        assertEquals(2, platformCount("SELECT count(*) FROM attachment WHERE terminal_id = ?", TERMINAL_ID));
    }

    @Test
    void an_interrupted_attachment_upload_resumes_without_sending_again_what_the_platform_acknowledged() throws Exception {
        AttachmentRef first = stage(10_000, 1);
        AttachmentRef big = stage(2 * 1024 * 1024, 2);
        AttachmentRef last = stage(10_000, 3);
        UUID id = seal(List.of(first, big, last));
        platform.simulator.scriptFaults(Fault.NONE, Fault.RESET);

        terminal.sync.runOnce();
        SubmissionStatus interrupted = status(id);
        List<AttachmentRef> left = terminal.outbox.attachmentsToUpload(id);
        advance(Duration.ofMinutes(5));
        terminal.sync.runOnce();

        assertEquals(SubmissionStatus.SEALED, interrupted);
        assertEquals(List.of(big, last), left);
        assertEquals(SubmissionStatus.SENT, status(id));
        assertEquals(1, puts(first), "the acknowledged attachment is not sent again");
        assertEquals(2, puts(big));
        assertEquals(1, puts(last));
        assertEquals(1, platform.simulator.storedCopiesOf(id));
    }

    @Test
    void an_attachment_damaged_on_this_terminal_quarantines_its_submission_with_the_reason() throws Exception {
        AttachmentRef damaged = stage(4_000, 1);
        UUID bad = seal(List.of(damaged));
        UUID fine = seal(List.of());
        byte[] bytes = Files.readAllBytes(terminal.store.attachments().path(damaged.sha256()));
        bytes[100] ^= 1;
        Files.write(terminal.store.attachments().path(damaged.sha256()), bytes);

        terminal.sync.runOnce();

        assertEquals(SubmissionStatus.QUARANTINED, status(bad));
        String note = terminal.store.find(bad).orElseThrow().statusNote().orElseThrow();
        assertTrue(note.contains(damaged.sha256()) && note.contains("damaged on this terminal"), note);
        assertEquals(SubmissionStatus.SENT, status(fine));
        assertEquals(0, platform.simulator.storedCopiesOf(bad));
    }

    @Test
    void a_missing_attachment_file_quarantines_its_submission_without_asking_the_platform() throws Exception {
        AttachmentRef lost = stage(1_000, 1);
        UUID id = seal(List.of(lost));
        Files.delete(terminal.store.attachments().path(lost.sha256()));

        terminal.sync.runOnce();

        assertEquals(SubmissionStatus.QUARANTINED, status(id));
        assertTrue(terminal.store.find(id).orElseThrow().statusNote().orElseThrow().contains("missing"));
        assertEquals(0, puts(lost));
    }

    @Test
    void a_submission_stored_but_whose_answer_was_lost_is_retried_and_stored_once() {
        UUID id = seal(List.of());
        platform.simulator.scriptFaults(Fault.COMMIT_THEN_FAIL);

        terminal.sync.runOnce();
        SubmissionStatus afterLoss = status(id);
        int storedAfterLoss = platform.simulator.storedCopiesOf(id);
        advance(Duration.ofMinutes(5));
        terminal.sync.runOnce();

        assertEquals(SubmissionStatus.SEALED, afterLoss, "the terminal never heard the answer");
        assertEquals(1, storedAfterLoss, "but the platform had it");
        assertFalse(status(id).isUnsent(), status(id).toString());
        assertEquals(platform.simulator.projectNoOf(id), terminal.store.find(id).orElseThrow().projectNo());
        assertEquals(1, platform.simulator.storedCopiesOf(id));
        assertEquals(2, platform.simulator.requestCount("POST /api/v1/submissions"));
    }

    @Test
    void an_answer_slower_than_the_clients_timeout_is_retried_and_stored_once() {
        terminal.client.setTimeout(Duration.ofMillis(1_000));
        platform.simulator.setFaults(new Faults(0, 0, 0, 0, Duration.ofMillis(2_500), 1));
        platform.simulator.scriptFaults(Fault.SLOW);
        UUID id = seal(List.of());

        terminal.sync.runOnce();
        String error = terminal.sync.state().lastError().orElseThrow();
        advance(Duration.ofMinutes(5));
        terminal.sync.runOnce();

        assertTrue(error.contains("timed out") || error.contains("Timeout"), error);
        assertFalse(status(id).isUnsent(), status(id) + " " + terminal.sync.state());
        assertEquals(1, platform.simulator.storedCopiesOf(id));
    }

    @Test
    void a_503_or_a_reset_defers_only_its_record_and_the_next_one_goes_through_in_the_same_cycle() {
        UUID unlucky = seal(List.of());
        advance(Duration.ofSeconds(1));
        UUID reset = seal(List.of());
        advance(Duration.ofSeconds(1));
        UUID lucky = seal(List.of());
        platform.simulator.scriptFaults(Fault.ERROR, Fault.RESET, Fault.NONE);

        terminal.sync.runOnce();

        assertEquals(SubmissionStatus.SEALED, status(unlucky));
        assertEquals(SubmissionStatus.SEALED, status(reset));
        assertEquals(SubmissionStatus.SENT, status(lucky));
        Map<String, String> row = outboxRow(unlucky);
        assertEquals("1", row.get("attempts"));
        assertTrue(row.get("last_error").contains("503"), row.toString());
        assertEquals(Instants.of(terminalClock), row.get("last_attempt_at"));
        assertTrue(terminal.sync.state().halted().isEmpty());
    }

    @Test
    void three_failures_in_a_row_end_the_cycle_instead_of_hammering_a_dead_link() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(seal(List.of()));
            advance(Duration.ofSeconds(1));
        }
        platform.simulator.setFaults(new Faults(1, 0, 0, 0, Duration.ZERO, 1));

        terminal.sync.runOnce();

        assertEquals(3, platform.simulator.requestCount("POST /api/v1/submissions"));
        assertEquals(List.of("1", "1", "1", "0", "0"), ids.stream().map(id -> outboxRow(id).get("attempts")).toList());
        assertEquals(5, terminal.sync.state().pending());
    }

    @Test
    void after_an_outage_the_first_success_makes_every_deferred_record_due_at_once() {
        UUID due = seal(List.of());
        UUID waiting = seal(List.of());
        UUID waitingLonger = seal(List.of());
        terminal.outbox.retryLater(waiting, terminalClock.instant().plus(Duration.ofMinutes(4)), "connection refused");
        terminal.outbox.retryLater(waitingLonger, terminalClock.instant().plus(Duration.ofMinutes(5)), "connection refused");
        platform.simulator.scriptFaults(Fault.ERROR);
        terminal.sync.runOnce();
        advance(Duration.ofMinutes(1));

        terminal.sync.runOnce();

        assertEquals(List.of(SubmissionStatus.SENT, SubmissionStatus.SENT, SubmissionStatus.SENT),
                List.of(status(due), status(waiting), status(waitingLonger)));
    }

    @Test
    void three_days_without_a_network_keep_every_record_queued_within_the_backoff_cap_and_it_drains_when_back() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(seal(List.of()));
        }
        platform.stop();
        for (int hour = 0; hour < 72; hour++) {
            terminal.sync.runOnce();
            advance(Duration.ofHours(1));
        }
        int pendingOffline = terminal.sync.state().pending();
        boolean withinCap = terminal.outbox.queue(100).stream()
                .allMatch(r -> !r.nextAttemptAt().isAfter(terminalClock.instant().plus(Duration.ofMinutes(5).plusSeconds(1))));

        platform.start();
        terminal.sync.runOnce();

        assertEquals(30, pendingOffline);
        assertTrue(withinCap, "no record waits longer than the cap");
        assertTrue(terminal.sync.state().halted().isEmpty(), "an outage is never an operator halt");
        assertEquals(0, terminal.sync.state().pending(), terminal.sync.state().toString());
        assertTrue(ids.stream().allMatch(id -> platform.simulator.storedCopiesOf(id) == 1));
    }

    @Test
    void a_key_reused_with_another_body_is_quarantined_as_a_conflict_and_the_queue_goes_on() {
        UUID id = seal(List.of());
        UUID next = seal(List.of());
        byte[] other = "{\"submissionId\":\"%s\",\"taskCode\":\"X\"}".formatted(id).getBytes(StandardCharsets.UTF_8);
        UplinkResult first = terminal.client.postSubmission(id, other);

        terminal.sync.runOnce();

        assertTrue(first instanceof UplinkResult.Accepted, first.toString());
        assertEquals(SubmissionStatus.QUARANTINED, status(id));
        assertTrue(terminal.store.find(id).orElseThrow().statusNote().orElseThrow().contains("different body"));
        assertEquals(SubmissionStatus.SENT, status(next));
    }

    @Test
    void ratings_and_complaints_reach_the_platform_exactly_once_even_when_an_answer_is_lost() throws Exception {
        UUID submission = seal(List.of());
        terminal.sync.runOnce();
        UUID rating = terminal.feedback.rate(submission, 5, "很方便");
        UUID complaint = terminal.feedback.complain(Optional.of(submission), "办理时限", "想问问什么时候能办好");
        platform.simulator.scriptFaults(Fault.COMMIT_THEN_FAIL);

        terminal.sync.runOnce();
        Optional<String> ratingAfterLoss = terminal.feedback.state(rating);
        advance(Duration.ofMinutes(5));
        terminal.sync.runOnce();

        assertEquals(Optional.of("PENDING"), ratingAfterLoss);
        assertEquals(Optional.of("SENT"), terminal.feedback.state(rating));
        assertEquals(Optional.of("SENT"), terminal.feedback.state(complaint));
        assertEquals(1, platformCount("SELECT count(*) FROM evaluation WHERE idempotency_key = ?", rating.toString()));
        assertEquals(1, platformCount("SELECT count(*) FROM complaint WHERE idempotency_key = ?", complaint.toString()));
        assertEquals(0, terminal.sync.state().feedbackPending());
    }

    @Test
    void the_heartbeat_tells_the_platform_the_queue_depth_the_oldest_unsent_age_and_the_printer() throws Exception {
        terminal.sync.setHeartbeat("1.2.3", Duration.ofMinutes(5), () -> Map.of("printerPaper", "PAPER_NEAR_END"));
        seal(List.of());
        advance(Duration.ofSeconds(90));
        platform.simulator.scriptFaults(Fault.ERROR);

        terminal.sync.runOnce();

        JsonNode beat = TestTerminal.JSON.readTree(platformBlob("SELECT body FROM heartbeat WHERE terminal_id = ?", TERMINAL_ID));
        assertEquals("1.2.3", beat.get("version").stringValue());
        assertEquals(1, beat.get("queueDepth").intValue());
        assertEquals(90, beat.get("oldestUnsentAgeSeconds").intValue());
        assertEquals("PAPER_NEAR_END", beat.get("printerPaper").stringValue());
        assertTrue(beat.get("diskFreeBytes").longValue() > 0);
        assertTrue(beat.get("lastSuccessfulSync").isNull());
        assertFalse(beat.toString().contains("王"), "no resident data in a heartbeat");
        assertEquals(Optional.of(RunningSimulator.START.plusSeconds(90).toString()), terminal.outbox.cursor("heartbeat"));
    }

    @Test
    void a_newer_catalog_is_pulled_handed_to_the_catalog_and_then_not_pulled_again() throws Exception {
        RecordingCatalog catalog = new RecordingCatalog(false);
        terminal.sync.setCatalog(catalog, directory.resolve("terminal/downloads"), Duration.ofHours(1));
        platform.simulator.publishCatalog(7, "{\"version\":7}".getBytes(StandardCharsets.UTF_8));

        terminal.sync.runOnce();
        advance(Duration.ofHours(2));
        terminal.sync.runOnce();

        assertEquals(List.of("7:{\"version\":7}"), catalog.installed);
        assertEquals(2, platform.simulator.requestCount("GET /api/v1/catalog"));
        try (var left = Files.list(directory.resolve("terminal/downloads"))) {
            assertEquals(0, left.count(), "downloaded bundles are not left behind");
        }
    }

    @Test
    void a_catalog_bundle_the_catalog_refuses_is_reported_and_changes_nothing() {
        RecordingCatalog catalog = new RecordingCatalog(true);
        terminal.sync.setCatalog(catalog, directory.resolve("terminal/downloads"), Duration.ofHours(1));
        platform.simulator.publishCatalog(8, "{\"version\":8,\"signature\":\"bad\"}".getBytes(StandardCharsets.UTF_8));

        terminal.sync.runOnce();

        assertEquals(List.of(), catalog.installed);
        assertTrue(terminal.sync.state().lastError().orElseThrow().contains("catalog bundle refused"));
    }

    @Test
    void a_terminal_clock_off_by_minutes_is_reported_before_the_platform_refuses_it() {
        terminalClock.advance(Duration.ofMinutes(-3));
        seal(List.of());

        terminal.sync.runOnce();

        Duration skew = terminal.sync.state().clockSkew().orElseThrow();
        assertEquals(180, skew.toSeconds(), skew.toString());
        assertTrue(terminal.sync.state().halted().isEmpty(), "3 minutes is still inside the contract's 10");
    }

    @Test
    void a_clock_beyond_the_contracts_skew_halts_with_how_far_off_it_is() {
        terminalClock.advance(Duration.ofMinutes(-12));
        seal(List.of());

        terminal.sync.runOnce();

        String halted = terminal.sync.state().halted().orElseThrow();
        assertTrue(halted.contains("401") && halted.contains("clock") && halted.contains("720 s ahead"), halted);
    }

    @Test
    void an_operator_halt_survives_a_restart_until_an_operator_lets_the_queue_go() {
        UUID id = seal(List.of());
        platform.simulator.revoke(TERMINAL_ID);
        terminal.sync.runOnce();
        String halted = terminal.sync.state().halted().orElseThrow();
        platform.simulator.enroll(TERMINAL_ID, terminal.identity.publicKeyPem());

        restartTerminal();
        terminal.sync.runOnce();
        Optional<String> afterRestart = terminal.sync.state().halted();
        int storedWhileHalted = platform.simulator.storedSubmissionCount();
        terminal.sync.retryNow();
        terminal.sync.runOnce();
        restartTerminal();
        terminal.sync.runOnce();

        assertTrue(halted.contains("403"), halted);
        assertEquals(Optional.of(halted), afterRestart, "the restarted terminal shows the operator the same message");
        assertEquals(0, storedWhileHalted, "a restart does not quietly resume a queue the platform refused");
        assertEquals(SubmissionStatus.SENT, status(id));
        assertEquals(Optional.empty(), terminal.sync.state().halted(), "retry now cleared it for good");
        assertEquals(List.of("sync.halted", "sync.resumed"), terminal.db.read(c -> {
            List<String> actions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT action FROM audit_log WHERE action LIKE 'sync.%' ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            return actions;
        }));
    }

    private void restartTerminal() {
        terminal.close();
        terminal = new TerminalHarness(directory.resolve("terminal"), TERMINAL_ID, terminalClock,
                platform.simulator::baseUri, 1);
    }

    // --- helpers ---

    private static final class RecordingCatalog implements CatalogSink {
        final List<String> installed = new ArrayList<>();
        private final boolean refuse;
        private String version;

        RecordingCatalog(boolean refuse) {
            this.refuse = refuse;
        }

        @Override
        public Optional<String> installedVersion() {
            return Optional.ofNullable(version);
        }

        @Override
        public void install(Path file, Optional<String> announced) throws Exception {
            if (refuse) {
                throw new IllegalArgumentException("signature does not verify");
            }
            installed.add(announced.orElse("?") + ":" + Files.readString(file));
            version = announced.orElseThrow();
        }
    }

    private static final class Instants {
        static String of(MutableClock clock) {
            return org.onetrip.store.db.Instants.format(clock.instant());
        }
    }

    private void advance(Duration by) {
        platform.clock.advance(by);
        terminalClock.advance(by);
    }

    private AttachmentRef stage(int size, int seed) {
        byte[] bytes = new byte[size];
        new java.util.SplittableRandom(seed).nextBytes(bytes);
        return terminal.store.attachments().stage(bytes, "image/jpeg");
    }

    private UUID seal(List<AttachmentRef> attachments) {
        return terminal.store.seal(TerminalHarness.draft(UUID.randomUUID()).withAttachments(attachments)).id();
    }

    private SubmissionStatus status(UUID id) {
        return terminal.store.find(id).orElseThrow().status();
    }

    private long puts(AttachmentRef ref) {
        return platform.simulator.requestCount("PUT /api/v1/attachments/" + ref.sha256());
    }

    private Map<String, String> outboxRow(UUID id) {
        return terminal.db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT attempts, last_error, last_attempt_at FROM outbox WHERE submission_id = ?")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "no outbox row for " + id);
                    Map<String, String> row = new java.util.HashMap<>();
                    row.put("attempts", rs.getString(1));
                    row.put("last_error", rs.getString(2));
                    row.put("last_attempt_at", rs.getString(3));
                    return row;
                }
            }
        });
    }

    private int platformCount(String sql, String arg) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + platform.databaseFile);
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private byte[] platformBlob(String sql, String arg) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + platform.databaseFile);
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no row for " + sql);
                return rs.getBytes(1);
            }
        }
    }
}
