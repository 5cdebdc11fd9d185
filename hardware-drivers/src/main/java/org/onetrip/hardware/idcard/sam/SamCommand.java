package org.onetrip.hardware.idcard.sam;

/** The host-to-reader commands we send (domain-spec §1.3), with the status each expects on success. */
public enum SamCommand {
    RESET(0x10, 0xFF, SamStatus.SUCCESS),
    STATUS(0x11, 0xFF, SamStatus.SUCCESS),
    SAM_ID(0x12, 0xFF, SamStatus.SUCCESS),
    FIND_CARD(0x20, 0x01, SamStatus.CARD_FOUND),
    SELECT_CARD(0x20, 0x02, SamStatus.SUCCESS),
    READ_TEXT_AND_PHOTO(0x30, 0x01, SamStatus.SUCCESS),
    READ_APPENDED_ADDRESS(0x30, 0x03, SamStatus.SUCCESS),
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10, SamStatus.SUCCESS),
    SET_BAUD_115200(0x60, 0x00, SamStatus.SUCCESS),
    SET_BAUD_57600(0x60, 0x01, SamStatus.SUCCESS),
    SET_BAUD_38400(0x60, 0x02, SamStatus.SUCCESS),
    SET_BAUD_19200(0x60, 0x03, SamStatus.SUCCESS),
    SET_BAUD_9600(0x60, 0x04, SamStatus.SUCCESS);

    private final int cmd;
    private final int para;
    private final SamStatus expected;
    private final byte[] frame;

    SamCommand(int cmd, int para, SamStatus expected) {
        this.cmd = cmd;
        this.para = para;
        this.expected = expected;
        this.frame = SamFrames.request(cmd, para);
    }

    /** The command matching a request's CMD and PARA bytes, or null for one we do not know. */
    public static SamCommand of(int cmd, int para) {
        for (SamCommand c : values()) {
            if (c.cmd == (cmd & 0xFF) && c.para == (para & 0xFF)) {
                return c;
            }
        }
        return null;
    }

    public int cmd() {
        return cmd;
    }

    public int para() {
        return para;
    }

    public SamStatus expected() {
        return expected;
    }

    /** The complete request frame, preamble to checksum. */
    public byte[] frame() {
        return frame.clone();
    }
}
