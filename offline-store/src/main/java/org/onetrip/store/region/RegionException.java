package org.onetrip.store.region;

/** A division file that cannot be read, or a region code that names no known division. */
public class RegionException extends RuntimeException {
    public RegionException(String message) {
        super(message);
    }

    public RegionException(String message, Throwable cause) {
        super(message, cause);
    }
}
