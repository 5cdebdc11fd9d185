package org.onetrip.hardware.idcard.sam;

/**
 * The reader's own status byte SW3 (domain-spec §1.4), each with what it means for the driver. Codes not in
 * the table decode to {@link #UNDEFINED}; the raw byte stays in {@link SamResponse#sw3()}.
 */
public enum SamStatus {
    SUCCESS(0x90, Kind.OK, "操作成功"),
    NO_CONTENT(0x91, Kind.OK, "证/卡中此项无内容"),
    CARD_FOUND(0x9F, Kind.OK, "寻找证/卡成功"),
    CHECKSUM_ERROR(0x10, Kind.PROTOCOL, "接收业务终端数据的校验和错"),
    LENGTH_ERROR(0x11, Kind.PROTOCOL, "接收业务终端数据的长度错"),
    COMMAND_ERROR(0x21, Kind.PROTOCOL, "接收业务终端的命令错误"),
    UNAUTHORISED_OPERATION(0x23, Kind.PROTOCOL, "越权操作"),
    UNRECOGNISED_ERROR(0x24, Kind.CARD, "无法识别的错误"),
    CARD_REJECTED_SAM(0x31, Kind.CARD, "证/卡认证SAM失败"),
    SAM_REJECTED_CARD(0x32, Kind.CARD, "SAM认证证/卡失败"),
    VERIFICATION_FAILED(0x33, Kind.CARD, "信息验证错误"),
    UNKNOWN_CARD_TYPE(0x40, Kind.CARD, "无法识别的卡类型"),
    READ_FAILED(0x41, Kind.CARD, "读证/卡操作失败"),
    RANDOM_FAILED(0x47, Kind.CARD, "取随机数失败"),
    SAM_SELF_TEST_FAILED(0x60, Kind.SAM_FAULT, "SAM自检失败，不能接收命令"),
    SAM_NOT_AUTHORISED(0x66, Kind.SAM_FAULT, "SAM未经授权，无法使用"),
    NO_CARD(0x80, Kind.NO_CARD, "寻找证/卡失败"),
    SELECT_FAILED(0x81, Kind.NO_CARD, "选取证/卡失败"),
    UNDEFINED(-1, Kind.PROTOCOL, "未定义的状态码");

    /** What the driver does about a status. */
    public enum Kind {
        /** the command did what was asked */
        OK,
        /** no card in the field (normal while polling), or it left between find and select */
        NO_CARD,
        /** a card is there but could not be read or authenticated: the resident should place it again */
        CARD,
        /** the reader did not accept our frame (garbled on the line, or a dialect we do not speak) */
        PROTOCOL,
        /** the security module cannot work: the reader needs a technician */
        SAM_FAULT
    }

    private final int code;
    private final Kind kind;
    private final String meaning;

    SamStatus(int code, Kind kind, String meaning) {
        this.code = code;
        this.kind = kind;
        this.meaning = meaning;
    }

    public static SamStatus of(int sw3) {
        int b = sw3 & 0xFF;
        for (SamStatus s : values()) {
            if (s.code == b) {
                return s;
            }
        }
        return UNDEFINED;
    }

    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The vendor's wording (Chinese), for the technician's log and diagnostics screen. */
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return code < 0 ? name() : name() + String.format("(0x%02X)", code);
    }
}
