package org.onetrip.hardware.idcard.sam;

/** The SAM's identity (command 12 FF), formatted as the vendors do (domain-spec §1.7), for the audit trail. */
public final class SamId {
    private SamId() {
    }

    /** {@code 05.01-20101116-0000012345-1234567890}-style text from the response data. */
    public static String parse(byte[] data) {
        if (data.length < 16) {
            throw new SamFrameException(SamFrameException.Problem.TRUNCATED,
                    "SAM id response of " + data.length + " data bytes, need 16");
        }
        return String.format("%02d.%02d-%d-%09d-%09d", data[0] & 0xFF, data[2] & 0xFF, le32(data, 4),
                le32(data, 8), le32(data, 12));
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
