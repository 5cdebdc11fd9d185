package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.uplink.IntakeClient;
import org.onetrip.store.uplink.Sm2;
import org.onetrip.store.uplink.TerminalIdentity;
import org.onetrip.store.uplink.UplinkResult;

/**
 * The terminal's real store, client and sync engine against the real simulator on loopback: the contract test
 * of the uplink (DESIGN.md, "Intake API" and "Submission lifecycle"). The sync engine's thread is never started;
 * each test drives {@link SyncEngine#runOnce()} and moves the clocks by hand.
 */
class TerminalAgainstSimulatorTest {
    private static final String TERMINAL_ID = "T-340121100004-01";
    private static final String TASK_CODE = "11340121MB1234567X4000117009000";

    @TempDir
    Path directory;
    private RunningSimulator platform;
    /** The terminal's own clock; it moves with the platform's unless a test skews it. */
    private MutableClock terminalClock;
    private TerminalIdentity identity;
    /** Where the terminal reaches the platform; the simulator listens on a new port after each restart. */
    private final AtomicReference<URI> uplink = new AtomicReference<>();
    private Database db;
    private SubmissionStore store;
    private Outbox outbox;
    private IntakeClient client;
    private SyncEngine sync;

    @BeforeEach
    void start() throws Exception {
        platform = new RunningSimulator(directory.resolve("platform"));
        uplink.set(platform.simulator.baseUri());
        terminalClock = new MutableClock(RunningSimulator.START);
        identity = TerminalIdentity.loadOrCreate(TERMINAL_ID, directory.resolve("terminal/keys"));
        platform.simulator.enroll(TERMINAL_ID, identity.publicKeyPem());

        db = new Database(directory.resolve("terminal/store.db"), terminalClock);
        db.start();
        store = new SubmissionStore(db, new AuditLog(terminalClock), terminalClock, TERMINAL_ID);
        outbox = new Outbox(store);
        client = new IntakeClient(uplink::get, identity, terminalClock);
        client.start();
        sync = new SyncEngine(outbox, client, terminalClock, new SplittableRandom(1), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        db.stop();
        platform.close();
    }

    @Test
    void a_sealed_submission_is_sent_once_and_gets_the_platforms_project_number() throws Exception {
        UUID id = seal(draft());

        sync.runOnce();

        SealedSubmission sent = store.find(id).orElseThrow();
        assertEquals(SubmissionStatus.SENT, sent.status());
        assertEquals(platform.simulator.projectNoOf(id), sent.projectNo());
        assertEquals(Optional.of("34012120260302000001"), sent.projectNo());
        assertEquals(1, platform.simulator.storedSubmissionCount());
        assertEquals(0, outbox.pendingCount());
        assertEquals(0, sync.state().pending());
        assertEquals(Optional.of(RunningSimulator.START), sync.state().lastSuccess());
        assertEquals(Optional.empty(), sync.state().lastError());
    }

    @Test
    void the_platform_stores_exactly_the_sealed_bytes() throws Exception {
        UUID id = seal(draft());
        byte[] sealed = outbox.due(terminalClock.instant(), 1).getFirst().body();

        sync.runOnce();

        assertArrayEquals(sealed, platformBody(id));
    }

    @Test
    void running_again_sends_nothing_twice() throws Exception {
        UUID id = seal(draft());
        sync.runOnce();
        String projectNo = store.find(id).orElseThrow().projectNo().orElseThrow();

        sync.runOnce();
        sync.runOnce();

        assertEquals(1, platform.simulator.storedSubmissionCount());
        assertEquals(Optional.of(projectNo), store.find(id).orElseThrow().projectNo());
    }

    @Test
    void an_upload_whose_answer_was_lost_is_not_duplicated_when_the_queue_retries_it() throws Exception {
        UUID id = seal(draft());
        byte[] body = outbox.due(terminalClock.instant(), 1).getFirst().body();
        // The first attempt reached the platform, but the terminal lost power before it recorded the answer.
        UplinkResult lost = client.postSubmission(id, body);

        sync.runOnce();

        assertInstanceOf(UplinkResult.Accepted.class, lost);
        assertEquals(1, platform.simulator.storedSubmissionCount());
        assertEquals(Optional.of(((UplinkResult.Accepted) lost).projectNo()), store.find(id).orElseThrow().projectNo());
        assertEquals(SubmissionStatus.SENT, store.find(id).orElseThrow().status());
    }

    @Test
    void statuses_the_platform_reaches_come_back_to_the_terminal_in_order() throws Exception {
        UUID id = seal(draft());
        sync.runOnce();

        advance(Duration.ofSeconds(3));
        sync.runOnce();
        SealedSubmission accepted = store.find(id).orElseThrow();
        advance(Duration.ofSeconds(57));
        sync.runOnce();
        SealedSubmission done = store.find(id).orElseThrow();

        assertEquals(SubmissionStatus.ACCEPTED, accepted.status());
        assertEquals(Optional.of("已受理"), accepted.statusNote());
        assertEquals(RunningSimulator.START.plusSeconds(3), accepted.statusAt());
        assertEquals(SubmissionStatus.DONE, done.status());
        assertEquals(Optional.of("已办结"), done.statusNote());
        assertEquals(platform.simulator.projectNoOf(id), done.projectNo());
        assertEquals(List.of("SEALED", "SENT", "ACCEPTED", "IN_PROGRESS", "DONE"), history(id));
    }

    @Test
    void a_restarted_sync_engine_does_not_replay_statuses_it_already_has() throws Exception {
        UUID id = seal(draft());
        sync.runOnce();
        advance(Duration.ofMinutes(2));
        sync.runOnce();
        List<String> before = history(id);

        SyncEngine restarted = new SyncEngine(outbox, client, terminalClock, new SplittableRandom(2),
                Duration.ofSeconds(30));
        restarted.runOnce();

        assertEquals(List.of("SEALED", "SENT", "ACCEPTED", "IN_PROGRESS", "DONE"), before);
        assertEquals(before, history(id));
        assertTrue(outbox.cursor("status").isPresent());
    }

    @Test
    void every_fifth_submission_comes_back_needing_correction_with_the_platforms_note() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(seal(draft()));
            advance(Duration.ofSeconds(1));
        }
        sync.runOnce();

