package org.onetrip.hardware.idcard.sam;

/** The reader answered a command with a status other than the one expected. */
public final class SamStatusException extends SamException {
    private final SamCommand command;
    private final SamStatus status;
    private final int sw3;

    public SamStatusException(SamCommand command, SamStatus status, int sw3) {
        super(String.format("%s answered SW3=0x%02X %s: %s", command, sw3 & 0xFF, status.name(), status.meaning()));
        this.command = command;
        this.status = status;
        this.sw3 = sw3 & 0xFF;
    }

    public SamCommand command() {
        return command;
    }

    public SamStatus status() {
        return status;
    }

    public int sw3() {
        return sw3;
    }
}
