package org.onetrip.store.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

class PinHashTest {
    @Test
    void the_right_pin_matches_and_a_wrong_or_missing_one_does_not() {
        PinHash hash = PinHash.of("246810", PinHash.MIN_ITERATIONS, new Random(1));
        assertTrue(hash.matches("246810"));
        assertFalse(hash.matches("246811"));
        assertFalse(hash.matches(""));
        assertFalse(hash.matches(null));
    }

    @Test
    void the_hash_is_pbkdf2_hmac_sha256_of_the_pin_with_its_salt_as_rfc_8018_defines_it() throws Exception {
        PinHash hash = PinHash.of("135790", PinHash.MIN_ITERATIONS, new Random(2));
        PBEKeySpec spec = new PBEKeySpec("135790".toCharArray(), hash.salt(), PinHash.MIN_ITERATIONS, 256);
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(hash.hash()));
    }

    @Test
    void each_member_gets_a_salt_of_their_own_so_equal_pins_hash_differently() {
        Random random = new Random(3);
        PinHash a = PinHash.of("246810", PinHash.MIN_ITERATIONS, random);
        PinHash b = PinHash.of("246810", PinHash.MIN_ITERATIONS, random);
        assertNotEquals(a.encoded(), b.encoded());
    }

    @Test
    void the_encoded_form_parses_back_to_the_same_hash_and_never_shows_it_in_to_string() {
        PinHash hash = PinHash.of("246810", PinHash.MIN_ITERATIONS, new Random(4));
        String text = hash.encoded();
        assertTrue(text.startsWith("pbkdf2-sha256$100000$"), text);
        assertEquals(hash, PinHash.parse(text));
        assertTrue(PinHash.parse(text).matches("246810"));
        assertFalse(hash.toString().contains(text.substring(text.lastIndexOf('$') + 1)));
    }

    @Test
    void a_hash_with_fewer_than_100k_iterations_or_another_scheme_is_refused() {
        String weak = "pbkdf2-sha256$1000$" + java.util.Base64.getEncoder().encodeToString(new byte[16]) + "$"
                + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PinHash.parse(weak)).getMessage()
                .contains("at least 100000"));
        assertThrows(IllegalArgumentException.class, () -> PinHash.parse("sm3$" + HexFormat.of().formatHex(
                "x".getBytes(StandardCharsets.UTF_8))));
    }
}
