package org.onetrip.intake;

/** The intake simulator could not start or was used in the wrong lifecycle state; the message says which. */
public class IntakeSimulatorException extends RuntimeException {
    public IntakeSimulatorException(String message) {
        super(message);
    }

    public IntakeSimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
