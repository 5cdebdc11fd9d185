package org.onetrip.store.attachment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An attachment staged on this terminal: the lowercase hex SHA-256 of its bytes (its name here and at the
 * platform), its size and its media type.
 */
public record AttachmentRef(String sha256, long size, String mediaType) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public AttachmentRef {
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("attachment: '" + sha256 + "' is not a lowercase hex SHA-256");
        }
        if (size < 0) {
            throw new IllegalArgumentException("attachment[" + sha256 + "]: negative size " + size);
        }
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
