package org.onetrip.hardware.idcard.sam;

/** The serial line to the reader failed: no answer in time, or the device went away. */
public final class ReaderLinkException extends SamException {
    private final boolean gone;

    public ReaderLinkException(String message, boolean gone) {
        super(message);
        this.gone = gone;
    }

    public ReaderLinkException(String message, Throwable cause) {
        super(message, cause);
        this.gone = true;
    }

    /** True when the device itself is gone (unplugged); false when it is there but did not answer. */
    public boolean gone() {
        return gone;
    }
}
