package org.onetrip.provisioning.bundle;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import org.onetrip.store.uplink.Sm2;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form the county's QR codes share ({@link ProvisioningQr}, {@link StaffQr}): {@code PREFIX<payload>.<signature>},
 * both base64url, the payload a small JSON object signed (SM3withSM2) by the county administrator's key. Only the
 * envelope: what a payload must hold is each kind's own.
 */
final class SignedQr {
    private SignedQr() {
    }

    /** {@code prefix} + the payload and its signature. */
    static String sign(String prefix, ObjectNode payload, PrivateKey county) {
        byte[] bytes = ProvisioningBundle.JSON.writeValueAsBytes(payload);
        var b64 = Base64.getUrlEncoder().withoutPadding();
        return prefix + b64.encodeToString(bytes) + "." + b64.encodeToString(Sm2.sign(county, bytes));
    }

    /**
     * The signed payload of {@code text}, once its signature verifies with {@code county}.
     *
     * @param what the kind of QR, as messages name it ("staff QR")
     * @throws BundleException when it is not of this form, damaged or not signed by {@code county}
     */
    static byte[] verifiedPayload(String text, String prefix, PublicKey county, String what) {
        String[] parts = text.startsWith(prefix) ? text.substring(prefix.length()).split("\\.") : new String[0];
        if (parts.length != 2) {
            throw new BundleException("not a OneTrip " + what);
        }
        byte[] payload;
        byte[] sig;
        try {
            payload = Base64.getUrlDecoder().decode(parts[0]);
            sig = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new BundleException(what + " is damaged: scan it again");
        }
        if (!Sm2.verify(county, payload, sig)) {
            throw new BundleException(what + " signature does not verify with the county administrator's key");
        }
        return payload;
    }

    /** The payload as JSON. */
    static JsonNode json(byte[] payload, String what) {
        try {
            return ProvisioningBundle.JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new BundleException(what + " payload is not readable");
        }
    }
}
