package org.onetrip.store.crypto;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Seals residents' records under the data key: {@code 0x01 ‖ nonce(12) ‖ SM4-GCM(ciphertext ‖ tag)} with a random
 * nonce per record and the record's id (e.g. {@code submission:<uuid>}) as associated data, so a body moved to
 * another row, or a changed byte, fails to open. Files are sealed in segments by {@link SealedFiles}.
 * Thread-safe.
 */
public final class DataCipher {
    public static final byte VERSION = 1;
    private static final int HEADER = 1 + Sm4Gcm.NONCE_BYTES;

    private final DataKey key;
    private final SecureRandom random;

    public DataCipher(DataKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** The id a row's sealed column is bound to: {@code <table>:<primary key>}, e.g. {@code submission:<uuid>}. */
    public static String recordId(String table, String key) {
        return table + ":" + key;
    }

    /** {@code plain} sealed for the record {@code recordId}. */
    public byte[] seal(String recordId, byte[] plain) {
        byte[] nonce = new byte[Sm4Gcm.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = key.gcm().encrypt(nonce, aad(recordId), plain, 0, plain.length);
            byte[] out = new byte[HEADER + sealed.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, nonce.length);
            System.arraycopy(sealed, 0, out, HEADER, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new DataKeyException("data cipher: cannot encrypt " + recordId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The plaintext of the record {@code recordId}.
     *
     * @throws DataKeyException when it is not a sealed record, was sealed for another record or under another key,
     *                          or was changed
     */
    public byte[] open(String recordId, byte[] stored) {
        if (!isSealed(stored) || stored.length < HEADER + Sm4Gcm.TAG_BYTES) {
            throw new DataKeyException("data cipher: " + recordId + " is not an encrypted record (format "
                    + (stored.length == 0 ? "empty" : Byte.toString(stored[0])) + ")");
        }
        try {
            return key.gcm().decrypt(Arrays.copyOfRange(stored, 1, HEADER), aad(recordId), stored, HEADER,
                    stored.length - HEADER);
        } catch (GeneralSecurityException e) {
            throw new DataKeyException("data cipher: " + recordId + " does not decrypt: changed, moved from another"
                    + " row, or sealed under another data key", e);
        }
    }

    /** Whether {@code stored} is in the sealed format (a plaintext JSON body starts with '{'). */
    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length > 0 && stored[0] == VERSION;
    }

    /** A writer sealing a file's bytes into {@code out}; the caller closes {@code out} after {@code finish}. */
    public SealedFiles.Writer fileWriter(OutputStream out) {
        return new SealedFiles.Writer(key, random, out);
    }

    /** The plaintext of a sealed file named {@code name}, read from {@code sealed}; closing it closes {@code sealed}. */
    public InputStream openFile(InputStream sealed, String name) {
        return new SealedFiles.Reader(key, sealed, name);
    }

    private static byte[] aad(String recordId) {
        return recordId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "data-cipher[SM4-GCM]";
    }
}
