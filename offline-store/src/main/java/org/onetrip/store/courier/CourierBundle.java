package org.onetrip.store.courier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.onetrip.store.crypto.Sm4Gcm;
import org.onetrip.store.token.KeyId;
import org.onetrip.store.token.TrustList;
import org.onetrip.store.uplink.Sm2;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file format of a courier bundle ({@code onetrip-courier/2}), a JSON document of four fields:
 * <pre>
 * {"format": "onetrip-courier/2",
 *  "header": base64(header JSON: bundleId, originTerminal, createdAt, count, the signer's key id,
 *                   recipients: [{key: key id, wrappedKey: the SM4 key wrapped with SM2 for that terminal's key}],
 *                   the GCM nonce, SM3 of the ciphertext),
 *  "payload": base64(SM4-GCM ciphertext of the submissions),
 *  "signature": base64(SM3withSM2 of header bytes ‖ 0x0A ‖ payload bytes, by the exporting terminal)}
 * </pre>
 * The bundle key is wrapped once per county terminal (multi-recipient envelope): each importing terminal unwraps
 * its own copy with its own terminal key; no private key is shared. {@link #open} checks the signer against the
 * county terminals and the signature first, then unwraps and decrypts (GCM also authenticates); any failure is a
 * {@link CourierException} and nothing of the payload is returned. Version 1 bundles (encrypted for a county key
 * shared by all terminals) are refused with a message saying so.
 */
public final class CourierBundle {
    static final String FORMAT = "onetrip-courier/2";
    static final String FORMAT_V1 = "onetrip-courier/1";
    private static final Provider BC = new BouncyCastleProvider();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CourierBundle() {
    }

    /** What a verified bundle says about itself. */
    public record Header(String bundleId, String originTerminal, String createdAt, int count) {
    }

    /** A verified, decrypted bundle. */
    public record Opened(Header header, byte[] payload) {
    }

    /**
     * Encrypts {@code payload} for every terminal in {@code keys.recipients()} and signs the whole with this
     * terminal's key.
     */
    public static byte[] seal(Header header, byte[] payload, CourierKeys keys, SecureRandom random) {
        try {
            byte[] sm4Key = new byte[Sm4Gcm.KEY_BYTES];
            byte[] nonce = new byte[Sm4Gcm.NONCE_BYTES];
            random.nextBytes(sm4Key);
            random.nextBytes(nonce);
            byte[] ciphertext = Sm4Gcm.encrypt(sm4Key, nonce, null, payload);
            List<Map<String, Object>> recipients = new ArrayList<>();
            for (PublicKey recipient : keys.recipients()) {
                Cipher sm2 = Cipher.getInstance("SM2", BC);
                sm2.init(Cipher.ENCRYPT_MODE, recipient, random);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("key", KeyId.of(recipient).toString());
                r.put("wrappedKey", b64(sm2.doFinal(sm4Key)));
                recipients.add(r);
            }
            Arrays.fill(sm4Key, (byte) 0);

            Map<String, Object> h = new LinkedHashMap<>();
            h.put("bundleId", header.bundleId());
            h.put("originTerminal", header.originTerminal());
            h.put("createdAt", header.createdAt());
            h.put("count", header.count());
            h.put("signer", KeyId.of(keys.terminalPublic()).toString());
            h.put("recipients", recipients);
            h.put("nonce", b64(nonce));
            h.put("payloadSm3", Sm2.sm3Hex(ciphertext));
            byte[] headerBytes = JSON.writeValueAsBytes(h);

            Map<String, Object> file = new LinkedHashMap<>();
            file.put("format", FORMAT);
            file.put("header", b64(headerBytes));
            file.put("payload", b64(ciphertext));
            file.put("signature", b64(Sm2.sign(keys.terminalPrivate(), signed(headerBytes, ciphertext))));
            return JSON.writeValueAsBytes(file);
        } catch (GeneralSecurityException e) {
            throw new CourierException("courier: cannot encrypt the bundle (SM2/SM4 unavailable?)", e);
        }
    }

    /**
     * Verifies and decrypts a bundle's bytes. {@code name} (the file) is used in messages only.
     *
     * @throws CourierException naming the reason: not a bundle, an old format, signed by a terminal not on the
     *                          county list, tampered with, not encrypted for this terminal, or damaged
     */
    public static Opened open(String name, byte[] file, CourierKeys keys) {
        byte[] headerBytes;
        byte[] ciphertext;
        byte[] signature;
        JsonNode h;
        try {
            JsonNode doc = JSON.readTree(file);
            String format = doc.path("format").asString("");
            if (FORMAT_V1.equals(format)) {
                throw new CourierException("courier[" + name + "]: made by an older OneTrip (" + FORMAT_V1
                        + ", encrypted for a shared county key, which terminals no longer hold); update the exporting"
                        + " terminal and export again");
            }
            if (!FORMAT.equals(format)) {
                throw new CourierException("courier[" + name + "]: not a OneTrip courier bundle");
            }
            headerBytes = unb64(doc, "header");
            ciphertext = unb64(doc, "payload");
            signature = unb64(doc, "signature");
            h = JSON.readTree(headerBytes);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new CourierException("courier[" + name + "]: the file is damaged (not a readable bundle)", e);
        }
        String signer = h.path("signer").asString("");
        PublicKey signerKey = trusted(keys.trustedSigners(), signer).orElseThrow(() -> new CourierException(
                "courier[" + name + "]: signed by terminal key " + signer + ", which this terminal does not trust"
                        + " (not on the county terminals list provisioned here)"));
        if (!Sm2.verify(signerKey, signed(headerBytes, ciphertext), signature)) {
            throw new CourierException("courier[" + name + "]: the signature does not match: the bundle was changed"
                    + " or damaged after export");
        }
        String own = KeyId.of(keys.terminalPublic()).toString();
        String wrapped = null;
        for (JsonNode r : h.path("recipients")) {
            if (own.equals(r.path("key").asString(""))) {
                wrapped = r.path("wrappedKey").asString("");
            }
        }
        if (wrapped == null) {
            throw new CourierException("courier[" + name + "]: not encrypted for this terminal (key " + own
                    + "): the exporting terminal's county list does not include it; apply the county's current"
                    + " provisioning bundle there and export again");
        }
        try {
            Cipher sm2 = Cipher.getInstance("SM2", BC);
            sm2.init(Cipher.DECRYPT_MODE, keys.terminalPrivate());
            byte[] sm4Key = sm2.doFinal(Base64.getDecoder().decode(wrapped));
            byte[] payload = Sm4Gcm.decrypt(sm4Key, Base64.getDecoder().decode(h.path("nonce").asString("")), null,
                    ciphertext);
            Arrays.fill(sm4Key, (byte) 0);
            return new Opened(new Header(h.path("bundleId").asString(""), h.path("originTerminal").asString(""),
                    h.path("createdAt").asString(""), h.path("count").asInt(-1)), payload);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CourierException("courier[" + name + "]: cannot decrypt the bundle with this terminal's key", e);
        }
    }

    private static java.util.Optional<PublicKey> trusted(TrustList trust, String keyId) {
        try {
            return trust.find(KeyId.parse(keyId));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static byte[] signed(byte[] header, byte[] payload) {
        byte[] out = Arrays.copyOf(header, header.length + 1 + payload.length);
        out[header.length] = '\n';
        System.arraycopy(payload, 0, out, header.length + 1, payload.length);
        return out;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(JsonNode doc, String field) {
        JsonNode n = doc.path(field);
        if (!n.isString()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return Base64.getDecoder().decode(n.stringValue().getBytes(StandardCharsets.US_ASCII));
    }
}
