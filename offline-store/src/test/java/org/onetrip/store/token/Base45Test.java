package org.onetrip.store.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9285's own examples (§4.3, §4.4) and the invalid inputs its §4.2 rules out. */
class Base45Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AB|BB8",
            "Hello!!|%69 VD92EX0",
            "base-45|UJCLQE7W581",
            "ietf!|QED8WEX0"})
    void the_rfc_examples_encode_and_decode(String text, String base45) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertEquals(base45, Base45.encode(bytes));
        assertArrayEquals(bytes, Base45.decode(base45));
    }

    @Test
    void empty_input_is_empty_output() {
        assertEquals("", Base45.encode(new byte[0]));
        assertArrayEquals(new byte[0], Base45.decode(""));
    }

    @Test
    void random_bytes_survive_the_round_trip_and_stay_in_the_qr_alphanumeric_set() {
        Random random = new Random(9285);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String text = Base45.encode(data);
            assertEquals(length / 2 * 3 + length % 2 * 2, text.length());
            text.chars().forEach(c -> assertEquals(true, Base45.ALPHABET.indexOf(c) >= 0));
            assertArrayEquals(data, Base45.decode(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GGW", "A", "BB8A", "ab8", "BB~", "::", "中文"})
    void invalid_base45_is_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Base45.decode(text));
    }
}
