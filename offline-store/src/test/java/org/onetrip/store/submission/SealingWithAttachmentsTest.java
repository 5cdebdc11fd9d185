package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SealingWithAttachmentsTest {
    @TempDir
    Path directory;
    private StoreFixture fixture;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void the_seal_records_each_attachment_in_order_and_the_body_lists_their_hashes() {
        AttachmentRef scan = fixture.store.attachments().stage(new byte[] {1, 2, 3}, "image/jpeg");
        AttachmentRef form = fixture.store.attachments().stage(new byte[] {4, 5}, "application/pdf");
        UUID id = UUID.randomUUID();

        fixture.store.seal(Drafts.draft(id).withAttachments(List.of(scan, form)));

        assertEquals(List.of(Map.of("ordinal", "0", "sha256", scan.sha256()), Map.of("ordinal", "1", "sha256", form.sha256())),
                fixture.rows("SELECT ordinal, sha256 FROM submission_attachment WHERE submission_id = ? ORDER BY ordinal",
                        id.toString()));
        assertEquals("3", fixture.rows("SELECT size FROM attachment WHERE sha256 = ?", scan.sha256()).getFirst().get("size"));
        byte[] body = fixture.outbox.due(fixture.clock.instant(), 1).getFirst().body();
        JsonNode json = JsonMapper.builder().build().readTree(body);
        assertEquals(scan.sha256(), json.get("attachments").get(0).stringValue());
        assertEquals(form.sha256(), json.get("attachments").get(1).stringValue());
        assertEquals(List.of(scan, form), fixture.outbox.attachmentsToUpload(id));
        assertTrue(fixture.rows("SELECT detail FROM audit_log WHERE subject = ?", id.toString()).getFirst()
                .get("detail").endsWith("attachments=2"));
    }

    @Test
    void a_draft_whose_attachment_was_never_staged_is_not_sealed_and_nothing_is_written() throws Exception {
        AttachmentRef staged = fixture.store.attachments().stage(new byte[] {9}, "image/jpeg");
        Files.delete(fixture.store.attachments().path(staged.sha256()));
        UUID id = UUID.randomUUID();

        StoreException e = assertThrows(StoreException.class,
                () -> fixture.store.seal(Drafts.draft(id).withAttachments(List.of(staged))));

        assertTrue(e.getMessage().contains(staged.sha256()), e.getMessage());
        assertEquals(0, fixture.count("submission"));
        assertEquals(0, fixture.count("outbox"));
        assertEquals(0, fixture.count("attachment"));
    }

    @Test
    void an_acknowledged_attachment_is_not_to_be_uploaded_again_even_for_another_submission() {
        AttachmentRef shared = fixture.store.attachments().stage(new byte[] {7, 7}, "image/jpeg");
        UUID first = fixture.store.seal(Drafts.draft().withAttachments(List.of(shared))).id();
        UUID second = fixture.store.seal(Drafts.draft().withAttachments(List.of(shared))).id();

        fixture.outbox.attachmentUploaded(shared.sha256(), fixture.clock.instant());

        assertEquals(List.of(), fixture.outbox.attachmentsToUpload(first));
        assertEquals(List.of(), fixture.outbox.attachmentsToUpload(second));
    }

    @Test
    void a_sealed_submission_cannot_be_edited_or_deleted_even_with_sql() {
        UUID id = fixture.store.seal(Drafts.draft()).id();

        for (String sql : List.of("UPDATE submission SET body = x'00' WHERE id = '" + id + "'",
                "UPDATE submission SET item_version = 99 WHERE id = '" + id + "'",
                "DELETE FROM submission WHERE id = '" + id + "'")) {
            StoreException e = assertThrows(StoreException.class, () -> fixture.execute(sql), sql);
            assertTrue(e.getMessage().contains("sealed submission"), e.getMessage());
        }
        assertEquals(3, Integer.parseInt(fixture.rows("SELECT item_version FROM submission").getFirst().get("item_version")));
    }
}
