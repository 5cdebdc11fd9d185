package org.onetrip.store.catalog;

/** A catalog bundle that cannot be taken: bad signature, malformed, older than the one in use. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
