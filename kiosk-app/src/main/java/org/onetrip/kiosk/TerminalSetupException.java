package org.onetrip.kiosk;

/**
 * A production start refused because the terminal's configuration is missing or wrong. The message is one line
 * naming the file, the setting and the fix, for the technician reading {@code journalctl -u onetrip}.
 */
public final class TerminalSetupException extends RuntimeException {
    public TerminalSetupException(String message) {
        super(message);
    }

    public TerminalSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
