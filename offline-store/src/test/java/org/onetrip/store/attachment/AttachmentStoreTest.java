package org.onetrip.store.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.crypto.SealedFiles;
import org.onetrip.store.testing.TestCiphers;

class AttachmentStoreTest {
    @TempDir
    Path directory;
    private final DataCipher cipher = TestCiphers.fresh();

    @Test
    void a_staged_file_is_named_by_the_sha256_of_its_bytes_and_gives_exactly_them_back_but_not_in_the_clear()
            throws Exception {
        AttachmentStore store = new AttachmentStore(directory.resolve("attachments"), () -> cipher);
        byte[] bytes = "户口簿首页".getBytes(StandardCharsets.UTF_8);

        AttachmentRef ref = store.stage(bytes, "image/jpeg");

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(new AttachmentRef(expected, bytes.length, "image/jpeg"), ref);
        assertEquals(directory.resolve("attachments").resolve(expected.substring(0, 2)).resolve(expected),
                store.path(ref.sha256()));
        assertArrayEquals(bytes, store.read(ref.sha256()));
        assertFalse(new String(Files.readAllBytes(store.path(ref.sha256())), StandardCharsets.UTF_8).contains("户口簿"));
        assertTrue(store.isPresent(ref));
    }

    @Test
    void the_same_bytes_staged_twice_are_one_file_and_no_staging_file_is_left() throws Exception {
        AttachmentStore store = new AttachmentStore(directory, () -> cipher);

        AttachmentRef one = store.stage(new byte[] {1, 2, 3}, "application/pdf");
        AttachmentRef two = store.stage(new byte[] {1, 2, 3}, "application/pdf");

        assertEquals(one, two);
        try (var files = Files.walk(directory)) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void a_large_stream_is_stored_whole_without_being_held_in_memory() throws Exception {
        AttachmentStore store = new AttachmentStore(directory, () -> cipher);
        long size = 48L * 1024 * 1024;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");

        AttachmentRef ref = store.stage(new PatternStream(size, sha), "image/png");

        assertEquals(size, ref.size());
        assertEquals(HexFormat.of().formatHex(sha.digest()), ref.sha256());
        assertEquals(SealedFiles.sealedSize(size), Files.size(store.path(ref.sha256())));
        MessageDigest back = MessageDigest.getInstance("SHA-256");
        try (InputStream in = store.open(ref.sha256())) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                back.update(buffer, 0, n);
            }
        }
        assertEquals(ref.sha256(), HexFormat.of().formatHex(back.digest()));
    }

    @Test
    void a_file_that_lost_bytes_is_not_present() throws Exception {
        AttachmentStore store = new AttachmentStore(directory, () -> cipher);
        AttachmentRef ref = store.stage(new byte[100], "image/png");

        Files.write(store.path(ref.sha256()), new byte[50]);

        assertFalse(store.isPresent(ref));
        assertFalse(store.isPresent(new AttachmentRef("0".repeat(64), 1, "image/png")));
    }

    @Test
    void a_name_that_is_not_a_lowercase_sha256_is_refused() {
        for (String bad : List.of("", "abc", "A".repeat(64), "../" + "a".repeat(61))) {
            try {
                new AttachmentRef(bad, 1, "image/png");
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("SHA-256"));
            }
        }
    }

    /** A deterministic stream of {@code size} bytes that feeds what it hands out into {@code sha}. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest sha;
        private long position;

        PatternStream(long size, MessageDigest sha) {
            this.size = size;
            this.sha = sha;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((position + i) * 31 >>> 3);
            }
            sha.update(b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
        }
    }
}
