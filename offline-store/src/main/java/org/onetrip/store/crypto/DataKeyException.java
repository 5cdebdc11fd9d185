package org.onetrip.store.crypto;

/**
 * The data key cannot be had: its key file is missing, unreadable, too widely readable or not this database's, or
 * a record or file does not decrypt under it. The message names the file or record and what to do.
 */
public final class DataKeyException extends RuntimeException {
    public DataKeyException(String message) {
        super(message);
    }

    public DataKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
