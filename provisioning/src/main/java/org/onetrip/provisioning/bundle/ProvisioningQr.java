package org.onetrip.provisioning.bundle;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provisioning QR for the terminal's scanner in technician mode: {@code OTP1.<payload>.<signature>} (base64url),
 * the payload {@code {purpose, terminalId, region, uplink, bundleSm3, issuedAt, expiresAt, nonce}} signed by the
 * county administrator's key. It holds no secret: no key, no PIN, no password, no token in a URL; it proves that
 * the county sent this technician to this terminal until it expires, and names the bundle to apply by its digest.
 */
public record ProvisioningQr(String purpose, String terminalId, String region, String uplink, String bundleSm3,
                             Instant issuedAt, Instant expiresAt, String nonce) {
    public static final String PREFIX = "OTP1.";
    public static final Duration MAX_VALIDITY = Duration.ofHours(24);

    public String sign(PrivateKey county) {
        if (Duration.between(issuedAt, expiresAt).compareTo(MAX_VALIDITY) > 0 || !expiresAt.isAfter(issuedAt)) {
            throw new BundleException("a provisioning QR is valid for at most " + MAX_VALIDITY.toHours() + " hours");
        }
        ObjectNode n = ProvisioningBundle.JSON.createObjectNode();
        n.put("p", purpose);
        n.put("t", terminalId);
        n.put("r", region);
        n.put("u", uplink);
        n.put("b", bundleSm3);
        n.put("iat", issuedAt.getEpochSecond());
        n.put("exp", expiresAt.getEpochSecond());
        n.put("n", nonce);
        return SignedQr.sign(PREFIX, n, county);
    }

    /**
     * Verifies the signature, then that it is not expired at {@code now} and is for {@code terminalId}.
     *
     * @throws Expired        when genuine but expired
     * @throws BundleException when damaged, forged, for another terminal or issued in the future
     */
    public static ProvisioningQr verify(String text, PublicKey county, String terminalId, Instant now) {
        byte[] payload = SignedQr.verifiedPayload(text.strip(), PREFIX, county, "provisioning QR");
        return read(payload, terminalId, now);
    }

    /** The checks of {@link #verify} after the signature: apart so that they are tested (and fuzzed) on bytes. */
    static ProvisioningQr read(byte[] payload, String terminalId, Instant now) {
        JsonNode n = SignedQr.json(payload, "provisioning QR");
        ProvisioningQr qr;
        try {
            qr = new ProvisioningQr(n.path("p").asString(""), n.path("t").asString(""),
                    n.path("r").asString(""), n.path("u").asString(""), n.path("b").asString(""),
                    Instant.ofEpochSecond(n.path("iat").asLong()), Instant.ofEpochSecond(n.path("exp").asLong()),
                    n.path("n").asString(""));
        } catch (JacksonException | DateTimeException e) {
            // a time past 64 bits or past Instant's range (found by ProvisioningQrFuzzTest)
            throw new BundleException("provisioning QR payload is not readable");
        }
        if (now.isAfter(qr.expiresAt())) {
            throw new Expired("provisioning QR expired at " + qr.expiresAt() + ": ask the county for a new one");
        }
        if (qr.issuedAt().isAfter(now.plusSeconds(600))) {
            throw new BundleException("provisioning QR is issued in the future (" + qr.issuedAt()
                    + "): check the terminal's clock");
        }
        if (!qr.terminalId().equals(terminalId)) {
            throw new BundleException("provisioning QR is for terminal " + qr.terminalId() + ", this is " + terminalId);
        }
        return qr;
    }

    /** A genuine QR for this terminal's county whose time is over: the technician needs a new one, not a fix. */
    public static final class Expired extends BundleException {
        Expired(String message) {
            super(message);
        }
    }

    /**
     * The payload as a readable string, for showing what a QR holds (nothing is verified here).
     *
     * @throws BundleException when the text is not {@code OTP1.<payload>.<signature>} with a base64url payload
     */
    public static String decodePayload(String text) {
        String t = text.strip();
        int dot = t.indexOf('.', PREFIX.length());
        if (!t.startsWith(PREFIX) || dot < 0) {
            throw new BundleException("not a OneTrip provisioning QR");
        }
        try {
            return new String(Base64.getUrlDecoder().decode(t.substring(PREFIX.length(), dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BundleException("provisioning QR is damaged: scan it again");
        }
    }
}
