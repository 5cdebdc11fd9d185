package org.onetrip.store.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer on the CBOR of a token behind its signature ({@link TokenCodec}: the three parts, the protected header's
 * key id, the payload's fields), which a signed token from a faulty or newer terminal could carry. The property:
 * a value or a {@link TokenException} of reason MALFORMED; nothing else. Kept inputs (a real token's CBOR,
 * protected header and payload): {@code TokenPayloadFuzzTestInputs/}.
 */
class TokenPayloadFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void token_cbor_is_read_or_refused_as_malformed(byte[] cbor) {
        try {
            TokenCodec.Parts parts = TokenCodec.parts(cbor);
            assertNotNull(parts.signature());
        } catch (TokenException e) {
            assertEquals(TokenException.Reason.MALFORMED, e.reason());
        }
        try {
            assertEquals(KeyId.LENGTH, TokenCodec.kid(cbor).bytes().length);
        } catch (TokenException e) {
            assertEquals(TokenException.Reason.MALFORMED, e.reason());
        }
        try {
            ReceiptToken token = TokenCodec.readPayload(cbor);
            assertNotNull(token.submissionId());
            assertNotNull(token.issuedAt());
        } catch (TokenException e) {
            assertEquals(TokenException.Reason.MALFORMED, e.reason());
        }
    }
}
