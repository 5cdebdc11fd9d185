package org.onetrip.intake.db;

/** The simulator's database failed; the message names the file. */
public class IntakeStorageException extends RuntimeException {
    public IntakeStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
