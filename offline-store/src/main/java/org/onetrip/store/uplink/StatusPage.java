package org.onetrip.store.uplink;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One answer of {@code GET /api/v1/status}: the changes after a cursor, and the cursor to ask from next. */
public record StatusPage(List<Change> changes, String cursor) {
    public StatusPage {
        changes = List.copyOf(changes);
    }

    public record Change(UUID submissionId, String projectNo, String status, String note, Instant at) {
    }
}
