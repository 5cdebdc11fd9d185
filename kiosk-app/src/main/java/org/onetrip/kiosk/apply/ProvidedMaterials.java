package org.onetrip.kiosk.apply;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onetrip.store.attachment.AttachmentRef;

/**
 * What a resident provided at the terminal for an item's materials: photos of paper documents (staged
 * attachments, by material name), the materials replaced by a written commitment (告知承诺) they declared, and
 * those that could be replaced by one but which they chose to bring. A material the resident must provide that is
 * in none of these is still to be brought to the agency point.
 */
public record ProvidedMaterials(Map<String, AttachmentRef> photos, Set<String> declared, Set<String> bringing) {
    /** Nothing provided at the terminal (commitments count as the catalog's waiver, as before the materials step). */
    public static final ProvidedMaterials NONE = new ProvidedMaterials(Map.of(), Set.of(), Set.of());

    public ProvidedMaterials {
        photos = Map.copyOf(photos);
        declared = Set.copyOf(declared);
        bringing = Set.copyOf(bringing);
    }

    /** Whether {@code material} needs nothing more from the resident. */
    public boolean covers(String material) {
        return photos.containsKey(material) || declared.contains(material);
    }

    /** The photos in the order of {@code materials} (the order the submission body lists them). */
    public List<AttachmentRef> attachmentsIn(List<String> materials) {
        return materials.stream().filter(photos::containsKey).map(photos::get).toList();
    }
}
