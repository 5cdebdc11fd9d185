package org.onetrip.hardware.idcard.sam;

/**
 * SAM frame layout (domain-spec §1.2): {@code AA AA AA 96 69 | len (big-endian) | body | CHK}, where len counts
 * body and CHK, and CHK is the XOR of every byte from the length field to the last body byte.
 */
public final class SamFrames {
    /** The fixed preamble that starts every frame in both directions. */
    static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Preamble plus the two length bytes. */
    public static final int HEADER = 7;
    /** The longest response of any command (30 10 with two fingerprints: 2321 bytes) is well below this. */
    public static final int MAX_LENGTH = 4096;

    private SamFrames() {
    }

    /** A request frame: CMD, PARA and optional data. */
    public static byte[] request(int cmd, int para, byte... data) {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) cmd;
        body[1] = (byte) para;
        System.arraycopy(data, 0, body, 2, data.length);
        return frame(body);
    }

    /** A response frame: SW1, SW2, SW3 and data (used by emulators and tests; the driver only decodes). */
    public static byte[] response(int sw1, int sw2, int sw3, byte... data) {
        byte[] body = new byte[3 + data.length];
        body[0] = (byte) sw1;
        body[1] = (byte) sw2;
        body[2] = (byte) sw3;
        System.arraycopy(data, 0, body, 3, data.length);
        return frame(body);
    }

    /** Wraps a body in preamble, length and checksum. */
    public static byte[] frame(byte[] body) {
        int len = body.length + 1;
        if (len > MAX_LENGTH) {
            throw new IllegalArgumentException("frame body of " + body.length + " bytes exceeds " + MAX_LENGTH);
        }
        byte[] f = new byte[HEADER + len];
        System.arraycopy(PREAMBLE, 0, f, 0, PREAMBLE.length);
        f[5] = (byte) (len >>> 8);
        f[6] = (byte) len;
        System.arraycopy(body, 0, f, HEADER, body.length);
        f[f.length - 1] = xor(f, 5, f.length - 1);
        return f;
    }

    /** XOR of {@code bytes[from..to)}. */
    static byte xor(byte[] bytes, int from, int to) {
        byte x = 0;
        for (int i = from; i < to; i++) {
            x ^= bytes[i];
        }
        return x;
    }

    /** The wire time of {@code bytes} at {@code baud} with 8N1 framing (10 bits a byte), in nanoseconds. */
    public static long wireNanos(int bytes, int baud) {
        return bytes * 10L * 1_000_000_000L / baud;
    }
}
