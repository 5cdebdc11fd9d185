package org.onetrip.store.uplink;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The request signature of the Intake API (DESIGN.md, "Intake API"): base64 of the terminal's SM3withSM2
 * signature over {@code METHOD \n PATH \n DATE \n lowercase-hex(SM3(body))}, where PATH is the path plus
 * query exactly as sent and an empty body hashes as empty. Both the terminal and any server use this class,
 * so the canonical form exists once.
 */
public final class RequestSignature {
    public static final String TERMINAL_HEADER = "X-Terminal-Id";
    public static final String SIGNATURE_HEADER = "X-Signature";
    public static final String DATE_HEADER = "Date";
    private static final byte[] EMPTY = new byte[0];

    private RequestSignature() {
    }

    public static byte[] canonical(String method, String pathAndQuery, String date, byte[] body) {
        return canonicalWithDigest(method, pathAndQuery, date, Sm2.sm3Hex(body == null ? EMPTY : body));
    }

    /** The canonical string given the lowercase hex SM3 of the body (for a body streamed from a file). */
    public static byte[] canonicalWithDigest(String method, String pathAndQuery, String date, String bodySm3Hex) {
        String text = method + "\n" + pathAndQuery + "\n" + date + "\n" + bodySm3Hex;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(PrivateKey key, String method, String pathAndQuery, String date, byte[] body) {
        return Base64.getEncoder().encodeToString(Sm2.sign(key, canonical(method, pathAndQuery, date, body)));
    }

    /** Signs a request whose body's SM3 is already known. */
    public static String signDigest(PrivateKey key, String method, String pathAndQuery, String date, String bodySm3Hex) {
        return Base64.getEncoder().encodeToString(
                Sm2.sign(key, canonicalWithDigest(method, pathAndQuery, date, bodySm3Hex)));
    }

    public static boolean verify(PublicKey key, String signature, String method, String pathAndQuery, String date,
                                 byte[] body) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Sm2.verify(key, canonical(method, pathAndQuery, date, body), sig);
    }

    /** The {@code Date} header value for an instant (RFC 1123, GMT). */
    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    public static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value)));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
