package org.onetrip.intake;

import java.util.List;
import java.util.UUID;

/** Submission bodies as a terminal seals them. */
final class Submissions {
    private Submissions() {
    }

    static String body(UUID submissionId, String terminalId, List<String> attachments) {
        return body(submissionId, terminalId, "340121100004", attachments);
    }

    static String body(UUID submissionId, String terminalId, String regionCode, List<String> attachments) {
        String list = String.join(",", attachments.stream().map(a -> "\"" + a + "\"").toList());
        return """
                {"submissionId":"%s","terminalId":"%s","taskCode":"11340121MB1234567X4000117009000",\
                "itemVersion":1,"regionCode":"%s","sealedAt":"2026-03-02T00:59:00Z",\
                "applicant":{"name":"张三","idNumber":"34012119800101123X"},\
                "fields":{"reason":"户口迁入"},"delivery":"WINDOW","attachments":[%s]}"""
                .formatted(submissionId, terminalId, regionCode, list);
    }
}
