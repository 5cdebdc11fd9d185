package org.onetrip.store.db;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the store writes them: fixed-width UTC text with nine fraction digits, so that SQLite's text
 * comparison orders them as time does ({@code Instant.toString()} drops trailing zeros and would not).
 */
public final class Instants {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Instants() {
    }

    public static String format(Instant instant) {
        return FIXED.format(instant);
    }
}
