package org.onetrip.store.ledger;

import java.time.LocalDate;
import java.util.Optional;

import org.onetrip.store.submission.SubmissionStatus;

/**
 * Which cases the ledger lists. Dates are local dates of sealing in the ledger's zone, both inclusive.
 */
public record LedgerFilter(Optional<SubmissionStatus> status, Optional<String> taskCode, Optional<LocalDate> from,
                           Optional<LocalDate> to, boolean overdueOnly) {
    public static LedgerFilter all() {
        return new LedgerFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public LedgerFilter withStatus(SubmissionStatus s) {
        return new LedgerFilter(Optional.ofNullable(s), taskCode, from, to, overdueOnly);
    }

    public LedgerFilter withTaskCode(String code) {
        return new LedgerFilter(status, Optional.ofNullable(code), from, to, overdueOnly);
    }

    public LedgerFilter sealedBetween(LocalDate first, LocalDate last) {
        return new LedgerFilter(status, taskCode, Optional.ofNullable(first), Optional.ofNullable(last), overdueOnly);
    }

    public LedgerFilter withOverdueOnly(boolean only) {
        return new LedgerFilter(status, taskCode, from, to, only);
    }
}
