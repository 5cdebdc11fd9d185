package org.onetrip.kiosk.materials;

import java.util.List;
import java.util.Optional;

import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.attachment.AttachmentStore;
import org.onetrip.store.catalog.Material;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.catalog.WaiverRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each material of an item asks of the resident, and the photos they take of paper documents: each photo is
 * staged durably in the terminal's {@link AttachmentStore} at once, so the sealed submission refers to it by hash
 * and the sync engine uploads it before the submission.
 */
public final class MaterialsService {
    private static final Logger log = LoggerFactory.getLogger(MaterialsService.class);
    /** A photo larger than this is refused (the camera's frames are far smaller). */
    public static final int MAX_PHOTO_BYTES = 8 * 1024 * 1024;
    /** A photo smaller than this is no picture of a document (a black frame from a camera still starting). */
    static final int MIN_PHOTO_BYTES = 2 * 1024;

    private final AttachmentStore attachments;

    public MaterialsService(AttachmentStore attachments) {
        this.attachments = attachments;
    }

    /** What the resident can do about a material. */
    public enum Need {
        /** nothing: the platform gets it by data sharing, an e-licence or from the file */
        NOTHING,
        /** a written commitment (告知承诺) replaces it; or they photograph or bring it */
        DECLARE_OR_PROVIDE,
        /** photograph it here or bring the original */
        PROVIDE,
        /** not required: photograph or bring it if they have it */
        OPTIONAL
    }

    public record Row(Material material, Need need) {
    }

    /** The item's materials with what each asks of the resident, in the catalog's order. */
    public List<Row> rows(ServiceItem item) {
        return item.materials().stream().map(m -> new Row(m, need(m))).toList();
    }

    /** Whether the item has any material the resident can act on here (otherwise the step is skipped). */
    public boolean hasStep(ServiceItem item) {
        return rows(item).stream().anyMatch(r -> r.need() != Need.NOTHING);
    }

    static Need need(Material m) {
        if (!m.required()) {
            return Need.OPTIONAL;
        }
        return switch (m.waiver()) {
            case NONE -> Need.PROVIDE;
            case COMMITMENT -> Need.DECLARE_OR_PROVIDE;
            case SHARED_DATA, E_LICENCE, ON_FILE -> Need.NOTHING;
        };
    }

    /**
     * Stages a photo (JPEG bytes from the camera) and returns its reference; empty when the bytes are no JPEG of a
     * plausible size (the screen asks to take it again).
     */
    public Optional<AttachmentRef> stagePhoto(byte[] jpeg) {
        if (jpeg == null || jpeg.length < MIN_PHOTO_BYTES || jpeg.length > MAX_PHOTO_BYTES
                || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8 || (jpeg[2] & 0xFF) != 0xFF) {
            log.info("materials: a photo was refused ({} bytes, not a JPEG of a document)",
                    jpeg == null ? 0 : jpeg.length);
            return Optional.empty();
        }
        AttachmentRef ref = attachments.stage(jpeg, "image/jpeg");
        log.info("materials: photo staged as attachment {} ({} bytes)", ref.sha256(), ref.size());
        return Optional.of(ref);
    }

    static boolean waivable(Material m) {
        return m.waiver() == WaiverRoute.COMMITMENT;
    }
}
