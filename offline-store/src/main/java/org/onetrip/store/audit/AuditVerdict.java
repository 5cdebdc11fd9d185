package org.onetrip.store.audit;

import java.util.Optional;

/**
 * What walking the audit chain found: how many entries hold, and the first that does not.
 *
 * @param entries  entries read
 * @param problem  the first entry altered or removed, if any
 */
public record AuditVerdict(long entries, Optional<Problem> problem) {
    /** How an entry broke the chain. */
    public enum Kind {
        /** Its content or hash no longer match: it was edited in place. */
        ALTERED,
        /** Entries before this one are missing: sequence numbers were skipped and the chain does not link. */
        REMOVED,
        /** The newest entries are missing: an anchor kept elsewhere names an entry the log no longer has. */
        TAIL_REMOVED
    }

    /**
     * @param seq   the sequence number of the first entry that was altered or removed
     * @param kind  what happened to it
     * @param text  one sentence for the operator, naming the entry and what to do
     */
    public record Problem(long seq, Kind kind, String text) {
    }

    public boolean holds() {
        return problem.isEmpty();
    }
}
