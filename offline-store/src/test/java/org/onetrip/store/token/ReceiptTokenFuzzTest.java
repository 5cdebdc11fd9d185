package org.onetrip.store.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import org.onetrip.store.testing.FuzzKeys;

/**
 * Jazzer on a scanned receipt QR: {@link ReceiptTokenVerifier#verify} (prefix, length, {@link Base45}, the CBOR
 * of {@link TokenCodec}, key id, raw signature) with a trust list holding the key of the kept tokens. The
 * property: a verified token signed by that key, or a {@link TokenException}; nothing else. Kept inputs:
 * {@code ReceiptTokenFuzzTestInputs/}.
 */
class ReceiptTokenFuzzTest {
    private static final ReceiptTokenVerifier VERIFIER = new ReceiptTokenVerifier(
            TrustList.of(FuzzKeys.TERMINAL.getPublic()));

    @FuzzTest(maxDuration = "10s")
    void a_scanned_text_is_a_verified_token_or_a_token_exception(byte[] scanned) {
        // Latin-1: one character a byte, so the fuzzer's bytes reach the Base45 alphabet unchanged
        String text = new String(scanned, StandardCharsets.ISO_8859_1);
        try {
            ReceiptTokenVerifier.Verified verified = VERIFIER.verify(text);
            assertEquals(KeyId.of(FuzzKeys.TERMINAL.getPublic()), verified.signer());
            assertNotNull(verified.token().submissionId());
        } catch (TokenException expected) {
            assertNotNull(expected.reason());
        }
    }
}
