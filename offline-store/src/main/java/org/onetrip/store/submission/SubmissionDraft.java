package org.onetrip.store.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.onetrip.store.attachment.AttachmentRef;

/**
 * What a resident filled in, not yet sealed. Lives only in the resident's session: an abandoned draft is
 * discarded with the session and never written to disk.
 *
 * @param applicantIdNumber the full ID number; it goes into the sealed body for the platform, and only in
 *                          masked or hashed form into the searchable columns
 * @param applicantMask     the applicant as shown on screen and paper, e.g. {@code 王*兰 340121********123X}
 * @param fields            form values by field key, in form order
 * @param stillToBring      materials the resident must still bring in person
 * @param attachments       files staged with {@link org.onetrip.store.attachment.AttachmentStore#stage}, in the
 *                          order the body lists them
 * @param deliveryTo        the express address and phone, or the pickup place, for {@code delivery}
 */
public record SubmissionDraft(UUID id, String taskCode, String itemName, int itemVersion, String regionCode,
                              String applicantName, String applicantIdNumber,
                              String applicantMask, Map<String, String> fields,
                              String delivery, LocalDate promisedBy, List<String> stillToBring,
                              List<AttachmentRef> attachments, DeliveryDetails deliveryTo) {
    public SubmissionDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskCode, "taskCode");
        fields = Map.copyOf(fields);
        stillToBring = List.copyOf(stillToBring);
        attachments = List.copyOf(attachments);
        deliveryTo = deliveryTo == null ? DeliveryDetails.NONE : deliveryTo;
    }

    /** A draft with attachments and nothing said about delivery beyond the method. */
    public SubmissionDraft(UUID id, String taskCode, String itemName, int itemVersion, String regionCode,
                           String applicantName, String applicantIdNumber, String applicantMask,
                           Map<String, String> fields, String delivery, LocalDate promisedBy,
                           List<String> stillToBring, List<AttachmentRef> attachments) {
        this(id, taskCode, itemName, itemVersion, regionCode, applicantName, applicantIdNumber, applicantMask, fields,
                delivery, promisedBy, stillToBring, attachments, DeliveryDetails.NONE);
    }

    /** A draft without attachments. */
    public SubmissionDraft(UUID id, String taskCode, String itemName, int itemVersion, String regionCode,
                           String applicantName, String applicantIdNumber, String applicantMask,
                           Map<String, String> fields, String delivery, LocalDate promisedBy,
                           List<String> stillToBring) {
        this(id, taskCode, itemName, itemVersion, regionCode, applicantName, applicantIdNumber, applicantMask, fields,
                delivery, promisedBy, stillToBring, List.of(), DeliveryDetails.NONE);
    }

    /** The same draft carrying {@code files} as its attachments. */
    public SubmissionDraft withAttachments(List<AttachmentRef> files) {
        return new SubmissionDraft(id, taskCode, itemName, itemVersion, regionCode, applicantName, applicantIdNumber,
                applicantMask, fields, delivery, promisedBy, stillToBring, files, deliveryTo);
    }

    /** The same draft with {@code details} of where its result goes. */
    public SubmissionDraft withDeliveryTo(DeliveryDetails details) {
        return new SubmissionDraft(id, taskCode, itemName, itemVersion, regionCode, applicantName, applicantIdNumber,
                applicantMask, fields, delivery, promisedBy, stillToBring, attachments, details);
    }
}
