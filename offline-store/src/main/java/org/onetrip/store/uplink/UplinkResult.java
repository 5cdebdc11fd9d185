package org.onetrip.store.uplink;

import java.time.Instant;

/** How the platform answered an upload, in the classes the Intake API contract distinguishes. */
public sealed interface UplinkResult {
    /** 201 or 200: the platform has it under this 办件编号. */
    record Accepted(String projectNo, Instant receivedAt) implements UplinkResult {
    }

    /** 201, 200 or 204 for an attachment, rating, complaint or heartbeat: the platform has it. */
    record Stored(int httpStatus) implements UplinkResult {
    }

    /** 422, or 409 (the key was used with another body): the platform will never take it as it is. */
    record Refused(int httpStatus, String reason) implements UplinkResult {
    }

    /** 5xx, timeout, reset, no network: try again later. */
    record RetryLater(String error) implements UplinkResult {
    }

    /** 401, 403 or another 4xx: the whole queue stops until an operator acts (clock, key, configuration). */
    record Halt(int httpStatus, String operatorMessage) implements UplinkResult {
    }
}
