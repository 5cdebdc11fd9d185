package org.onetrip.hardware.idcard.sam;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

import org.onetrip.hardware.idcard.IdNumbers;
import org.onetrip.hardware.idcard.IdentityCard;

/**
 * The 256-byte machine-readable text block (GA/T 490, UTF-16LE, space-padded), decoded and validated: the
 * resident ID card layout, and the 2017 foreign permanent resident card (type flag 'I' at byte 248). A card
 * whose number fails its GB 11643 check character, or whose dates are not dates, is rejected with
 * {@link CardDataException}, never returned.
 */
public final class CardText {
    /** Bytes in the text block. */
    public static final int LENGTH = 256;
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String LONG_TERM = "长期";

    private CardText() {
    }

    /**
     * A decoded card.
     *
     * @param englishName the upper-case English name of a foreign permanent resident card, empty otherwise
     * @param versionCode the foreign card's version (证件版本号), empty otherwise
     */
    public record Decoded(IdentityCard card, Optional<String> englishName, Optional<String> versionCode) {
    }

    public static Decoded decode(byte[] text) {
        if (text == null || text.length < LENGTH) {
            throw new CardDataException("text block of " + (text == null ? 0 : text.length) + " bytes, need " + LENGTH);
        }
        String s = new String(text, 0, LENGTH, StandardCharsets.UTF_16LE);
        char type = s.charAt(124);
        return switch (type) {
            case 'I' -> foreign(s);
            case 'Y', 'J' -> throw new CardDataException("card type '" + type
                    + "' (2023 foreign permanent resident card or residence permit) is not decoded by this driver");
            default -> resident(s);
        };
    }

    private static Decoded resident(String s) {
        String name = field(s, 0, 15);
        String sexCode = field(s, 15, 1);
        String nationCode = field(s, 16, 2);
        String birth = field(s, 18, 8);
        String address = field(s, 26, 35);
        String id = field(s, 61, 18).toUpperCase(java.util.Locale.ROOT);
        String issuer = field(s, 79, 15);
        String from = field(s, 94, 8);
        String until = field(s, 102, 8);
        if (name.isEmpty()) {
            throw new CardDataException("the name field is empty");
        }
        if (!IdNumbers.isValid(id)) {
            throw new CardDataException("the ID number fails its GB 11643 check character");
        }
        LocalDate birthDate = date("birth date", birth);
        if (!id.substring(6, 14).equals(birth)) {
            throw new CardDataException("the ID number's birth date differs from the birth date field");
        }
        String nation = Nations.name(nationCode)
                .orElseThrow(() -> new CardDataException("nation code outside GB 3304"));
        IdentityCard card = new IdentityCard(IdentityCard.CardType.RESIDENT, name, sex(sexCode), nation, birthDate,
                address, id, issuer, date("valid-from date", from), validUntil(until));
        return new Decoded(card, Optional.empty(), Optional.empty());
    }

    private static Decoded foreign(String s) {
        String english = field(s, 0, 60);
        String sexCode = field(s, 60, 1);
        String number = field(s, 61, 15).toUpperCase(java.util.Locale.ROOT);
        String nationality = field(s, 76, 3);
        String chinese = field(s, 79, 15);
        String from = field(s, 94, 8);
        String until = field(s, 102, 8);
        String birth = field(s, 110, 8);
        String version = field(s, 118, 2);
        String authority = field(s, 120, 4);
        if (!number.matches("[A-Z]{3}\\d{12}")) {
            throw new CardDataException("a 2017 foreign permanent resident number is 3 letters and 12 digits");
        }
        if (!nationality.matches("[A-Z]{3}")) {
            throw new CardDataException("nationality is not a 3-letter GB/T 2659 code");
        }
        if (english.isEmpty() && chinese.isEmpty()) {
            throw new CardDataException("both name fields are empty");
        }
        IdentityCard card = new IdentityCard(IdentityCard.CardType.FOREIGN_PERMANENT_RESIDENT,
                chinese.isEmpty() ? english : chinese, sex(sexCode), nationality, date("birth date", birth), "",
                number, authority, date("issue date", from), validUntil(until));
        return new Decoded(card, english.isEmpty() ? Optional.empty() : Optional.of(english),
                version.isEmpty() ? Optional.empty() : Optional.of(version));
    }

    /**
     * The latest appended address (追加住址, command 30 03): 70-byte UTF-16LE entries, the newest last; empty when
     * the data holds no non-blank entry.
     */
    public static Optional<String> latestAppendedAddress(byte[] data) {
        String latest = null;
        for (int off = 0; off + 70 <= data.length; off += 70) {
            String entry = strip(new String(data, off, 70, StandardCharsets.UTF_16LE));
            if (!entry.isEmpty()) {
                latest = entry;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** GB/T 2261.1. */
    static String sex(String code) {
        return switch (code) {
            case "1" -> "男";
            case "2" -> "女";
            case "9" -> "未说明";
            default -> "未知";
        };
    }

    private static Optional<LocalDate> validUntil(String value) {
        return value.startsWith(LONG_TERM) ? Optional.empty() : Optional.of(date("valid-until date", value));
    }

    private static LocalDate date(String what, String value) {
        try {
            return LocalDate.parse(value, YMD);
        } catch (DateTimeParseException e) {
            throw new CardDataException("the " + what + " is not a date of the form YYYYMMDD");
        }
    }

    private static String field(String s, int at, int chars) {
        return strip(s.substring(at, at + chars));
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0' || s.charAt(end - 1) == '\u3000')) {
            end--;
        }
        int start = 0;
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\u3000')) {
            start++;
        }
        return s.substring(start, end);
    }
}
