package org.onetrip.store.testing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onetrip.store.submission.SubmissionDraft;

/** Drafts as the kiosk builds them from a card and a filled-in form. The residents are made up. */
public final class Drafts {
    public static final String TASK_CODE = "11340121MB1234567X4000117009000";
    public static final String NAME = "王秀兰";
    public static final String ID_NUMBER = "340121194803120024";
    public static final String OTHER_NAME = "李建国";
    public static final String OTHER_ID_NUMBER = "34012119621001031X";

    private Drafts() {
    }

    public static SubmissionDraft draft() {
        return draft(UUID.randomUUID(), NAME, ID_NUMBER);
    }

    public static SubmissionDraft draft(UUID id) {
        return draft(id, NAME, ID_NUMBER);
    }

    public static SubmissionDraft draft(UUID id, String name, String idNumber) {
        return draft(id, TASK_CODE, name, idNumber);
    }

    public static SubmissionDraft draft(UUID id, String taskCode, String name, String idNumber) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("idNumber", idNumber);
        fields.put("reason", "户口迁入");
        String mask = name.charAt(0) + "*" + (name.length() > 2 ? name.substring(name.length() - 1) : "") + " "
                + idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        return new SubmissionDraft(id, taskCode, "城乡居民基本养老保险参保登记", 3, "340121100004", name, idNumber, mask,
                fields, "WINDOW", LocalDate.of(2026, 3, 9), List.of("户口簿原件"));
    }
}
