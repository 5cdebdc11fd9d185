package org.onetrip.store.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onetrip.store.token.TokenException.Reason;
import org.onetrip.store.uplink.Sm2;

/** Receipt tokens: signed by one terminal, checked offline by any that trusts it, and never believed altered. */
class ReceiptTokenTest {
    private static final KeyPair TERMINAL_A = Sm2.generateKeyPair();
    private static final KeyPair TERMINAL_B = Sm2.generateKeyPair();
    private static final ReceiptTokenSigner SIGNER_A = new ReceiptTokenSigner(TERMINAL_A.getPrivate(),
            TERMINAL_A.getPublic());

    static ReceiptToken sample(Optional<String> projectNo) {
        return ReceiptToken.receipt(UUID.fromString("7f3c9a2e-5b1d-4e8a-9c61-0d2f4b8e13a5"), projectNo,
                "113401210034512345205002001", "340121100004", "demo-340121100004-01",
                Instant.parse("2025-06-18T01:42:17.250Z"), "SEALED",
                Sm2.sm3("{\"sealed\":\"body\"}".getBytes(StandardCharsets.UTF_8)), "王*兰 340121********002X");
    }

    @Test
    void a_token_signed_by_a_terminal_verifies_against_its_own_key_with_every_field() {
        ReceiptToken token = sample(Optional.of("34012125061800123"));

        ReceiptTokenVerifier.Verified verified = new ReceiptTokenVerifier(TrustList.of(TERMINAL_A.getPublic()))
                .verify(SIGNER_A.sign(token));

        assertEquals(token, verified.token());
        assertEquals(Instant.parse("2025-06-18T01:42:17Z"), verified.token().issuedAt(), "whole seconds");
        assertEquals(Optional.of("34012125061800123"), verified.token().projectNo());
        assertEquals(KeyId.of(TERMINAL_A.getPublic()), verified.signer());
    }

    @Test
    void a_token_before_sync_has_no_project_number() {
        String text = SIGNER_A.sign(sample(Optional.empty()));

        ReceiptToken read = new ReceiptTokenVerifier(TrustList.of(TERMINAL_A.getPublic())).verify(text).token();

        assertEquals(Optional.empty(), read.projectNo());
    }

    @Test
    void the_token_is_prefixed_alphanumeric_and_small_enough_for_a_receipt_qr() {
        String text = SIGNER_A.sign(sample(Optional.of("34012125061800123")));

        assertTrue(text.startsWith("ZW1:"));
        assertTrue(text.substring(4).chars().allMatch(c -> Base45.ALPHABET.indexOf(c) >= 0), text);
        assertTrue(text.length() <= 420, text.length() + " characters");
    }

    @Test
    void the_payload_uses_integer_keys_and_the_signature_is_raw_64_bytes() {
        byte[] cbor = Base45.decode(SIGNER_A.sign(sample(Optional.empty())).substring(4));
        TokenCodec.Parts parts = TokenCodec.parts(cbor);

        assertEquals(0x83, cbor[0] & 0xFF, "a CBOR array of three");
        assertEquals(0xAA, parts.payload()[0] & 0xFF, "a map of ten pairs");
        assertEquals(0x01, parts.payload()[1], "key 1 as a CBOR integer");
        assertEquals(64, parts.signature().length);
        assertEquals(KeyId.of(TERMINAL_A.getPublic()), TokenCodec.kid(parts.protectedHeader()));
    }

    @Test
    void the_key_id_is_the_first_four_bytes_of_sm3_of_the_public_key_der() {
        byte[] sm3 = Sm2.sm3(TERMINAL_A.getPublic().getEncoded());

        assertArrayEquals(Arrays.copyOf(sm3, 4), KeyId.of(TERMINAL_A.getPublic()).bytes());
        assertEquals(8, KeyId.of(TERMINAL_A.getPublic()).toString().length());
    }

    @Test
    void a_terminal_that_trusts_the_county_list_verifies_another_terminals_token() {
        TrustList own = TrustList.of(TERMINAL_B.getPublic());
        TrustList county = TrustList.of(TERMINAL_A.getPublic(), Sm2.generateKeyPair().getPublic());
        String fromA = SIGNER_A.sign(sample(Optional.empty()));

        TokenException alone = assertThrows(TokenException.class, () -> new ReceiptTokenVerifier(own).verify(fromA));
        ReceiptToken read = new ReceiptTokenVerifier(TrustList.union(List.of(own, county))).verify(fromA).token();

        assertEquals(Reason.UNKNOWN_SIGNER, alone.reason());
        assertEquals("demo-340121100004-01", read.terminalId());
    }

    @Test
    void changing_any_single_character_of_a_token_is_detected() {
        String text = SIGNER_A.sign(sample(Optional.of("34012125061800123")));
        ReceiptTokenVerifier verifier = new ReceiptTokenVerifier(TrustList.of(TERMINAL_A.getPublic()));

        for (int i = 4; i < text.length(); i++) {
            char original = text.charAt(i);
            char other = Base45.ALPHABET.charAt((Base45.ALPHABET.indexOf(original) + 1) % 45);
            String altered = text.substring(0, i) + other + text.substring(i + 1);
            TokenException e = assertThrows(TokenException.class, () -> verifier.verify(altered), "position " + i);
            assertTrue(e.reason() != Reason.NOT_A_TOKEN, "position " + i);
        }
    }

