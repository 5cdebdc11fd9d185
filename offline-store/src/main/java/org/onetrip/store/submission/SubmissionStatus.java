package org.onetrip.store.submission;

import java.util.Optional;

/** Where a sealed submission stands (DESIGN.md, "Submission lifecycle"). */
public enum SubmissionStatus {
    /** Sealed on the terminal, not yet taken by the platform. */
    SEALED,
    /** Taken by the platform, which gave it a 办件编号. */
    SENT,
    ACCEPTED,
    IN_PROGRESS,
    NEEDS_CORRECTION,
    DONE,
    DELIVERED,
    REJECTED,
    /** Refused by the platform for good (422); kept, visible, retryable by staff. */
    QUARANTINED;

    /** The status the platform names, if it is one we know. */
    public static Optional<SubmissionStatus> fromPlatform(String name) {
        for (SubmissionStatus s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public boolean isUnsent() {
        return this == SEALED || this == QUARANTINED;
    }
}
