package org.onetrip.store.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DataCipherTest {
    private final SecureRandom random = new SecureRandom();
    private final DataCipher cipher = new DataCipher(DataKey.generate(random), random);
    private final byte[] body = "{\"applicant\":{\"name\":\"王秀兰\",\"idNumber\":\"34012119560302002X\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void a_sealed_record_opens_to_exactly_its_plaintext_and_does_not_contain_it() {
        byte[] sealed = cipher.seal("submission:1", body);

        assertArrayEquals(body, cipher.open("submission:1", sealed));
        assertTrue(DataCipher.isSealed(sealed));
        assertFalse(DataCipher.isSealed(body));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("34012119560302002X"));
        assertEquals(1 + 12 + body.length + 16, sealed.length);
    }

    @Test
    void the_same_body_sealed_twice_differs_because_each_record_has_its_own_nonce() {
        assertNotEquals(Arrays.toString(cipher.seal("submission:1", body)),
                Arrays.toString(cipher.seal("submission:1", body)));
    }

    @Test
    void a_changed_byte_anywhere_fails_the_tag() {
        byte[] sealed = cipher.seal("submission:1", body);
        for (int i = 1; i < sealed.length; i += 7) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(DataKeyException.class, () -> cipher.open("submission:1", tampered), "byte " + i);
        }
    }

    @Test
    void a_body_moved_to_another_row_is_refused() {
        byte[] sealed = cipher.seal(DataCipher.recordId("submission", "a"), body);

        DataKeyException e = assertThrows(DataKeyException.class,
                () -> cipher.open(DataCipher.recordId("submission", "b"), sealed));
        assertTrue(e.getMessage().contains("submission:b"), e.getMessage());
        assertThrows(DataKeyException.class, () -> cipher.open(DataCipher.recordId("complaint", "a"), sealed));
    }

    @Test
    void a_record_sealed_under_another_data_key_does_not_open() {
        DataCipher other = new DataCipher(DataKey.generate(random), random);

        assertThrows(DataKeyException.class, () -> other.open("submission:1", cipher.seal("submission:1", body)));
    }

    @Test
    void a_plaintext_body_is_not_taken_for_a_sealed_one() {
        assertThrows(DataKeyException.class, () -> cipher.open("submission:1", body));
    }

    @Test
    void files_of_every_size_round_trip_segment_by_segment() throws IOException {
        for (int size : new int[] {0, 1, SealedFiles.SEGMENT - 1, SealedFiles.SEGMENT, SealedFiles.SEGMENT + 1,
                3 * SealedFiles.SEGMENT}) {
            byte[] plain = new byte[size];
            random.nextBytes(plain);
            byte[] sealed = sealFile(plain, "name");

            assertEquals(SealedFiles.sealedSize(size), sealed.length, "size " + size);
            assertArrayEquals(plain, openFile(sealed, "name"), "size " + size);
        }
    }

    @Test
    void a_file_renamed_cut_at_a_segment_or_changed_does_not_open() throws IOException {
        byte[] plain = new byte[2 * SealedFiles.SEGMENT + 10];
        random.nextBytes(plain);
        byte[] sealed = sealFile(plain, "a".repeat(64));

        assertThrows(IOException.class, () -> openFile(sealed, "b".repeat(64)));
        byte[] cut = Arrays.copyOf(sealed, SealedFiles.HEADER + 2 * (SealedFiles.SEGMENT + 16));
        assertThrows(IOException.class, () -> openFile(cut, "a".repeat(64)));
        byte[] changed = sealed.clone();
        changed[SealedFiles.HEADER + SealedFiles.SEGMENT + 100] ^= 1;
        assertThrows(IOException.class, () -> openFile(changed, "a".repeat(64)));
        assertThrows(IOException.class, () -> openFile(plain, "a".repeat(64)));
    }

    private byte[] sealFile(byte[] plain, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SealedFiles.Writer writer = cipher.fileWriter(out);
        for (int i = 0; i < plain.length; i += 1000) {
            writer.write(plain, i, Math.min(1000, plain.length - i));
        }
        writer.finish(name);
        return out.toByteArray();
    }

    private byte[] openFile(byte[] sealed, String name) throws IOException {
        try (InputStream in = cipher.openFile(new ByteArrayInputStream(sealed), name)) {
            return in.readAllBytes();
        }
    }
}
