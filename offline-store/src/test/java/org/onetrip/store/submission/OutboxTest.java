package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.db.Instants;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

class OutboxTest {
    private static final String PROJECT_NO = "34012120260302000001";

    @TempDir
    Path directory;
    private StoreFixture fixture;
    private Outbox outbox;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
        outbox = fixture.outbox;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void due_hands_out_the_oldest_first_up_to_the_limit() {
        UUID first = seal();
        fixture.clock.advance(Duration.ofSeconds(1));
        UUID second = seal();
        fixture.clock.advance(Duration.ofSeconds(1));
        UUID third = seal();
        Instant now = fixture.clock.instant();

        assertEquals(List.of(first, second), ids(outbox.due(now, 2)));
        assertEquals(List.of(first, second, third), ids(outbox.due(now, 20)));
        assertEquals(List.of(first, second), ids(outbox.due(StoreFixture.START.plusSeconds(1), 20)),
                "nothing sealed after 'now' is due");
        assertEquals(3, outbox.pendingCount());
    }

    @Test
    void a_deferred_upload_goes_behind_and_is_not_due_before_its_time() {
        UUID deferred = seal();
        UUID other = seal();
        Instant next = fixture.clock.instant().plusSeconds(30);

        outbox.retryLater(deferred, next, "uplink[http://127.0.0.1:1]: HTTP 503");

        assertEquals(List.of(other), ids(outbox.due(fixture.clock.instant(), 20)));
        assertEquals(List.of(other), ids(outbox.due(next.minusSeconds(1), 20)));
        List<Outbox.Entry> later = outbox.due(next, 20);
        assertEquals(List.of(other, deferred), ids(later));
        assertEquals(1, later.get(1).attempts());
        assertEquals(0, later.get(0).attempts());
        assertEquals(List.of(Map.of("attempts", "1", "next_attempt_at", Instants.format(next), "last_error",
                        "uplink[http://127.0.0.1:1]: HTTP 503")),
                fixture.rows("SELECT attempts, next_attempt_at, last_error FROM outbox WHERE submission_id = ?",
                        deferred.toString()));
        assertEquals(2, outbox.pendingCount(), "a deferred upload is still pending");
        assertEquals(SubmissionStatus.SEALED, fixture.store.find(deferred).orElseThrow().status());
    }

    @Test
    void each_retry_counts_one_more_attempt() {
        UUID id = seal();
        Instant next = fixture.clock.instant();
        for (int i = 0; i < 3; i++) {
            next = next.plusSeconds(10);
            outbox.retryLater(id, next, "timed out");
        }

        assertEquals(3, outbox.due(next, 20).getFirst().attempts());
    }

    @Test
    void a_quarantined_submission_stays_visible_with_its_reason_and_leaves_the_queue() {
        UUID refused = seal();
        UUID fine = seal();

        outbox.quarantine(refused, "taskCode is missing or blank", fixture.clock.instant());

        SealedSubmission shown = fixture.store.find(refused).orElseThrow();
        assertEquals(SubmissionStatus.QUARANTINED, shown.status());
        assertEquals(Optional.of("taskCode is missing or blank"), shown.statusNote());
        assertTrue(shown.status().isUnsent());
        assertEquals(List.of(fine), ids(outbox.due(Instant.parse("2100-01-01T00:00:00Z"), 20)));
        assertEquals(1, outbox.pendingCount());
        assertEquals(List.of(Map.of("state", "QUARANTINED", "last_error", "taskCode is missing or blank")),
                fixture.rows("SELECT state, last_error FROM outbox WHERE submission_id = ?", refused.toString()));
        assertEquals(List.of("SEALED", "QUARANTINED"), history(refused));
        assertTrue(ids2(fixture.store.findByApplicant(Drafts.ID_NUMBER)).contains(refused),
                "the resident still sees it");
    }

