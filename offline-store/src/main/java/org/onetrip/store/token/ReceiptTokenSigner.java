package org.onetrip.store.token;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

import org.onetrip.store.uplink.Sm2;

/**
 * Signs receipt tokens with this terminal's SM2 key: {@code ZW1:} + Base45 of the CBOR token
 * (see {@link TokenCodec}), whose signature is SM3withSM2 stored as raw {@code r‖s}.
 * Thread-safe.
 */
public final class ReceiptTokenSigner {
    /** The text before the Base45 of every token; scanners classify QR payloads by it. */
    public static final String PREFIX = "ZW1:";

    private final PrivateKey privateKey;
    private final byte[] protectedHeader;
    private final KeyId kid;

    /** @param publicKey the public half of {@code privateKey}: its {@link KeyId} names the signer */
    public ReceiptTokenSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.kid = KeyId.of(publicKey);
        this.protectedHeader = TokenCodec.protectedHeader(kid);
    }

    public KeyId kid() {
        return kid;
    }

    /** The text to put in the receipt's QR code. */
    public String sign(ReceiptToken token) {
        byte[] payload = TokenCodec.payload(token);
        byte[] der = Sm2.sign(privateKey, TokenCodec.signedBytes(protectedHeader, payload));
        return PREFIX + Base45.encode(TokenCodec.token(protectedHeader, payload, RawSignature.fromDer(der)));
    }
}
