package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.attachment.AttachmentStore;
import org.onetrip.store.crypto.SealedFiles;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

/** A crash between staging a file and sealing the submission that refers to it leaves an orphan; start sweeps it. */
class AttachmentSweepTest {
    private static final Duration GRACE = Duration.ofDays(1);

    @TempDir
    Path directory;
    private StoreFixture fixture;
    private AttachmentStore files;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
        files = fixture.store.attachments();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void at_start_staged_files_no_seal_refers_to_are_removed_once_older_than_the_grace_period() throws Exception {
        AttachmentRef sealed = files.stage(new byte[] {1, 1, 1}, "image/jpeg");
        fixture.store.seal(Drafts.draft(UUID.randomUUID()).withAttachments(java.util.List.of(sealed)));
        AttachmentRef orphan = files.stage(new byte[] {2, 2, 2, 2}, "image/jpeg");
        AttachmentRef recent = files.stage(new byte[] {3}, "image/jpeg");
        Path halfWritten = files.dir().resolve(".staging-" + UUID.randomUUID());
        Files.write(halfWritten, new byte[] {4, 4});
        Path unrelated = Files.writeString(files.dir().resolve("README.txt"), "not an attachment");
        Instant longAgo = StoreFixture.START.minus(GRACE).minusSeconds(60);
        for (Path old : new Path[] {files.path(sealed.sha256()), files.path(orphan.sha256()), halfWritten, unrelated}) {
            Files.setLastModifiedTime(old, FileTime.from(longAgo));
        }
        Files.setLastModifiedTime(files.path(recent.sha256()), FileTime.from(StoreFixture.START.minusSeconds(60)));

        AttachmentSweep sweep = new AttachmentSweep(fixture.store, GRACE);
        sweep.start();

        assertTrue(Files.exists(files.path(sealed.sha256())), "a sealed submission refers to it");
        assertFalse(Files.exists(files.path(orphan.sha256())), "staged, never sealed, a day old");
        assertFalse(Files.exists(halfWritten), "a staging file a crash cut short");
        assertTrue(Files.exists(files.path(recent.sha256())), "inside the grace period: a resident may be sealing it");
        assertTrue(Files.exists(unrelated), "only the store's own files are touched");
    }

    @Test
    void the_sweep_reports_counts_and_a_second_sweep_finds_nothing() throws Exception {
        AttachmentRef orphan = files.stage(new byte[] {5, 6, 7}, "application/pdf");
        Files.setLastModifiedTime(files.path(orphan.sha256()),
                FileTime.from(StoreFixture.START.minus(GRACE).minusSeconds(1)));

        AttachmentStore.Sweep first = fixture.store.sweepUnsealedAttachments(GRACE);
        AttachmentStore.Sweep second = fixture.store.sweepUnsealedAttachments(GRACE);

        assertEquals(new AttachmentStore.Sweep(1, SealedFiles.sealedSize(3), 0), first, "bytes on disk, sealed");
        assertEquals(new AttachmentStore.Sweep(0, 0, 0), second);
    }

    @Test
    void staging_bytes_again_restarts_their_grace_period() throws Exception {
        AttachmentRef once = files.stage(new byte[] {8, 8}, "image/jpeg");
        Files.setLastModifiedTime(files.path(once.sha256()), FileTime.from(Instant.EPOCH));

        files.stage(new byte[] {8, 8}, "image/jpeg");
        fixture.store.sweepUnsealedAttachments(GRACE);

        assertTrue(Files.exists(files.path(once.sha256())));
    }
}