        advance(Duration.ofMinutes(2));
        sync.runOnce();

        List<SubmissionStatus> statuses = ids.stream().map(id -> store.find(id).orElseThrow().status()).toList();
        assertEquals(List.of(SubmissionStatus.DONE, SubmissionStatus.DONE, SubmissionStatus.DONE,
                SubmissionStatus.DONE, SubmissionStatus.NEEDS_CORRECTION), statuses);
        assertEquals(Optional.of(StatusSchedule.CORRECTION_NOTE), store.find(ids.get(4)).orElseThrow().statusNote());
        assertEquals(Optional.of("34012120260302000005"), store.find(ids.get(4)).orElseThrow().projectNo());
    }

    @Test
    void with_the_platform_down_the_submission_waits_and_is_delivered_once_it_is_back() throws Exception {
        UUID id = seal(draft());
        platform.stop();

        sync.runOnce();

        assertEquals(SubmissionStatus.SEALED, store.find(id).orElseThrow().status());
        Map<String, String> queued = outboxRow(id);
        assertEquals("PENDING", queued.get("state"));
        assertEquals("1", queued.get("attempts"));
        assertTrue(queued.get("last_error").startsWith("uplink[" + uplink.get() + "]"), queued.get("last_error"));
        assertTrue(sync.state().lastError().orElseThrow().startsWith("uplink["), sync.state().toString());
        assertEquals(1, sync.state().pending());
        assertTrue(sync.state().halted().isEmpty(), "an outage is not an operator's problem");

        platform.start();
        uplink.set(platform.simulator.baseUri());
        sync.runOnce();
        int beforeBackoff = platform.simulator.storedSubmissionCount();
        SubmissionStatus whenBack = store.find(id).orElseThrow().status();
        advance(Duration.ofSeconds(3));
        sync.runOnce();
        sync.runOnce();

        assertEquals(1, beforeBackoff, "once the platform answers again, what waited is sent without waiting out its backoff");
        assertEquals(SubmissionStatus.SENT, whenBack);
        assertEquals(1, platform.simulator.storedSubmissionCount());
        assertEquals(platform.simulator.projectNoOf(id), store.find(id).orElseThrow().projectNo());
        assertEquals(Optional.empty(), sync.state().lastError());
        assertEquals(0, sync.state().pending());
    }

    @Test
    void a_revoked_terminal_halts_the_queue_until_an_operator_retries() throws Exception {
        UUID first = seal(draft());
        UUID second = seal(draft());
        platform.simulator.revoke(TERMINAL_ID);

        sync.runOnce();
        String halted = sync.state().halted().orElseThrow();
        platform.simulator.enroll(TERMINAL_ID, identity.publicKeyPem());
        advance(Duration.ofMinutes(10));
        sync.runOnce();
        int whileHalted = platform.simulator.storedSubmissionCount();

        sync.retryNow();
        sync.runOnce();

        assertTrue(halted.contains("403"), halted);
        assertTrue(halted.contains("re-enrol"), halted);
        assertEquals(0, whileHalted, "nothing is sent while the queue is halted, even once the key is fixed");
        assertEquals(SubmissionStatus.SENT, store.find(first).orElseThrow().status());
        assertEquals(SubmissionStatus.SENT, store.find(second).orElseThrow().status());
        assertEquals(2, platform.simulator.storedSubmissionCount());
        assertEquals(Optional.empty(), sync.state().halted());
    }

    @Test
    void a_terminal_clock_ten_minutes_off_halts_the_queue_with_a_message_about_the_clock() throws Exception {
        UUID id = seal(draft());
        terminalClock.advance(Duration.ofMinutes(11));

        sync.runOnce();

        String halted = sync.state().halted().orElseThrow(() -> new AssertionError(sync.state() + " stored="
                + platform.simulator.storedSubmissionCount() + " " + store.find(id)));
        assertTrue(halted.contains("401"), halted);
        assertTrue(halted.contains("clock"), halted);
        assertEquals(SubmissionStatus.SEALED, store.find(id).orElseThrow().status());
        assertEquals("0", outboxRow(id).get("attempts"), "a halt is not a failed attempt of this record");
        assertEquals(0, platform.simulator.storedSubmissionCount());
    }

    @Test
    void a_key_the_platform_does_not_know_halts_the_queue_with_a_message_about_the_key() throws Exception {
        UUID id = seal(draft());
        platform.simulator.enroll(TERMINAL_ID, Sm2.publicKeyPem(Sm2.generateKeyPair().getPublic()));

        sync.runOnce();

        String halted = sync.state().halted().orElseThrow(() -> new AssertionError(sync.state().toString()));
        assertTrue(halted.contains("401"), halted);
        assertTrue(halted.contains("terminal key"), halted);
        assertEquals(SubmissionStatus.SEALED, store.find(id).orElseThrow().status());
        assertEquals(0, platform.simulator.storedSubmissionCount());
    }

    @Test
    void a_submission_the_platform_refuses_is_quarantined_and_the_next_one_still_goes_through() throws Exception {
        UUID refused = seal(draft(UUID.randomUUID(), "   "));
        advance(Duration.ofSeconds(1));
        UUID fine = seal(draft());

        sync.runOnce();
        sync.runOnce();

        SealedSubmission quarantined = store.find(refused).orElseThrow();
        assertEquals(SubmissionStatus.QUARANTINED, quarantined.status());
        assertEquals(Optional.of("taskCode is missing or blank"), quarantined.statusNote());
        assertEquals("1", outboxRow(refused).get("attempts"), "a quarantined record is not retried by itself");
        assertEquals(SubmissionStatus.SENT, store.find(fine).orElseThrow().status());
        assertEquals(1, platform.simulator.storedSubmissionCount());
        assertEquals(Optional.empty(), platform.simulator.projectNoOf(refused));
        assertTrue(sync.state().halted().isEmpty());
        assertEquals(0, sync.state().pending());
    }

    // --- helpers ---

    /** Both clocks move together: the terminal's stays within the contract's skew of the platform's. */
    private void advance(Duration by) {
        platform.clock.advance(by);
        terminalClock.advance(by);
    }

    private UUID seal(SubmissionDraft draft) {
        return store.seal(draft).id();
    }

    private static SubmissionDraft draft() {
        return draft(UUID.randomUUID(), TASK_CODE);
    }

    private static SubmissionDraft draft(UUID id, String taskCode) {
        return new SubmissionDraft(id, taskCode, "城乡居民基本养老保险参保登记", 1, "340121100004", "王秀兰",
                "340121194803120024", "王*兰 340121********0024", Map.of("reason", "参保登记"), "WINDOW",
                LocalDate.of(2026, 3, 9), List.of());
    }

    private List<String> history(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status FROM status_history WHERE submission_id = ? ORDER BY seq")) {
                ps.setString(1, id.toString());
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    private Map<String, String> outboxRow(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, attempts, last_error FROM outbox WHERE submission_id = ?")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "no outbox row for " + id);
                    Map<String, String> row = new java.util.HashMap<>();
                    row.put("state", rs.getString(1));
                    row.put("attempts", rs.getString(2));
                    row.put("last_error", rs.getString(3));
                    return row;
                }
            }
        });
    }

    /** The body as the platform stored it, read from the simulator's own file. */
    private byte[] platformBody(UUID id) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + platform.databaseFile);
             PreparedStatement ps = c.prepareStatement("SELECT body FROM submission WHERE submission_id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the platform has no submission " + id);
                return rs.getBytes(1);
            }
        }
    }
}
