package org.onetrip.store.submission;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who filed a submission when it was not the resident at the screen (an agent filing on the resident's behalf):
 *
 * @param actor      the audit log's actor of the seal (the staff card number)
 * @param body       what the sealed body says of the filing, under {@code "filedBy"} (agent, authorisation,
 *                   materials and their trust levels); no resident data beyond what the body already carries
 * @param alsoInSeal rows of the filer's own tables, written in the seal's transaction
 */
public record FiledBy(String actor, Map<String, Object> body, SealStep alsoInSeal) {
    public FiledBy {
        Objects.requireNonNull(actor, "actor");
        body = Map.copyOf(body);
        Objects.requireNonNull(alsoInSeal, "alsoInSeal");
    }

    /** Work done inside the seal's transaction, after the submission and its attachments are written. */
    @FunctionalInterface
    public interface SealStep {
        void run(Connection c, UUID submissionId, Instant sealedAt) throws SQLException;
    }
}
