package org.onetrip.store.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.agency.AgencyFilings;
import org.onetrip.store.agency.Authorisation;
import org.onetrip.store.agency.FiledMaterial;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.DeliveryDetails;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

class RetentionPurgeTest {
    static final Duration DAY = Duration.ofDays(1);
    static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path directory;
    private StoreFixture f;
    private FeedbackStore feedback;
    private RetentionPurge purge;
    private int residents;

    @BeforeEach
    void open() {
        f = new StoreFixture(directory.resolve("store.db"));
        feedback = new FeedbackStore(f.db, f.audit, f.clock, StoreFixture.TERMINAL_ID, UUID::randomUUID);
        purge = new RetentionPurge(f.db, f.audit, f.store.attachments(), f.clock, RETENTION);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** A made-up resident of its own, so that each one's values can be looked for in the file. */
    private record Resident(String name, String idNumber, String phone, String address) {
    }

    private Resident resident() {
        int n = residents++;
        return new Resident("测试居民" + "甲乙丙丁戊己庚辛壬癸".charAt(n % 10) + n,
                String.format("3401211950%02d12%03d4", 1 + n % 12, n),
                String.format("1391234%04d", n), "锦湖社区" + (100 + n) + "号");
    }

    private SubmissionDraft draft(Resident r, List<AttachmentRef> files) {
        String mask = r.name().charAt(0) + "*" + r.name().charAt(r.name().length() - 1) + " "
                + r.idNumber().substring(0, 6) + "********" + r.idNumber().substring(14);
        return new SubmissionDraft(UUID.randomUUID(), Drafts.TASK_CODE, "城乡居民基本养老保险参保登记", 3, "340121100004",
                r.name(), r.idNumber(), mask, Map.of("name", r.name(), "phone", r.phone(), "address", r.address()),
                "EXPRESS", LocalDate.of(2026, 3, 9), List.of(), files,
                DeliveryDetails.express(r.address(), r.phone()));
    }

    /** Seals now, lets the platform take it, then reports {@code statuses} each one day after the previous. */
    private UUID caseOf(Resident r, List<AttachmentRef> files, boolean sent, SubmissionStatus... statuses) {
        UUID id = f.store.seal(draft(r, files)).id();
        if (sent) {
            f.outbox.sent(id, "P-" + id, f.clock.instant());
        }
        Instant at = f.clock.instant();
        for (SubmissionStatus s : statuses) {
            at = at.plus(DAY);
            f.outbox.statusChanged(id, s, null, "P-" + id, at);
        }
        return id;
    }

    private String purgedAt(UUID id) {
        return f.rows("SELECT purged_at FROM submission WHERE id = ?", id.toString()).getFirst().get("purged_at");
    }

    private String bodyLength(String table, UUID id) {
        return f.rows("SELECT length(body) AS n FROM " + table + " WHERE id = ?", id.toString()).getFirst().get("n");
    }

    @Test
    void only_cases_the_platform_finished_longer_ago_than_the_retention_period_and_that_left_the_outbox_are_purged() {
        Resident doneLongAgo = resident();
        UUID done = caseOf(doneLongAgo, List.of(), true, SubmissionStatus.ACCEPTED, SubmissionStatus.DONE);
        UUID rejected = caseOf(resident(), List.of(), true, SubmissionStatus.REJECTED);
        UUID unsentButDone = caseOf(resident(), List.of(), false, SubmissionStatus.DONE);
        UUID inProgress = caseOf(resident(), List.of(), true, SubmissionStatus.IN_PROGRESS);
        UUID quarantined = f.store.seal(draft(resident(), List.of())).id();
        f.outbox.quarantine(quarantined, "缺少字段", f.clock.instant());
        UUID deliveredLater = caseOf(resident(), List.of(), true, SubmissionStatus.DONE);
        f.clock.advance(Duration.ofDays(20));
        f.outbox.statusChanged(deliveredLater, SubmissionStatus.DELIVERED, null, null, f.clock.instant());
        f.clock.advance(Duration.ofDays(13)); // done 31 and rejected 32 days ago, delivered 13 days ago
        Resident recent = resident();
        UUID doneRecently = caseOf(recent, List.of(), true, SubmissionStatus.DONE);

        RetentionPurge.Result result = purge.run();

        assertEquals(2, result.submissions());
        assertNotNull(purgedAt(done));
        assertNotNull(purgedAt(rejected));
        for (UUID kept : List.of(unsentButDone, inProgress, quarantined, deliveredLater, doneRecently)) {
            assertNull(purgedAt(kept), "kept " + kept);
            assertNotEquals0(bodyLength("submission", kept));
        }
        assertEquals("0", bodyLength("submission", done));
        assertEquals(f.clock.instant().minus(RETENTION), result.cutoff());
        // what the ledger shows of it is still there; prefill and delivery no longer find anything
        var row = f.store.find(done).orElseThrow();
        assertEquals(SubmissionStatus.DONE, row.status());
        assertTrue(row.applicantMask().startsWith("测*"));
        assertEquals(Optional.empty(), f.store.latestFormValues(doneLongAgo.idNumber()));
        assertEquals(Optional.empty(), f.store.deliveryOf(done));
        assertEquals(1, f.store.findByApplicant(doneLongAgo.idNumber()).size());
        assertTrue(f.store.latestFormValues(recent.idNumber()).isPresent());
        assertEquals(0, purge.run().submissions(), "a purged case is not purged again");
    }

    private static void assertNotEquals0(String length) {
        assertFalse("0".equals(length), "the body is still there");
    }

    @Test
    void an_attachment_goes_row_and_file_only_when_no_unpurged_case_refers_to_it_and_agency_trust_levels_stay() {
        AttachmentRef shared = f.store.attachments().stage(new byte[] {1, 2, 3}, "image/jpeg");
        AttachmentRef own = f.store.attachments().stage(new byte[] {4, 5, 6}, "image/jpeg");
        UUID purged = caseOf(resident(), List.of(shared, own), true, SubmissionStatus.DONE);
        AgencyFilings filings = new AgencyFilings(f.db, f.audit, f.store, f.clock, UUID::randomUUID);
        Resident filedFor = resident();
        SubmissionDraft filedDraft = draft(filedFor, List.of());
        Authorisation a = filings.authorise(filedFor.idNumber(), filedDraft.applicantMask(), filedDraft.taskCode(),
                filedDraft.itemName(), "AGENT-01", false);
        AttachmentRef scan = f.store.attachments().stage(new byte[] {7, 8}, "image/jpeg");
        UUID filed = filings.seal(filedDraft, a, List.of(new FiledMaterial("户口簿", scan, true))).id();
        f.outbox.sent(filed, "P-filed", f.clock.instant());
        f.outbox.statusChanged(filed, SubmissionStatus.DELIVERED, null, null, f.clock.instant().plus(DAY));
        f.clock.advance(Duration.ofDays(5));
        UUID kept = caseOf(resident(), List.of(shared), true, SubmissionStatus.ACCEPTED);
        f.clock.advance(Duration.ofDays(30));

        RetentionPurge.Result result = purge.run();

        assertEquals(2, result.submissions());
        assertEquals(2, result.attachments());
        assertTrue(Files.exists(f.store.attachments().path(shared.sha256())));
        assertFalse(Files.exists(f.store.attachments().path(own.sha256())));
        assertFalse(Files.exists(f.store.attachments().path(scan.sha256())));
        assertEquals(List.of(Map.of("sha256", shared.sha256())), f.rows("SELECT sha256 FROM attachment"));
        assertEquals(List.of(Map.of("submission_id", kept.toString())),
                f.rows("SELECT submission_id FROM submission_attachment"));
        assertEquals(List.of("B:AGENT-01"), filings.filing(filed).orElseThrow().materialTrust());
        assertNull(f.rows("SELECT sha256 FROM agency_material").getFirst().get("sha256"));
        assertNotNull(purgedAt(purged));
    }

    @Test
    void ratings_and_complaints_lose_their_words_once_sent_and_their_case_purged_but_keep_rating_and_category() {
        UUID done = caseOf(resident(), List.of(), true, SubmissionStatus.DONE);
        UUID sentRating = feedback.rate(done, 4, "工作人员很耐心，电话13912345678");
        feedback.sent(sentRating, f.clock.instant());
        UUID pendingRating = feedback.rate(done, 2, "还没发出去的评价");
        UUID aboutCase = feedback.complain(Optional.of(done), "办理时限", "等了太久");
        feedback.sent(aboutCase, f.clock.instant());
        UUID oldComplaint = feedback.complain(Optional.empty(), "咨询", "低保怎么申请");
        feedback.sent(oldComplaint, f.clock.instant());
        UUID openCase = caseOf(resident(), List.of(), true, SubmissionStatus.IN_PROGRESS);
        UUID aboutOpenCase = feedback.complain(Optional.of(openCase), "服务态度", "态度不好");
        feedback.sent(aboutOpenCase, f.clock.instant());
        f.clock.advance(Duration.ofDays(32));
        UUID newComplaint = feedback.complain(Optional.empty(), "咨询", "新的咨询");
        feedback.sent(newComplaint, f.clock.instant());

        RetentionPurge.Result result = purge.run();

        assertEquals(1, result.evaluations());
        assertEquals(2, result.complaints());
        assertEquals("0", bodyLength("evaluation", sentRating));
        assertEquals("4", f.rows("SELECT rating FROM evaluation WHERE id = ?", sentRating.toString()).getFirst()
                .get("rating"));
        assertNotEquals0(bodyLength("evaluation", pendingRating));
        assertEquals("0", bodyLength("complaint", aboutCase));
        assertEquals("办理时限", f.rows("SELECT category FROM complaint WHERE id = ?", aboutCase.toString()).getFirst()
                .get("category"));
        assertEquals("0", bodyLength("complaint", oldComplaint));
        assertNotEquals0(bodyLength("complaint", aboutOpenCase));
        assertNotEquals0(bodyLength("complaint", newComplaint));

        feedback.sent(pendingRating, f.clock.instant());
        assertEquals(1, purge.run().evaluations(), "the rating is purged once the platform has it");
    }

    @Test
    void each_run_leaves_one_audit_entry_with_counts_and_cutoff_only_and_the_chain_still_verifies() {
        Resident r = resident();
        caseOf(r, List.of(), true, SubmissionStatus.DONE);
        f.clock.advance(Duration.ofDays(32));
        purge.run();
        purge.run();

        var entries = f.rows(
                "SELECT actor, subject, detail FROM audit_log WHERE action = 'retention.purged' ORDER BY seq");
        assertEquals(2, entries.size());
        String cutoff = f.clock.instant().minus(RETENTION).toString();
        assertEquals("cutoff=" + cutoff + " days=30 submissions=1 evaluations=0 complaints=0 attachments=0",
                entries.get(0).get("detail"));
        assertEquals("cutoff=" + cutoff + " days=30 submissions=0 evaluations=0 complaints=0 attachments=0",
                entries.get(1).get("detail"));
        assertEquals("terminal", entries.get(0).get("actor"));
        assertFalse(entries.toString().contains(r.idNumber()) || entries.toString().contains(r.name()));
        assertTrue(f.db.read(f.audit::verify).holds(), "the audit chain verifies after purges");
    }

    @Test
    void the_purged_values_are_no_longer_anywhere_in_the_database_files() throws IOException {
        Resident gone = resident();
        AttachmentRef photo = f.store.attachments().stage("户口簿照片".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        UUID id = caseOf(gone, List.of(photo), true, SubmissionStatus.DONE);
        UUID rating = feedback.rate(id, 5, "评价里写了地址" + gone.address());
        feedback.sent(rating, f.clock.instant());
        Resident stays = resident();
        UUID kept = caseOf(stays, List.of(), true, SubmissionStatus.IN_PROGRESS);
        f.execute("PRAGMA wal_checkpoint(PASSIVE)");
        // bodies are encrypted at rest: what a thief could find are their ciphertexts, so those must go too
        List<byte[]> stored = List.of(stored("submission", id), stored("evaluation", rating));
        byte[] keptBody = stored("submission", kept);
        for (byte[] body : stored) {
            assertTrue(contains(files(), body), "before the purge the file holds the body (the test can fail)");
        }
        f.clock.advance(Duration.ofDays(32));

        purge.run();

        byte[] after = files();
        for (byte[] body : stored) {
            assertFalse(contains(after, body), "after the purge the database files still hold a purged body");
        }
        for (String v : List.of(gone.name(), gone.idNumber(), gone.phone(), gone.address())) {
            assertFalse(contains(after, v.getBytes(StandardCharsets.UTF_8)), "the database files hold " + v);
        }
        assertTrue(contains(after, keptBody), "an unpurged case is untouched");
        assertFalse(Files.exists(f.store.attachments().path(photo.sha256())));
    }

    private byte[] stored(String table, UUID id) {
        return f.db.read(c -> {
            try (var ps = c.prepareStatement("SELECT body FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id.toString());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }

    /** The database file and its write-ahead log, as a thief of the SD card would read them. */
    private byte[] files() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String suffix : List.of("", "-wal", "-journal")) {
            Path p = f.db.file().resolveSibling(f.db.file().getFileName() + suffix);
            if (Files.exists(p)) {
                all.write(Files.readAllBytes(p));
            }
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void a_sealed_body_changes_only_by_being_purged_and_a_purge_is_final() {
        AttachmentRef photo = f.store.attachments().stage(new byte[] {9}, "image/jpeg");
        UUID open = caseOf(resident(), List.of(photo), true, SubmissionStatus.IN_PROGRESS);
        String row = " WHERE id = '" + open + "'";
        assertThrows(StoreException.class, () -> f.execute("UPDATE submission SET body = X'00'" + row));
        assertThrows(StoreException.class, () -> f.execute("UPDATE submission SET body = X''" + row));
        assertThrows(StoreException.class, () -> f.execute("DELETE FROM submission_attachment"));
        UUID done = caseOf(resident(), List.of(), true, SubmissionStatus.DONE);
        f.clock.advance(Duration.ofDays(32));
        purge.run();
        assertThrows(StoreException.class, () -> f.execute(
                "UPDATE submission SET purged_at = '2020-01-01T00:00:00.000000000Z' WHERE id = '" + done + "'"));
        assertThrows(StoreException.class, () -> f.execute(
                "UPDATE submission SET item_name = 'x' WHERE id = '" + done + "'"));
    }

    @Test
    void the_schedule_purges_at_start_and_then_once_a_day_of_the_clock() throws Exception {
        RetentionSchedule schedule = new RetentionSchedule(purge, f.clock, Duration.ofHours(1));
        schedule.start();
        try {
            assertTrue(schedule.awaitStartRun(Duration.ofSeconds(30)));
            assertEquals(1, auditEntries());
            assertFalse(schedule.tick());
            f.clock.advance(Duration.ofHours(23));
            assertFalse(schedule.tick());
            caseOf(resident(), List.of(), true, SubmissionStatus.DONE);
            f.clock.advance(Duration.ofDays(32));
            assertTrue(schedule.tick());
            assertEquals(1, schedule.last().submissions());
            assertEquals(2, auditEntries());
            assertFalse(schedule.tick());
        } finally {
            schedule.stop();
        }
    }

    private int auditEntries() {
        return f.rows("SELECT seq FROM audit_log WHERE action = 'retention.purged'").size();
    }

    @Test
    void a_backlog_is_purged_in_portions_oldest_first_one_audit_entry_each_at_every_tick() throws Exception {
        UUID oldest = caseOf(resident(), List.of(), true, SubmissionStatus.DONE);
        f.clock.advance(Duration.ofHours(1));
        UUID middle = caseOf(resident(), List.of(), true, SubmissionStatus.DONE);
        f.clock.advance(Duration.ofHours(1));
        UUID newest = caseOf(resident(), List.of(), true, SubmissionStatus.DONE);
        f.clock.advance(Duration.ofDays(32));
        RetentionSchedule schedule = new RetentionSchedule(
                new RetentionPurge(f.db, f.audit, f.store.attachments(), f.clock, RETENTION, 2), f.clock,
                Duration.ofHours(1));

        assertTrue(schedule.tick());
        assertTrue(schedule.last().more());
        assertNotNull(purgedAt(oldest));
        assertNotNull(purgedAt(middle));
        assertNull(purgedAt(newest));
        assertTrue(schedule.tick(), "the rest at the next tick, not a day later");
        assertEquals(1, schedule.last().submissions());
        assertFalse(schedule.last().more());
        assertNotNull(purgedAt(newest));
        assertFalse(schedule.tick());
        assertEquals(2, auditEntries());
    }
}