    @Test
    void a_payload_rewritten_to_say_done_fails_the_signature() {
        String text = SIGNER_A.sign(sample(Optional.empty()));
        TokenCodec.Parts parts = TokenCodec.parts(Base45.decode(text.substring(4)));
        ReceiptToken genuine = TokenCodec.readPayload(parts.payload());
        ReceiptToken forged = new ReceiptToken(genuine.version(), genuine.type(), genuine.submissionId(),
                Optional.of("34012125061899999"), genuine.taskCode(), genuine.areaCode(), genuine.terminalId(),
                genuine.issuedAt(), "DONE", genuine.recordDigest(), genuine.applicantMask());
        String altered = "ZW1:" + Base45.encode(TokenCodec.token(parts.protectedHeader(),
                TokenCodec.payload(forged), parts.signature()));

        TokenException e = assertThrows(TokenException.class,
                () -> new ReceiptTokenVerifier(TrustList.of(TERMINAL_A.getPublic())).verify(altered));

        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void a_token_re_signed_by_an_untrusted_key_under_the_genuine_kid_fails_the_signature() {
        String text = SIGNER_A.sign(sample(Optional.empty()));
        TokenCodec.Parts parts = TokenCodec.parts(Base45.decode(text.substring(4)));
        byte[] forgedSignature = RawSignature.fromDer(Sm2.sign(TERMINAL_B.getPrivate(),
                TokenCodec.signedBytes(parts.protectedHeader(), parts.payload())));
        String forged = "ZW1:" + Base45.encode(TokenCodec.token(parts.protectedHeader(), parts.payload(),
                forgedSignature));

        TokenException e = assertThrows(TokenException.class,
                () -> new ReceiptTokenVerifier(TrustList.of(TERMINAL_A.getPublic())).verify(forged));

        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void other_qr_codes_and_garbage_are_refused_with_a_reason() {
        ReceiptTokenVerifier verifier = new ReceiptTokenVerifier(TrustList.of(TERMINAL_A.getPublic()));

        assertEquals(Reason.NOT_A_TOKEN, assertThrows(TokenException.class,
                () -> verifier.verify("https://zwfw.example/bj?id=1")).reason());
        assertEquals(Reason.NOT_A_TOKEN, assertThrows(TokenException.class, () -> verifier.verify(null)).reason());
        assertEquals(Reason.MALFORMED, assertThrows(TokenException.class, () -> verifier.verify("ZW1:abc")).reason());
        assertEquals(Reason.MALFORMED, assertThrows(TokenException.class,
                () -> verifier.verify("ZW1:" + Base45.encode(new byte[] {(byte) 0x83, 1, 2, 3}))).reason());
        assertEquals(Reason.MALFORMED, assertThrows(TokenException.class,
                () -> verifier.verify("ZW1:" + "0".repeat(3000))).reason());
    }

    @Test
    void a_full_id_number_can_never_go_into_a_token() {
        assertThrows(IllegalArgumentException.class, () -> ReceiptToken.receipt(UUID.randomUUID(), Optional.empty(),
                "t", "340121100004", "term", Instant.EPOCH, "SEALED", new byte[32], "王秀兰 34012119480312002X"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptToken.receipt(UUID.randomUUID(), Optional.empty(),
                "t", "340121100004", "term", Instant.EPOCH, "SEALED", new byte[32], "王秀兰 340121480312002"));
    }

    @Test
    void to_string_names_the_submission_but_never_the_applicant() {
        String shown = sample(Optional.empty()).toString();

        assertTrue(shown.contains("7f3c9a2e-5b1d-4e8a-9c61-0d2f4b8e13a5"));
        assertFalse(shown.contains("王") || shown.contains("340121********"), shown);
    }

    @Test
    void a_raw_signature_converts_back_to_a_der_signature_that_verifies() {
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            byte[] der = Sm2.sign(TERMINAL_A.getPrivate(), data);
            byte[] raw = RawSignature.fromDer(der);
            assertEquals(64, raw.length);
            assertTrue(Sm2.verify(TERMINAL_A.getPublic(), data, RawSignature.toDer(raw)));
        }
    }

    @Test
    void a_token_whose_signature_is_not_a_byte_string_is_malformed_and_not_a_crash() {
        // found by TokenPayloadFuzzTest (kept as crash-fcf7fa84…): a CBOR simple value read as a null signature
        byte[] cbor = Base45.decode(SIGNER_A.sign(sample(Optional.empty())).substring(4));
        byte[] unsigned = Arrays.copyOf(cbor, cbor.length - 65);
        unsigned[unsigned.length - 1] = (byte) 0xE2;

        TokenException e = assertThrows(TokenException.class, () -> new ReceiptTokenVerifier(
                TrustList.of(TERMINAL_A.getPublic())).verify("ZW1:" + Base45.encode(unsigned)));

        assertEquals(Reason.MALFORMED, e.reason());
    }
}
