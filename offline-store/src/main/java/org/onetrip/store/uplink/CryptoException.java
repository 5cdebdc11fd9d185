package org.onetrip.store.uplink;

/** A key or signature operation failed; the message names the primitive. */
public class CryptoException extends RuntimeException {
    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
