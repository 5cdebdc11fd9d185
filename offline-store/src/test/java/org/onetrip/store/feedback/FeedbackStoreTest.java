package org.onetrip.store.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FeedbackStoreTest {
    @TempDir
    Path directory;
    private StoreFixture fixture;
    private FeedbackStore feedback;
    private UUID submission;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
        feedback = new FeedbackStore(fixture.db, fixture.audit, fixture.clock, StoreFixture.TERMINAL_ID, UUID::randomUUID);
        submission = fixture.store.seal(Drafts.draft()).id();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_rating_is_kept_with_its_exact_body_queued_and_audited_without_the_comment() {
        UUID id = feedback.rate(submission, 5, "工作人员很耐心");

        List<FeedbackStore.Entry> due = feedback.due(fixture.clock.instant(), 10);
        assertEquals(1, due.size());
        assertEquals(FeedbackKind.EVALUATION, due.getFirst().kind());
        JsonNode body = JsonMapper.builder().build().readTree(due.getFirst().body());
        assertEquals(id.toString(), body.get("evaluationId").stringValue());
        assertEquals(submission.toString(), body.get("submissionId").stringValue());
        assertEquals(5, body.get("rating").intValue());
        assertEquals("工作人员很耐心", body.get("comment").stringValue());
        String detail = fixture.rows("SELECT detail FROM audit_log WHERE action = 'evaluation.given'").getFirst().get("detail");
        assertEquals("evaluation=" + id + " rating=5", detail);
        assertEquals(Optional.of("PENDING"), feedback.state(id));
    }

    @Test
    void a_rating_outside_one_to_five_or_of_an_unknown_submission_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> feedback.rate(submission, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> feedback.rate(submission, 6, ""));
        assertThrows(StoreException.class, () -> feedback.rate(UUID.randomUUID(), 3, ""));
        assertEquals(0, feedback.pendingCount());
    }

    @Test
    void a_complaint_is_queued_and_its_text_stays_out_of_the_audit_log() {
        UUID id = feedback.complain(Optional.of(submission), "办理时限", "已经超过承诺时限三天");

        assertEquals(1, feedback.pendingCount());
        assertEquals(FeedbackKind.COMPLAINT, feedback.due(fixture.clock.instant(), 10).getFirst().kind());
        assertTrue(fixture.rows("SELECT detail FROM audit_log").stream()
                .noneMatch(r -> r.get("detail").contains("超过")));
        assertEquals(Optional.of("PENDING"), feedback.state(id));
    }

    @Test
    void a_deferred_item_waits_its_time_a_sent_one_leaves_the_queue_and_a_refused_one_stays_visible() {
        UUID deferred = feedback.rate(submission, 4, "");
        UUID sent = feedback.rate(submission, 3, "");
        UUID refused = feedback.complain(Optional.empty(), "咨询", "怎么办理老年证");

        feedback.retryLater(deferred, fixture.clock.instant().plus(Duration.ofMinutes(1)), "HTTP 503", fixture.clock.instant());
        feedback.sent(sent, fixture.clock.instant());
        feedback.quarantine(refused, "category unknown", fixture.clock.instant());

        assertEquals(List.of(), feedback.due(fixture.clock.instant(), 10));
        fixture.clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(deferred), feedback.due(fixture.clock.instant(), 10).stream().map(FeedbackStore.Entry::id).toList());
        assertEquals(1, feedback.due(fixture.clock.instant(), 10).getFirst().attempts());
        assertEquals(Optional.of("SENT"), feedback.state(sent));
        assertEquals(Optional.of("QUARANTINED"), feedback.state(refused));
        assertEquals("category unknown", fixture.rows("SELECT last_error FROM feedback_outbox WHERE id = ?",
                refused.toString()).getFirst().get("last_error"));
    }
}
