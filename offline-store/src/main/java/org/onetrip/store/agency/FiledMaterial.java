package org.onetrip.store.agency;

import java.util.Objects;

import org.onetrip.store.attachment.AttachmentRef;

/**
 * One material photographed or scanned by the agent.
 *
 * @param checkedAgainstOriginal the agent saw the original and says the copy matches it: trust level B with the
 *                               agent's id; otherwise C (checked at the window later)
 */
public record FiledMaterial(String material, AttachmentRef file, boolean checkedAgainstOriginal) {
    public FiledMaterial {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(file, "file");
    }

    public String trust() {
        return checkedAgainstOriginal ? "B" : "C";
    }
}
