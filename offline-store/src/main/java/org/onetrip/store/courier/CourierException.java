package org.onetrip.store.courier;

/**
 * A courier bundle could not be written or was refused (not ours, tampered with, damaged, not for this county's
 * courier key). The message names the file and the reason; nothing was changed.
 */
public final class CourierException extends RuntimeException {
    public CourierException(String message) {
        super(message);
    }

    public CourierException(String message, Throwable cause) {
        super(message, cause);
    }
}
