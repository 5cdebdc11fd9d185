package org.onetrip.hardware.idcard.sam;

/**
 * Something went wrong speaking to an ID-card reader or decoding what it sent. Every failure of the codec and
 * the driver is one of the subclasses; nothing else escapes them.
 */
public abstract sealed class SamException extends RuntimeException
        permits SamFrameException, SamStatusException, CardDataException, ReaderLinkException {
    protected SamException(String message) {
        super(message);
    }

    protected SamException(String message, Throwable cause) {
        super(message, cause);
    }
}
