package org.onetrip.hardware.idcard.sam;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;

/** Text blocks as a card stores them (UTF-16LE, space-padded), for codec tests, the emulator and benchmarks. */
public final class TestCards {
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private TestCards() {
    }

    /** The 256-byte text block of a resident card, with raw field values (so tests can write wrong ones). */
    public static byte[] residentText(String name, String sexCode, String nationCode, String birth, String address,
                                      String id, String issuer, String from, String until) {
        StringBuilder s = new StringBuilder();
        pad(s, name, 15);
        pad(s, sexCode, 1);
        pad(s, nationCode, 2);
        pad(s, birth, 8);
        pad(s, address, 35);
        pad(s, id, 18);
        pad(s, issuer, 15);
        pad(s, from, 8);
        pad(s, until, 8);
        pad(s, "", 18);
        return s.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    public static byte[] residentText(IdentityCard c) {
        return residentText(c.name(), "女".equals(c.sex()) ? "2" : "1", "01", c.birthDate().format(YMD), c.address(),
                c.idNumber(), c.issuer(), c.validFrom().format(YMD),
                c.validUntil().map(d -> d.format(YMD)).orElse("长期"));
    }

    /** The 2017 foreign permanent resident card layout (type flag 'I'). */
    public static byte[] foreignText(String english, String sexCode, String number, String nationality, String chinese,
                                     String from, String until, String birth) {
        StringBuilder s = new StringBuilder();
        pad(s, english, 60);
        pad(s, sexCode, 1);
        pad(s, number, 15);
        pad(s, nationality, 3);
        pad(s, chinese, 15);
        pad(s, from, 8);
        pad(s, until, 8);
        pad(s, birth, 8);
        pad(s, "01", 2);
        pad(s, "1100", 4);
        pad(s, "I", 1);
        pad(s, "", 3);
        return s.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    public static byte[] foreignText() {
        return foreignText("SMITH JOHN", "1", "CAN110075061501", "CAN", "史密斯", "20170601", "20270531", "19750615");
    }

    public static IdentityCard wang() {
        return DemoCards.all().getFirst();
    }

    /** A made-up WLT photo: 1024 bytes that only look like one. */
    public static byte[] photo() {
        byte[] p = new byte[1024];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 31 + 7);
        }
        return p;
    }

    /** Appended-address data (30 03): 70-byte entries, newest last. */
    public static byte[] appendedAddresses(String... entries) {
        StringBuilder s = new StringBuilder();
        for (String e : entries) {
            pad(s, e, 35);
        }
        return s.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    public static Optional<LocalDate> date(String ymd) {
        return Optional.of(LocalDate.parse(ymd, YMD));
    }

    private static void pad(StringBuilder s, String value, int chars) {
        if (value.length() > chars) {
            throw new IllegalArgumentException(value + " is longer than " + chars);
        }
        s.append(value).append(" ".repeat(chars - value.length()));
    }
}
