package org.onetrip.store.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A submission as sealed on this terminal, with what the platform has said of it since. Holds no clear
 * resident identity: only the masked applicant.
 */
public record SealedSubmission(UUID id, String taskCode, String itemName, int itemVersion, String applicantMask,
                               Instant sealedAt, LocalDate promisedBy, List<String> stillToBring,
                               SubmissionStatus status, Optional<String> projectNo, Optional<String> statusNote,
                               Instant statusAt) {
    public SealedSubmission {
        stillToBring = List.copyOf(stillToBring);
    }
}
