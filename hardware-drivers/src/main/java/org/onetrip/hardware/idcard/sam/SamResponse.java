package org.onetrip.hardware.idcard.sam;

import java.util.Arrays;

/**
 * A decoded response frame: the card's SW1/SW2 relayed, the reader's SW3, and the data.
 *
 * @param sw3 the raw status byte (0-255), kept for codes outside the table
 */
public record SamResponse(int sw1, int sw2, int sw3, byte[] data) {
    public SamResponse {
        data = data.clone();
    }

    /** Decodes one whole frame (as returned by {@link SamFrameParser}); checks length and checksum again. */
    public static SamResponse decode(byte[] frame) {
        if (frame.length < SamFrames.HEADER + 4) {
            throw new SamFrameException(SamFrameException.Problem.TRUNCATED,
                    "a response needs SW1 SW2 SW3 and CHK, got " + frame.length + " bytes");
        }
        int len = ((frame[5] & 0xFF) << 8) | (frame[6] & 0xFF);
        if (len != frame.length - SamFrames.HEADER) {
            throw new SamFrameException(SamFrameException.Problem.BAD_LENGTH,
                    "length field says " + len + ", frame carries " + (frame.length - SamFrames.HEADER));
        }
        if (SamFrames.xor(frame, 5, frame.length - 1) != frame[frame.length - 1]) {
            throw new SamFrameException(SamFrameException.Problem.BAD_CHECKSUM, "XOR mismatch over " + len + " bytes");
        }
        return new SamResponse(frame[7] & 0xFF, frame[8] & 0xFF, frame[9] & 0xFF,
                Arrays.copyOfRange(frame, 10, frame.length - 1));
    }

    public SamStatus status() {
        return SamStatus.of(sw3);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The response if its status is the one {@code command} expects, else a typed error. */
    public SamResponse expect(SamCommand command) {
        if (status() != command.expected()) {
            throw new SamStatusException(command, status(), sw3);
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamResponse r && r.sw1 == sw1 && r.sw2 == sw2 && r.sw3 == sw3 && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * sw1 + sw2) + sw3) + Arrays.hashCode(data);
    }

    /** Never prints the data: it may be a resident's card. */
    @Override
    public String toString() {
        return String.format("SamResponse[SW3=0x%02X %s, %d data bytes]", sw3, status().name(), data.length);
    }
}
