package org.onetrip.store.db;

/** The local store could not do what was asked; the message names the database file. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
