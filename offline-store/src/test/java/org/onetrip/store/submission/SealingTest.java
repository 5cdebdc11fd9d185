package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;
import org.onetrip.store.uplink.Sm2;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SealingTest {
    @TempDir
    Path directory;
    private StoreFixture fixture;
    private SubmissionStore store;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
        store = fixture.store;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void sealing_writes_the_submission_its_outbox_row_its_history_and_its_audit_entry() {
        UUID id = UUID.randomUUID();

        SealedSubmission sealed = store.seal(Drafts.draft(id));

        Map<String, String> submission = fixture.rows("SELECT * FROM submission WHERE id = ?", id.toString()).getFirst();
        assertEquals("SEALED", submission.get("status"));
        assertEquals(Drafts.TASK_CODE, submission.get("task_code"));
        assertEquals("2026-03-02T01:00:00.000000000Z", submission.get("sealed_at"));
        assertEquals("户口簿原件", submission.get("still_to_bring"));
        assertEquals(List.of(Map.of("state", "PENDING", "attempts", "0", "next_attempt_at", "2026-03-02T01:00:00.000000000Z")),
                fixture.rows("SELECT state, attempts, next_attempt_at FROM outbox WHERE submission_id = ?",
                        id.toString()));
        assertEquals(List.of(Map.of("status", "SEALED", "at", "2026-03-02T01:00:00.000000000Z")),
                fixture.rows("SELECT status, at FROM status_history WHERE submission_id = ?", id.toString()));
        assertEquals(List.of(Map.of("actor", "resident", "action", "submission.sealed", "detail",
                        "task=" + Drafts.TASK_CODE)),
                fixture.rows("SELECT actor, action, detail FROM audit_log WHERE subject = ?", id.toString()));

        assertEquals(SubmissionStatus.SEALED, sealed.status());
        assertEquals(Optional.empty(), sealed.projectNo());
        assertEquals(LocalDate.of(2026, 3, 9), sealed.promisedBy());
        assertEquals(List.of("户口簿原件"), sealed.stillToBring());
        assertEquals(fixture.clock.instant(), sealed.sealedAt());
    }

    @Test
    void the_sealed_body_is_the_json_the_platform_gets_and_its_sm3_is_kept() {
        UUID id = UUID.randomUUID();
        store.seal(Drafts.draft(id));

        byte[] body = fixture.body("submission", id.toString());
        JsonNode json = JsonMapper.builder().build().readTree(body);

        assertEquals(Sm2.sm3Hex(body),
                fixture.rows("SELECT body_sm3 FROM submission WHERE id = ?", id.toString()).getFirst().get("body_sm3"));
        assertEquals(id.toString(), json.get("submissionId").stringValue());
        assertEquals(StoreFixture.TERMINAL_ID, json.get("terminalId").stringValue());
        assertEquals(Drafts.TASK_CODE, json.get("taskCode").stringValue());
        assertEquals("340121100004", json.get("regionCode").stringValue());
        assertEquals(Drafts.ID_NUMBER, json.get("applicant").get("idNumber").stringValue());
        assertEquals("户口迁入", json.get("fields").get("reason").stringValue());
        assertTrue(json.get("attachments").isArray());
        assertEquals(List.of(new String(body, StandardCharsets.UTF_8)),
                fixture.outbox.due(fixture.clock.instant(), 10).stream()
                        .map(e -> new String(e.body(), StandardCharsets.UTF_8)).toList(),
                "the outbox hands out exactly the sealed bytes");
    }

    @Test
    void sealing_the_same_id_twice_fails_and_leaves_one_submission() {
        UUID id = UUID.randomUUID();
        store.seal(Drafts.draft(id));

        StoreException e = assertThrows(StoreException.class,
                () -> store.seal(Drafts.draft(id, Drafts.OTHER_NAME, Drafts.OTHER_ID_NUMBER)));

        assertTrue(e.getMessage().contains("store.db"), e.getMessage());
        assertEquals(1, fixture.count("submission"));
        assertEquals(1, fixture.count("outbox"));
        assertEquals(1, fixture.count("status_history"));
        assertEquals(1, fixture.count("audit_log"));
        assertEquals(List.of(id), store.findByApplicant(Drafts.ID_NUMBER).stream().map(SealedSubmission::id).toList());
    }

    @Test
    void a_failure_at_the_last_write_of_sealing_leaves_nothing_behind() {
        // The audit entry is the last write of the sealing transaction; make it fail as a full disk would.
        fixture.execute("""
                CREATE TRIGGER test_audit_fails BEFORE INSERT ON audit_log
                BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END
                """);
        List<SealedSubmission> heard = new ArrayList<>();
        store.addListener(heard::add);
        UUID id = UUID.randomUUID();

        StoreException e = assertThrows(StoreException.class, () -> store.seal(Drafts.draft(id)));

        assertTrue(e.getMessage().contains("disk full (test)"), e.getMessage());
        assertEquals(0, fixture.count("submission"));
        assertEquals(0, fixture.count("outbox"));
        assertEquals(0, fixture.count("status_history"));
        assertEquals(0, fixture.count("audit_log"));
        assertEquals(List.of(), heard, "nobody is told of a submission that was not sealed");

        fixture.execute("DROP TRIGGER test_audit_fails");
        assertEquals(SubmissionStatus.SEALED, store.seal(Drafts.draft(id)).status(), "the id was not used up");
    }

    @Test
    void listeners_hear_a_seal_only_after_it_is_committed() {
        List<String> seenFromAnotherConnection = new ArrayList<>();
        store.addListener(sealed -> seenFromAnotherConnection.add(
                fixture.db.read(c -> text(c, "SELECT status FROM submission WHERE id = ?", sealed.id().toString()))));
        UUID id = UUID.randomUUID();

        store.seal(Drafts.draft(id));

        assertEquals(List.of("SEALED"), seenFromAnotherConnection);
    }

    @Test
    void a_failing_listener_neither_fails_the_seal_nor_silences_the_others() {
        List<UUID> heard = new ArrayList<>();
        store.addListener(sealed -> {
            throw new IllegalStateException("a view that is gone");
        });
        store.addListener(sealed -> heard.add(sealed.id()));
        UUID id = UUID.randomUUID();

        store.seal(Drafts.draft(id));

        assertEquals(List.of(id), heard);
        assertEquals(1, fixture.count("submission"));
    }

    @Test
    void a_removed_listener_hears_nothing_more() {
        List<UUID> heard = new ArrayList<>();
        java.util.function.Consumer<SealedSubmission> listener = sealed -> heard.add(sealed.id());
        store.addListener(listener);
        UUID first = UUID.randomUUID();
        store.seal(Drafts.draft(first));

        store.removeListener(listener);
        store.seal(Drafts.draft());

        assertEquals(List.of(first), heard);
    }

    @Test
    void listeners_hear_sent_status_and_quarantine_changes_after_commit() {
        List<String> heard = new ArrayList<>();
        store.addListener(s -> heard.add(s.status() + "/" + fixture.db.read(
                c -> text(c, "SELECT status FROM submission WHERE id = ?", s.id().toString()))));
        UUID sent = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        store.seal(Drafts.draft(sent));
        store.seal(Drafts.draft(refused));

        fixture.outbox.sent(sent, "34012120260302000001", fixture.clock.instant());
        fixture.outbox.statusChanged(sent, SubmissionStatus.ACCEPTED, "已受理", null, fixture.clock.instant());
        fixture.outbox.quarantine(refused, "taskCode is missing or blank", fixture.clock.instant());

        assertEquals(List.of("SEALED/SEALED", "SEALED/SEALED", "SENT/SENT", "ACCEPTED/ACCEPTED",
                "QUARANTINED/QUARANTINED"), heard);
    }

    private static String text(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static byte[] blob(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }
}
