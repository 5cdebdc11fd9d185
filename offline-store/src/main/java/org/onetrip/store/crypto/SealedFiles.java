package org.onetrip.store.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The sealed file format, for attachments of any size in constant memory:
 * <pre>
 * "OTSF" 0x01 ‖ nonce prefix (8) ‖ segment 0 ‖ segment 1 ‖ … ‖ last segment
 * segment i = SM4-GCM(64 KiB of plaintext, or less in the last) ‖ tag, nonce = prefix ‖ i (4 bytes, big-endian),
 *             associated data = the 13 header bytes ‖ last? 0x01 ‖ the file's name : 0x00
 * </pre>
 * A segment moved, dropped, taken from another file, or a file cut at a segment boundary fails its tag; the last
 * segment binds the file's name (its SHA-256), so a file put under another name does not open.
 */
public final class SealedFiles {
    static final byte[] MAGIC = {'O', 'T', 'S', 'F', 1};
    static final int PREFIX_BYTES = 8;
    static final int HEADER = MAGIC.length + PREFIX_BYTES;
    static final int SEGMENT = 64 * 1024;

    private SealedFiles() {
    }

    /** The size on disk of a sealed file of {@code plainSize} bytes. */
    public static long sealedSize(long plainSize) {
        long segments = Math.max(1, (plainSize + SEGMENT - 1) / SEGMENT);
        return HEADER + plainSize + segments * Sm4Gcm.TAG_BYTES;
    }

    /** Whether {@code file} starts as a sealed file does (a plaintext file from before encryption does not). */
    public static boolean isSealed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    private static byte[] nonce(byte[] prefix, int index) {
        byte[] nonce = Arrays.copyOf(prefix, Sm4Gcm.NONCE_BYTES);
        nonce[8] = (byte) (index >>> 24);
        nonce[9] = (byte) (index >>> 16);
        nonce[10] = (byte) (index >>> 8);
        nonce[11] = (byte) index;
        return nonce;
    }

    private static byte[] aad(byte[] header, boolean last, String name) {
        byte[] tail = last ? name.getBytes(StandardCharsets.US_ASCII) : new byte[0];
        byte[] aad = Arrays.copyOf(header, header.length + 1 + tail.length);
        aad[header.length] = (byte) (last ? 1 : 0);
        System.arraycopy(tail, 0, aad, header.length + 1, tail.length);
        return aad;
    }

    /**
     * Seals bytes as they come: {@link #write} any number of times, then {@link #finish} with the file's name (known
     * only at the end: the SHA-256 of what was written).
     */
    public static final class Writer {
        private final DataKey key;
        private final OutputStream out;
        private final byte[] header = new byte[HEADER];
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private int index;
        private boolean started;

        Writer(DataKey key, SecureRandom random, OutputStream out) {
            this.key = key;
            this.out = out;
            System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
            byte[] prefix = new byte[PREFIX_BYTES];
            random.nextBytes(prefix);
            System.arraycopy(prefix, 0, header, MAGIC.length, PREFIX_BYTES);
        }

        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!started) {
                out.write(header);
                started = true;
            }
            while (length > 0) {
                if (filled == SEGMENT) {
                    segment(false, null); // more is coming, so this one is not the last
                }
                int n = Math.min(length, SEGMENT - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        /** Seals what is left as the last segment, bound to {@code name}. */
        public void finish(String name) throws IOException {
            if (!started) {
                out.write(header);
                started = true;
            }
            segment(true, name);
            Arrays.fill(buffer, (byte) 0);
        }

        private void segment(boolean last, String name) throws IOException {
            try {
                out.write(key.gcm().encrypt(nonce(Arrays.copyOfRange(header, MAGIC.length, HEADER), index),
                        aad(header, last, name), buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException("sealed file: cannot encrypt segment " + index + ": " + e.getMessage(), e);
            }
            index++;
            filled = 0;
        }
    }

    /** A sealed file that does not decrypt: damaged on disk (reading it again will not help). */
    public static final class DamagedFileException extends IOException {
        DamagedFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The plaintext of a sealed file, segment by segment; a segment that fails its tag is a {@link DamagedFileException}. */
    static final class Reader extends InputStream {
        private final DataKey key;
        private final InputStream in;
        private final String name;
        private byte[] header;
        private byte[] next;
        private byte[] plain = new byte[0];
        private int position;
        private int index;
        private boolean done;

        Reader(DataKey key, InputStream in, String name) {
            this.key = key;
            this.in = in;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == plain.length) {
                if (done) {
                    return -1;
                }
                advance();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void advance() throws IOException {
            if (header == null) {
                header = in.readNBytes(HEADER);
                if (header.length != HEADER || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
                    throw new DamagedFileException("sealed file " + name + ": not in the sealed format (from"
                            + " before encryption, or damaged)", null);
                }
                next = in.readNBytes(SEGMENT + Sm4Gcm.TAG_BYTES);
            }
            byte[] current = next;
            next = current.length == SEGMENT + Sm4Gcm.TAG_BYTES ? in.readNBytes(SEGMENT + Sm4Gcm.TAG_BYTES) : new byte[0];
            boolean last = next.length == 0;
            try {
                plain = key.gcm().decrypt(nonce(Arrays.copyOfRange(header, MAGIC.length, HEADER), index),
                        aad(header, last, name), current, 0, current.length);
            } catch (GeneralSecurityException e) {
                throw new DamagedFileException("sealed file " + name + ": segment " + index + " does not decrypt"
                        + " (changed, cut short, renamed, or under another data key)", e);
            }
            position = 0;
            index++;
            done = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
