package org.onetrip.store.token;

import java.security.PublicKey;
import java.util.Objects;

import org.onetrip.store.token.TokenException.Reason;
import org.onetrip.store.uplink.Sm2;

/**
 * Checks a scanned receipt token offline against a {@link TrustList}. The payload is read only
 * after the signature over the exact bytes has been verified, so nothing of an altered token is
 * believed. Thread-safe.
 */
public final class ReceiptTokenVerifier {
    /** Far above any real token (≈ 400 characters), so a hostile QR cannot make us parse megabytes. */
    static final int MAX_LENGTH = 2048;

    private final TrustList trust;

    public ReceiptTokenVerifier(TrustList trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /** A token whose signature checked out, and who signed it. */
    public record Verified(ReceiptToken token, KeyId signer) {
    }

    /** Whether {@code scanned} looks like a receipt token at all (its prefix), before any checking. */
    public static boolean looksLikeToken(String scanned) {
        return scanned != null && scanned.strip().startsWith(ReceiptTokenSigner.PREFIX);
    }

    /**
     * @param scanned the text of the QR code, as the scanner reported it (surrounding whitespace is ignored)
     * @throws TokenException with the {@link Reason} when the token is not accepted
     */
    public Verified verify(String scanned) {
        if (!looksLikeToken(scanned)) {
            throw new TokenException(Reason.NOT_A_TOKEN, "no " + ReceiptTokenSigner.PREFIX + " prefix");
        }
        String text = scanned.strip();
        if (text.length() > MAX_LENGTH) {
            throw new TokenException(Reason.MALFORMED, "longer than " + MAX_LENGTH + " characters");
        }
        byte[] cbor;
        try {
            cbor = Base45.decode(text.substring(ReceiptTokenSigner.PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new TokenException(Reason.MALFORMED, "not Base45", e);
        }
        TokenCodec.Parts parts = TokenCodec.parts(cbor);
        KeyId kid = TokenCodec.kid(parts.protectedHeader());
        PublicKey key = trust.find(kid).orElseThrow(() -> new TokenException(Reason.UNKNOWN_SIGNER,
                "signer " + kid + " is not on this terminal's trust list"));
        if (parts.signature().length != RawSignature.LENGTH) {
            throw new TokenException(Reason.MALFORMED, "signature is not " + RawSignature.LENGTH + " bytes");
        }
        byte[] signed = TokenCodec.signedBytes(parts.protectedHeader(), parts.payload());
        if (!Sm2.verify(key, signed, RawSignature.toDer(parts.signature()))) {
            throw new TokenException(Reason.BAD_SIGNATURE, "signature of " + kid + " does not match");
        }
        return new Verified(TokenCodec.readPayload(parts.payload()), kid);
    }
}
