package org.onetrip.intake.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * 办件编号: the first 6 digits of the submission's {@code regionCode} (county level; "000000" when it has none),
 * the receipt day {@code yyyyMMdd} in China Standard Time, and a 6-digit sequence per day over all terminals.
 */
final class ProjectNumbers {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}.*");
    private static final int MAX_PER_DAY = 999_999;

    private ProjectNumbers() {
    }

    private static final String NEXT_SEQUENCE = """
            INSERT INTO daily_sequence (day, last_seq) VALUES (?, 1)
            ON CONFLICT (day) DO UPDATE SET last_seq = last_seq + 1
            RETURNING last_seq
            """;

    static String next(Connection connection, JsonNode regionCode, Instant receivedAt) throws SQLException {
        String day = DAY.format(receivedAt.atZone(CHINA));
        try (PreparedStatement next = connection.prepareStatement(NEXT_SEQUENCE)) {
            next.setString(1, day);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                long sequence = row.getLong(1);
                if (sequence > MAX_PER_DAY) {
                    throw new IllegalStateException("project numbers: more than " + MAX_PER_DAY
                            + " submissions on " + day);
                }
                return regionPrefix(regionCode) + day + String.format("%06d", sequence);
            }
        }
    }

    private static String regionPrefix(JsonNode regionCode) {
        if (regionCode == null || !(regionCode.isString() || regionCode.isIntegralNumber())) {
            return "000000";
        }
        String text = regionCode.asString();
        return SIX_DIGITS.matcher(text).matches() ? text.substring(0, 6) : "000000";
    }
}
