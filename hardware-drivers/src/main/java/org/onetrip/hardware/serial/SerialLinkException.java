package org.onetrip.hardware.serial;

/** A serial device cannot be opened, or went away while open. The message names the path and, where known, the fix. */
public class SerialLinkException extends RuntimeException {
    public SerialLinkException(String message) {
        super(message);
    }
}
