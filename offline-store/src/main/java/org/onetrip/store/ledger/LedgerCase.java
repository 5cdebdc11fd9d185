package org.onetrip.store.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onetrip.store.submission.SubmissionStatus;

/**
 * One case of the ledger as of {@code today}: what was applied for, for whom (masked), where it stands, by when it
 * was promised and what the platform asked to be corrected.
 *
 * @param phone          the contact phone the resident gave on the form, or empty
 * @param promisedBy     the promised date (the item's time limit in working days from sealing), or null
 * @param correctionNote the platform's note of the latest 补正 request, if there was one
 * @param couriered      whether the case left on a USB courier bundle
 */
public record LedgerCase(UUID id, String taskCode, String itemName, String applicantMask, String phone,
                         Instant sealedAt, LocalDate promisedBy, SubmissionStatus status, Instant statusAt,
                         Optional<String> projectNo, Optional<String> statusNote, Optional<String> correctionNote,
                         List<String> stillToBring, boolean couriered, LocalDate today) {
    public LedgerCase {
        stillToBring = List.copyOf(stillToBring);
    }

    /** Finished (办结, delivered or refused for good): no more deadline to watch. */
    public boolean closed() {
        return status == SubmissionStatus.DONE || status == SubmissionStatus.DELIVERED
                || status == SubmissionStatus.REJECTED;
    }

    /** Calendar days from today to the promised date (negative once past); empty without a promise or when closed. */
    public Optional<Long> daysLeft() {
        return promisedBy == null || closed() ? Optional.empty()
                : Optional.of(ChronoUnit.DAYS.between(today, promisedBy));
    }

    /** Still open after its promised date. */
    public boolean overdue() {
        return daysLeft().map(d -> d < 0).orElse(false);
    }

    /** Open and due today or tomorrow: worth a call before it is late. */
    public boolean dueSoon() {
        return daysLeft().map(d -> d >= 0 && d <= 1).orElse(false);
    }

    /** The platform asks for a correction (补正) now. */
    public boolean correctionOpen() {
        return status == SubmissionStatus.NEEDS_CORRECTION;
    }
}
