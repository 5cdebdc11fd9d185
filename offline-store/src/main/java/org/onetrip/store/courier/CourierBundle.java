package org.onetrip.store.courier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
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
 * The file format of a courier bundle ({@code onetrip-courier/1}), a JSON document of four fields:
 * <pre>
 * {"format": "onetrip-courier/1",
 *  "header": base64(header JSON: bundleId, originTerminal, createdAt, count, signer and courier key ids,
 *                   the SM4 key wrapped with SM2 for the courier key, the GCM nonce, SM3 of the ciphertext),
 *  "payload": base64(SM4-GCM ciphertext of the submissions),
 *  "signature": base64(SM3withSM2 of header bytes ‖ 0x0A ‖ payload bytes, by the exporting terminal)}
 * </pre>
 * {@link #open} checks the signature against the trusted terminals' keys first, then decrypts (GCM also
 * authenticates); any failure is a {@link CourierException} and nothing of the payload is returned.
 */
public final class CourierBundle {
    static final String FORMAT = "onetrip-courier/1";
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

    /** Encrypts {@code payload} for the courier key and signs the whole with the terminal's key. */
    public static byte[] seal(Header header, byte[] payload, CourierKeys keys, SecureRandom random) {
        try {
            byte[] sm4Key = new byte[Sm4Gcm.KEY_BYTES];
            byte[] nonce = new byte[Sm4Gcm.NONCE_BYTES];
            random.nextBytes(sm4Key);
            random.nextBytes(nonce);
            byte[] ciphertext = Sm4Gcm.encrypt(sm4Key, nonce, null, payload);
            Cipher sm2 = Cipher.getInstance("SM2", BC);
            sm2.init(Cipher.ENCRYPT_MODE, keys.courierPublic(), random);
            byte[] wrapped = sm2.doFinal(sm4Key);
            Arrays.fill(sm4Key, (byte) 0);

            Map<String, Object> h = new LinkedHashMap<>();
            h.put("bundleId", header.bundleId());
            h.put("originTerminal", header.originTerminal());
            h.put("createdAt", header.createdAt());
            h.put("count", header.count());
            h.put("signer", KeyId.of(keys.terminalPublic()).toString());
            h.put("courierKey", KeyId.of(keys.courierPublic()).toString());
            h.put("wrappedKey", b64(wrapped));
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
     * @throws CourierException naming the reason: not a bundle, signed by an unknown terminal, tampered with,
     *                          not for this courier key, or damaged
     */
    public static Opened open(String name, byte[] file, CourierKeys keys) {
        JsonNode doc;
        byte[] headerBytes;
        byte[] ciphertext;
        byte[] signature;
        JsonNode h;
        try {
            doc = JSON.readTree(file);
            if (!FORMAT.equals(doc.path("format").asString(""))) {
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
        PublicKey signerKey = trusted(keys.trustedTerminals(), signer).orElseThrow(() -> new CourierException(
                "courier[" + name + "]: signed by terminal key " + signer + ", which this terminal does not trust"));
        if (!Sm2.verify(signerKey, signed(headerBytes, ciphertext), signature)) {
            throw new CourierException("courier[" + name + "]: the signature does not match: the bundle was changed"
                    + " or damaged after export");
        }
        PrivateKey courierPrivate = keys.courierPrivate().orElseThrow(() -> new CourierException(
                "courier[" + name + "]: this terminal holds no courier key and cannot import bundles"));
        if (!KeyId.of(keys.courierPublic()).toString().equals(h.path("courierKey").asString(""))) {
            throw new CourierException("courier[" + name + "]: encrypted for courier key "
                    + h.path("courierKey").asString("?") + ", not this county's " + KeyId.of(keys.courierPublic()));
        }
        try {
            Cipher sm2 = Cipher.getInstance("SM2", BC);
            sm2.init(Cipher.DECRYPT_MODE, courierPrivate);
            byte[] sm4Key = sm2.doFinal(Base64.getDecoder().decode(h.path("wrappedKey").asString("")));
            byte[] payload = Sm4Gcm.decrypt(sm4Key, Base64.getDecoder().decode(h.path("nonce").asString("")), null,
                    ciphertext);
            return new Opened(new Header(h.path("bundleId").asString(""), h.path("originTerminal").asString(""),
                    h.path("createdAt").asString(""), h.path("count").asInt(-1)), payload);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CourierException("courier[" + name + "]: cannot decrypt the bundle with this county's courier"
                    + " key", e);
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
