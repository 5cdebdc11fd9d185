package org.onetrip.kiosk.web;

/** The web server's port is taken; the message names it and what to do. */
public class PortInUseException extends RuntimeException {
    public PortInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
