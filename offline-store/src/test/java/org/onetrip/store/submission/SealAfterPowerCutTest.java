package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

/**
 * A resident's seal is durable by its redo-journal record: after a power cut that lost SQLite's last commits
 * ({@code synchronous=NORMAL}), the next start writes the same seals again, byte for byte, each once, with an audit
 * entry saying so, and the queue sends them.
 */
class SealAfterPowerCutTest {
    @TempDir
    Path directory;

    @Test
    void seals_whose_commit_was_lost_are_restored_from_the_journal_with_their_bodies_and_attachments()
            throws Exception {
        Path liveFile = directory.resolve("live").resolve("onetrip.db");
        UUID durable = UUID.randomUUID();
        UUID lostOne = UUID.randomUUID();
        UUID lostTwo = UUID.randomUUID();
        Path restored;
        Map<UUID, byte[]> bodies;
        AttachmentRef photo;
        try (StoreFixture live = new StoreFixture(liveFile)) {
            live.store.seal(Drafts.draft(durable));
            live.db.settleJournal(); // the disk holds everything up to here
            photo = live.store.attachments().stage("photo".getBytes(StandardCharsets.UTF_8), "image/jpeg");
            restored = durablePoint(liveFile, directory.resolve("after-cut"));
            live.store.seal(Drafts.draft(lostOne, Drafts.OTHER_NAME, Drafts.OTHER_ID_NUMBER));
            live.store.seal(Drafts.draft(lostTwo).withAttachments(List.of(photo)));
            bodies = live.outbox.due(live.clock.instant(), 10).stream()
                    .collect(Collectors.toMap(Outbox.Entry::submissionId, Outbox.Entry::body));
            Files.copy(live.db.redoJournalFile(), restored.resolveSibling("onetrip.db-redo"));
        }

        try (StoreFixture after = new StoreFixture(restored)) {
            for (UUID id : List.of(durable, lostOne, lostTwo)) {
                assertEquals(SubmissionStatus.SEALED, after.store.find(id).orElseThrow().status(), id.toString());
            }
            Map<UUID, byte[]> queued = after.outbox.due(after.clock.instant(), 10).stream()
                    .collect(Collectors.toMap(Outbox.Entry::submissionId, Outbox.Entry::body));
            assertEquals(bodies.keySet(), queued.keySet(), "each in the queue once");
            for (UUID id : bodies.keySet()) {
                assertArrayEquals(bodies.get(id), queued.get(id), "the body the platform gets is the one sealed");
            }
            assertEquals(1, after.store.findByApplicant(Drafts.OTHER_ID_NUMBER).size(), "found by card tap");
            assertEquals(List.of(photo.sha256()), after.rows(
                    "SELECT sha256 FROM submission_attachment WHERE submission_id = ?", lostTwo.toString()).stream()
                    .map(r -> r.get("sha256")).toList());
            assertTrue(after.db.read(c -> after.audit.verify(c)).holds(), "the audit chain holds");
            assertEquals(List.of(lostOne.toString(), lostTwo.toString()), after.rows(
                    "SELECT subject FROM audit_log WHERE detail LIKE '%restored=redo-journal' ORDER BY seq").stream()
                    .map(r -> r.get("subject")).toList());
        }
    }

    @Test
    void a_seal_record_reads_back_as_written() {
        SubmissionStore.StoredSeal row = new SubmissionStore.StoredSeal(UUID.randomUUID(), Drafts.TASK_CODE,
                "城乡居民基本养老保险待遇领取", 3, "ab".repeat(32), "王*兰 340121**********24", "2026-03-02T01:00:00Z",
                LocalDate.of(2026, 3, 9).toString(), "户口簿\n照片", new byte[0], "cd".repeat(32));
        SealRedo redo = new SealRedo(row, new byte[] {1, 2, 3, (byte) 0xFF},
                List.of(new AttachmentRef("ef".repeat(32), 1234, "image/jpeg")),
                Instant.parse("2026-03-02T01:00:00.123456789Z"), "task=X attachments=1");
        SealRedo back = SealRedo.decode(redo.encode());
        assertEquals(row.id(), back.row().id());
        assertEquals(row.itemName(), back.row().itemName());
        assertEquals(row.applicantMask(), back.row().applicantMask());
        assertEquals(row.promisedBy(), back.row().promisedBy());
        assertEquals(row.stillToBring(), back.row().stillToBring());
        assertEquals(row.bodySm3(), back.row().bodySm3());
        assertArrayEquals(redo.storedBody(), back.storedBody());
        assertEquals(redo.attachments(), back.attachments());
        assertEquals(redo.at(), back.at());
        assertEquals(redo.auditDetail(), back.auditDetail());

        SubmissionStore.StoredSeal noDate = new SubmissionStore.StoredSeal(row.id(), row.taskCode(), row.itemName(),
                1, row.applicantKey(), row.applicantMask(), row.sealedAt(), null, "", new byte[0], row.bodySm3());
        assertEquals(null, SealRedo.decode(new SealRedo(noDate, new byte[0], List.of(), redo.at(), "")
                .encode()).row().promisedBy());
    }

    /** The database, its WAL, the key folder and the attachment files as the disk holds them now. */
    private static Path durablePoint(Path live, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : new String[] {"onetrip.db", "onetrip.db-wal"}) {
            Path p = live.resolveSibling(name);
            if (Files.exists(p)) {
                Files.copy(p, to.resolve(name));
            }
        }
        for (String folder : new String[] {"keys", "attachments"}) {
            Path from = live.resolveSibling(folder);
            if (Files.isDirectory(from)) {
                try (Stream<Path> walk = Files.walk(from)) {
                    for (Path p : walk.toList()) {
                        Path target = to.resolve(folder).resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(p, target);
                        }
                    }
                }
            }
        }
        return to.resolve("onetrip.db");
    }
}
