package org.onetrip.hardware.idcard.sam;

/** Bytes that claim to be a SAM frame but are not a valid one. */
public final class SamFrameException extends SamException {
    /** What was wrong with the frame. */
    public enum Problem {
        /** the XOR over length and body does not match the last byte */
        BAD_CHECKSUM,
        /** the length field is below the minimum or above the longest response any reader sends */
        BAD_LENGTH,
        /** fewer bytes than the length field promised, or a response too short for its command */
        TRUNCATED
    }

    private final Problem problem;

    public SamFrameException(Problem problem, String detail) {
        super("SAM frame: " + problem + ": " + detail);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
