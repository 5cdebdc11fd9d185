package org.onetrip.intake.submission;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.onetrip.intake.attachment.AttachmentStore;
import org.onetrip.intake.idempotency.IdempotencyLedger;
import tools.jackson.databind.JsonNode;

/**
 * Why the platform would never take a submission (422): not a JSON object, {@code submissionId} not the
 * idempotency key, {@code taskCode} missing or blank, or {@code attachments} not an array of sha256 names
 * this terminal has uploaded.
 */
final class SubmissionRules {
    private final AttachmentStore attachments;

    SubmissionRules(AttachmentStore attachments) {
        this.attachments = attachments;
    }

    /** The reason to refuse {@code submission}, or empty when it may be received. */
    Optional<String> refusal(Connection connection, String terminalId, UUID key, Optional<JsonNode> submission)
            throws SQLException {
        if (submission.isEmpty()) {
            return Optional.of("the body is not a JSON object");
        }
        JsonNode body = submission.get();
        JsonNode id = body.get("submissionId");
        Optional<UUID> submissionId = id != null && id.isString()
                ? IdempotencyLedger.parseKey(id.stringValue()) : Optional.empty();
        if (submissionId.isEmpty() || !submissionId.get().equals(key)) {
            return Optional.of("submissionId must be the " + IdempotencyLedger.HEADER + " (" + key + ")");
        }
        JsonNode taskCode = body.get("taskCode");
        if (taskCode == null || !taskCode.isString() || taskCode.stringValue().isBlank()) {
            return Optional.of("taskCode is missing or blank");
        }
        return attachmentRefusal(connection, terminalId, body.get("attachments"));
    }

    private Optional<String> attachmentRefusal(Connection connection, String terminalId, JsonNode list)
            throws SQLException {
        if (list == null || list.isNull()) {
            return Optional.empty();
        }
        if (!list.isArray()) {
            return Optional.of("attachments must be an array of sha256 names");
        }
        for (JsonNode item : list.values()) {
            if (!item.isString()) {
                return Optional.of("attachments must be an array of sha256 names");
            }
            if (!attachments.isPresent(connection, terminalId, item.stringValue())) {
                return Optional.of("attachment " + item.stringValue()
                        + " is not present for this terminal; upload it with PUT /api/v1/attachments/{sha256} first");
            }
        }
        return Optional.empty();
    }
}
