package org.onetrip.store.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a resident filled in, not yet sealed. Lives only in the resident's session: an abandoned draft is
 * discarded with the session and never written to disk.
 *
 * @param applicantIdNumber the full ID number; it goes into the sealed body for the platform, and only in
 *                          masked or hashed form into the searchable columns
 * @param applicantMask     the applicant as shown on screen and paper, e.g. {@code 王*兰 340121********123X}
 * @param fields            form values by field key, in form order
 * @param stillToBring      materials the resident must still bring in person
 */
public record SubmissionDraft(UUID id, String taskCode, String itemName, int itemVersion, String regionCode,
                              String applicantName, String applicantIdNumber,
                              String applicantMask, Map<String, String> fields,
                              String delivery, LocalDate promisedBy, List<String> stillToBring) {
    public SubmissionDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskCode, "taskCode");
        fields = Map.copyOf(fields);
        stillToBring = List.copyOf(stillToBring);
    }
}