    @Test
    void a_sent_submission_leaves_the_outbox_with_its_project_number() {
        UUID id = seal();
        fixture.clock.advance(Duration.ofSeconds(5));

        outbox.sent(id, PROJECT_NO, fixture.clock.instant());

        SealedSubmission sent = fixture.store.find(id).orElseThrow();
        assertEquals(SubmissionStatus.SENT, sent.status());
        assertEquals(Optional.of(PROJECT_NO), sent.projectNo());
        assertEquals(StoreFixture.START.plusSeconds(5), sent.statusAt());
        assertEquals(0, fixture.count("outbox"));
        assertEquals(0, outbox.pendingCount());
        assertEquals(List.of(), outbox.due(Instant.parse("2100-01-01T00:00:00Z"), 20));
        assertEquals(List.of("SEALED", "SENT"), history(id));
        assertEquals(List.of(Map.of("action", "submission.sent", "detail", "projectNo=" + PROJECT_NO)),
                fixture.rows("SELECT action, detail FROM audit_log WHERE subject = ? AND action = 'submission.sent'",
                        id.toString()));
    }

    @Test
    void a_status_from_the_platform_is_kept_with_its_note_and_the_project_number_is_not_lost() {
        UUID id = seal();
        outbox.sent(id, PROJECT_NO, fixture.clock.instant());
        fixture.clock.advance(Duration.ofSeconds(3));

        boolean known = outbox.statusChanged(id, SubmissionStatus.NEEDS_CORRECTION, "请补充提交户口簿首页复印件", null,
                fixture.clock.instant());

        SealedSubmission now = fixture.store.find(id).orElseThrow();
        assertTrue(known);
        assertEquals(SubmissionStatus.NEEDS_CORRECTION, now.status());
        assertEquals(Optional.of("请补充提交户口簿首页复印件"), now.statusNote());
        assertEquals(Optional.of(PROJECT_NO), now.projectNo());
        assertEquals(List.of("SEALED", "SENT", "NEEDS_CORRECTION"), history(id));
    }

    @Test
    void a_status_for_a_submission_this_terminal_does_not_have_is_ignored() {
        seal();
        int historyBefore = fixture.count("status_history");
        int auditBefore = fixture.count("audit_log");

        boolean known = outbox.statusChanged(UUID.randomUUID(), SubmissionStatus.DONE, "已办结", PROJECT_NO,
                fixture.clock.instant());

        assertFalse(known);
        assertEquals(historyBefore, fixture.count("status_history"));
        assertEquals(auditBefore, fixture.count("audit_log"));
    }

    @Test
    void a_status_pulled_before_the_upload_answer_is_not_overwritten_by_sent() {
        // The platform took the upload, the answer was lost, and a status pull came first.
        UUID id = seal();
        outbox.statusChanged(id, SubmissionStatus.ACCEPTED, "已受理", PROJECT_NO, fixture.clock.instant());

        outbox.sent(id, PROJECT_NO, fixture.clock.instant());

        SealedSubmission now = fixture.store.find(id).orElseThrow();
        assertEquals(SubmissionStatus.ACCEPTED, now.status());
        assertEquals(Optional.of(PROJECT_NO), now.projectNo());
        assertEquals(0, outbox.pendingCount(), "the platform has it: it leaves the queue all the same");
    }

    @Test
    void the_status_cursor_is_kept_and_replaced() {
        assertEquals(Optional.empty(), outbox.cursor("status"));

        outbox.saveCursor("status", "3");
        outbox.saveCursor("status", "7");

        assertEquals(Optional.of("7"), outbox.cursor("status"));
        assertEquals(Optional.empty(), outbox.cursor("catalog"));
    }

    @Test
    void an_upload_deferred_to_a_fraction_of_a_second_later_is_not_due_yet() {
        UUID id = seal();
        Instant now = fixture.clock.instant();
        assertEquals(Instant.parse("2026-03-02T01:00:00Z"), now);

        outbox.retryLater(id, now.plusMillis(500), "HTTP 503");

        assertEquals(List.of(), outbox.due(now, 20));
    }

