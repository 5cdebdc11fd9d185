package org.onetrip.store.uplink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestSignatureTest {
    private static final KeyPair KEYS = Sm2.generateKeyPair();
    private static final String DATE = "Mon, 2 Mar 2026 01:00:00 GMT";
    private static final String PATH = "/api/v1/submissions";
    private static final byte[] BODY = "{\"submissionId\":\"x\",\"name\":\"王秀兰\"}".getBytes(StandardCharsets.UTF_8);

    /** GB/T 32905-2016, example 1: SM3("abc"). */
    private static final String SM3_OF_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    /** SM3 of zero bytes. */
    private static final String SM3_OF_EMPTY = "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";

    @Test
    void sm3_matches_the_standards_example() {
        assertEquals(SM3_OF_ABC, Sm2.sm3Hex("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(SM3_OF_EMPTY, Sm2.sm3Hex(new byte[0]));
    }

    @Test
    void the_canonical_form_is_method_path_date_and_body_hash_on_four_lines() {
        assertEquals("POST\n/api/v1/submissions\n" + DATE + "\n" + Sm2.sm3Hex(BODY),
                new String(RequestSignature.canonical("POST", PATH, DATE, BODY), StandardCharsets.UTF_8));
    }

    @Test
    void an_empty_or_absent_body_hashes_as_empty() {
        String expected = "GET\n/api/v1/status?since=3\n" + DATE + "\n" + SM3_OF_EMPTY;

        assertEquals(expected, new String(RequestSignature.canonical("GET", "/api/v1/status?since=3", DATE, new byte[0]),
                StandardCharsets.UTF_8));
        assertArrayEquals(RequestSignature.canonical("GET", "/api/v1/status?since=3", DATE, new byte[0]),
                RequestSignature.canonical("GET", "/api/v1/status?since=3", DATE, null));
    }

    @Test
    void a_signature_verifies_with_the_matching_public_key() {
        String signature = RequestSignature.sign(KEYS.getPrivate(), "POST", PATH, DATE, BODY);

        assertTrue(RequestSignature.verify(KEYS.getPublic(), signature, "POST", PATH, DATE, BODY));
        assertTrue(RequestSignature.verify(KEYS.getPublic(), signature, "POST", PATH, DATE, BODY.clone()));
    }

    @Test
    void a_signature_does_not_verify_when_any_signed_part_changes() {
        String signature = RequestSignature.sign(KEYS.getPrivate(), "POST", PATH, DATE, BODY);
        byte[] changedBody = BODY.clone();
        changedBody[changedBody.length - 2] ^= 1;

        assertFalse(RequestSignature.verify(KEYS.getPublic(), signature, "PUT", PATH, DATE, BODY), "method");
        assertFalse(RequestSignature.verify(KEYS.getPublic(), signature, "POST", PATH + "?x=1", DATE, BODY), "path");
        assertFalse(RequestSignature.verify(KEYS.getPublic(), signature, "POST", PATH, "Mon, 2 Mar 2026 01:00:01 GMT",
                BODY), "date");
        assertFalse(RequestSignature.verify(KEYS.getPublic(), signature, "POST", PATH, DATE, changedBody), "body");
        assertFalse(RequestSignature.verify(KEYS.getPublic(), signature, "POST", PATH, DATE, new byte[0]), "no body");
        assertFalse(RequestSignature.verify(Sm2.generateKeyPair().getPublic(), signature, "POST", PATH, DATE, BODY),
                "another terminal's key");
    }

    @Test
    void garbage_instead_of_a_signature_is_a_plain_no() {
        String notBase64 = "this is not base64!";
        String base64OfGarbage = Base64.getEncoder().encodeToString("garbage".getBytes(StandardCharsets.US_ASCII));
        String truncated = RequestSignature.sign(KEYS.getPrivate(), "POST", PATH, DATE, BODY).substring(0, 20);

        assertFalse(RequestSignature.verify(KEYS.getPublic(), notBase64, "POST", PATH, DATE, BODY));
        assertFalse(RequestSignature.verify(KEYS.getPublic(), base64OfGarbage, "POST", PATH, DATE, BODY));
        assertFalse(RequestSignature.verify(KEYS.getPublic(), truncated, "POST", PATH, DATE, BODY));
        assertFalse(RequestSignature.verify(KEYS.getPublic(), "", "POST", PATH, DATE, BODY));
    }

    @Test
    void two_signatures_of_the_same_request_differ_but_both_verify() {
        String one = RequestSignature.sign(KEYS.getPrivate(), "POST", PATH, DATE, BODY);
        String two = RequestSignature.sign(KEYS.getPrivate(), "POST", PATH, DATE, BODY);

        assertNotEquals(one, two, "SM2 signatures are randomised");
        assertTrue(RequestSignature.verify(KEYS.getPublic(), two, "POST", PATH, DATE, BODY));
    }

    @Test
    void keys_survive_their_pem_form() {
        KeyPair parsed = new KeyPair(Sm2.parsePublicKey(Sm2.publicKeyPem(KEYS.getPublic())),
                Sm2.parsePrivateKey(Sm2.privateKeyPem(KEYS.getPrivate())));
        String signature = RequestSignature.sign(parsed.getPrivate(), "GET", "/api/v1/status", DATE, null);

        assertTrue(Sm2.publicKeyPem(KEYS.getPublic()).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(RequestSignature.verify(KEYS.getPublic(), signature, "GET", "/api/v1/status", DATE, null));
        assertThrows(CryptoException.class, () -> Sm2.parsePublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n"));
        assertThrows(CryptoException.class, () -> Sm2.parsePrivateKey(Sm2.publicKeyPem(KEYS.getPublic())));
    }

    @Test
    void the_date_header_is_rfc_1123_in_gmt_and_parses_back() {
        Instant at = Instant.parse("2026-03-02T01:00:00Z");

        assertEquals(DATE, RequestSignature.httpDate(at));
        assertEquals(Optional.of(at), RequestSignature.parseHttpDate(DATE));
        assertEquals(Optional.empty(), RequestSignature.parseHttpDate("2026-03-02T01:00:00Z"));
        assertEquals(Optional.empty(), RequestSignature.parseHttpDate(null));
    }
}
