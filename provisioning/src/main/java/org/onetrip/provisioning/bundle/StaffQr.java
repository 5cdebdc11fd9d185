package org.onetrip.provisioning.bundle;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A staff QR for a badge: {@code OTS1.<payload>.<signature>} (base64url), the payload {@code {p: "staff", s: staff
 * card number, iat, exp, n}} signed by the county administrator's key, like the technician's {@link ProvisioningQr}.
 * Bound to the staff member, not to a terminal (agents move between points), and expiring. It only names who
 * wants to sign in: the PIN is still asked for, and the member must be on the point's roster.
 */
public record StaffQr(String staffId, Instant issuedAt, Instant expiresAt, String nonce) {
    public static final String PREFIX = "OTS1.";
    /** The unsigned form of earlier versions, refused now (anyone could print one from a badge photo). */
    public static final String UNSIGNED_PREFIX = "ONETRIP:STAFF:";
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);
    private static final String PURPOSE = "staff";

    public StaffQr {
        staffId = staffId.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether {@code text} is meant as a staff QR, signed or in the old unsigned form. */
    public static boolean looksLike(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return t.startsWith(PREFIX) || t.startsWith(UNSIGNED_PREFIX);
    }

    public String sign(PrivateKey county) {
        if (!expiresAt.isAfter(issuedAt) || Duration.between(issuedAt, expiresAt).compareTo(MAX_VALIDITY) > 0) {
            throw new BundleException("a staff QR is valid for at most " + MAX_VALIDITY.toDays() + " days");
        }
        if (staffId.isEmpty()) {
            throw new BundleException("a staff QR needs the staff card number");
        }
        ObjectNode n = ProvisioningBundle.JSON.createObjectNode();
        n.put("p", PURPOSE);
        n.put("s", staffId);
        n.put("iat", issuedAt.getEpochSecond());
        n.put("exp", expiresAt.getEpochSecond());
        n.put("n", nonce);
        return SignedQr.sign(PREFIX, n, county);
    }

    /**
     * Verifies the county's signature, then the purpose and the time.
     *
     * @throws Unsigned                   for the old {@code ONETRIP:STAFF:} form
     * @throws ProvisioningQr.Expired     when genuine but expired
     * @throws BundleException            when damaged, forged, not a staff QR or issued in the future
     */
    public static StaffQr verify(String text, PublicKey county, Instant now) {
        String t = text == null ? "" : text.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith(UNSIGNED_PREFIX)) {
            throw new Unsigned("staff QR " + UNSIGNED_PREFIX + "… carries no county signature; print a signed one"
                    + " with 'onetrip-provision qr --staff-id'");
        }
        JsonNode n = SignedQr.json(SignedQr.verifiedPayload(t, PREFIX, county, "staff QR"), "staff QR");
        if (!PURPOSE.equals(n.path("p").asString(""))) {
            throw new BundleException("a county QR for " + n.path("p").asString("?") + ", not a staff QR");
        }
        StaffQr qr = new StaffQr(n.path("s").asString(""), Instant.ofEpochSecond(n.path("iat").asLong()),
                Instant.ofEpochSecond(n.path("exp").asLong()), n.path("n").asString(""));
        if (now.isAfter(qr.expiresAt())) {
            throw new ProvisioningQr.Expired("staff QR expired at " + qr.expiresAt() + ": ask the county for a new one");
        }
        if (qr.issuedAt().isAfter(now.plusSeconds(600))) {
            throw new BundleException("staff QR is issued in the future (" + qr.issuedAt() + "): check the clock");
        }
        if (qr.staffId().isEmpty()) {
            throw new BundleException("staff QR names no staff card");
        }
        return qr;
    }

    /** The old unsigned form: refused, with its own message (the badge needs reprinting, not rescanning). */
    public static final class Unsigned extends BundleException {
        Unsigned(String message) {
            super(message);
        }
    }

    /** The payload as a readable string, for showing what a QR holds. */
    public static String decodePayload(String text) {
        String t = text.strip().substring(PREFIX.length());
        return new String(Base64.getUrlDecoder().decode(t.substring(0, t.indexOf('.'))), StandardCharsets.UTF_8);
    }
}
