package org.onetrip.store.staff;

/** The staff roster is missing a field, malformed, or holds a PIN hash too weak to accept. */
public final class RosterException extends RuntimeException {
    public RosterException(String message) {
        super(message);
    }
}