    @Test
    void an_upload_is_due_a_fraction_of_a_second_after_its_time() {
        UUID id = seal();
        Instant due = fixture.clock.instant().plusSeconds(10);
        outbox.retryLater(id, due, "HTTP 503");

        assertEquals(List.of(id), ids(outbox.due(due.plusMillis(250), 20)));
    }

    private UUID seal() {
        return fixture.store.seal(Drafts.draft()).id();
    }

    private List<String> history(UUID id) {
        return fixture.rows("SELECT status FROM status_history WHERE submission_id = ? ORDER BY seq", id.toString())
                .stream().map(r -> r.get("status")).toList();
    }

    private static List<UUID> ids(List<Outbox.Entry> entries) {
        return entries.stream().map(Outbox.Entry::submissionId).toList();
    }

    private static List<UUID> ids2(List<SealedSubmission> submissions) {
        return submissions.stream().map(SealedSubmission::id).toList();
    }

    @Test
    void a_quarantined_submission_put_back_by_staff_is_due_again_and_its_history_says_so() {
        UUID id = fixture.store.seal(Drafts.draft()).id();
        fixture.outbox.quarantine(id, "taskCode unknown", fixture.clock.instant());

        boolean requeued = fixture.outbox.requeue(id, "staff:0042");

        assertTrue(requeued);
        assertEquals(SubmissionStatus.SEALED, fixture.store.find(id).orElseThrow().status());
        assertEquals(List.of(id), fixture.outbox.due(fixture.clock.instant(), 10).stream().map(Outbox.Entry::submissionId).toList());
        assertEquals("staff:0042", fixture.rows("SELECT actor FROM audit_log WHERE action = 'submission.requeued'")
                .getFirst().get("actor"));
        assertEquals(false, fixture.outbox.requeue(id, "staff:0042"), "only a quarantined one can be put back");
    }

    @Test
    void waking_the_queue_makes_every_deferred_upload_due_now() {
        UUID a = fixture.store.seal(Drafts.draft()).id();
        UUID b = fixture.store.seal(Drafts.draft()).id();
        fixture.outbox.retryLater(a, fixture.clock.instant().plus(Duration.ofMinutes(5)), "HTTP 503");
        fixture.outbox.retryLater(b, fixture.clock.instant().plus(Duration.ofMinutes(3)), "timed out");

        int woken = fixture.outbox.wakeAll(fixture.clock.instant());

        assertEquals(2, woken);
        assertEquals(2, fixture.outbox.due(fixture.clock.instant(), 10).size());
    }

    @Test
    void the_queue_shows_each_records_state_attempts_and_last_error_oldest_first() {
        UUID a = fixture.store.seal(Drafts.draft()).id();
        fixture.clock.advance(Duration.ofSeconds(1));
        UUID b = fixture.store.seal(Drafts.draft()).id();
        fixture.outbox.retryLater(a, fixture.clock.instant().plus(Duration.ofMinutes(1)), "HTTP 503");
        fixture.outbox.quarantine(b, "invalid field", fixture.clock.instant());

        List<Outbox.QueueRecord> queue = fixture.outbox.queue(10);

        assertEquals(List.of(a, b), queue.stream().map(Outbox.QueueRecord::submissionId).toList());
        assertEquals("PENDING", queue.get(0).state());
        assertEquals(1, queue.get(0).attempts());
        assertEquals(Optional.of("HTTP 503"), queue.get(0).lastError());
        assertEquals(Optional.of(fixture.clock.instant()), queue.get(0).lastAttemptAt());
        assertEquals("QUARANTINED", queue.get(1).state());
        assertEquals(Optional.of("invalid field"), queue.get(1).lastError());
        assertEquals(1, fixture.outbox.quarantinedCount());
        assertEquals(Optional.of(StoreFixture.START), fixture.outbox.oldestPendingSealedAt());
    }
}
