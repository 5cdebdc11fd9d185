package org.onetrip.hardware.idcard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdNumbersTest {
    /** The example of GB 11643-1999. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void the_check_character_of_the_standards_example_is_x() {
        assertEquals('X', IdNumbers.checkCharacter("11010519491231002"));
        assertEquals('X', IdNumbers.checkCharacter(STANDARD_EXAMPLE), "only the first 17 characters count");
    }

    @Test
    void check_characters_cover_digits_too() {
        // weighted sum 290; 290 mod 11 = 4 -> '8' in "10X98765432"
        assertEquals('8', IdNumbers.checkCharacter("34012119840827101"));
        assertTrue(IdNumbers.isValid("340121198408271018"));
        assertFalse(IdNumbers.isValid("34012119840827101X"));
    }

    @Test
    void a_number_with_the_right_check_character_is_valid_and_any_other_is_not() {
        assertTrue(IdNumbers.isValid(STANDARD_EXAMPLE));
        for (char wrong : "0123456789".toCharArray()) {
            assertFalse(IdNumbers.isValid("11010519491231002" + wrong), "check character " + wrong);
        }
    }

    @Test
    void a_lower_case_x_is_read_as_upper_case() {
        assertTrue(IdNumbers.isValid("11010519491231002x"));
    }

    @Test
    void numbers_of_the_wrong_length_or_with_letters_are_invalid() {
        assertFalse(IdNumbers.isValid("11010519491231002"), "17 characters");
        assertFalse(IdNumbers.isValid("11010519491231002X0"), "19 characters");
        assertFalse(IdNumbers.isValid("110105194912310"), "a first-generation 15-digit number");
        assertFalse(IdNumbers.isValid("1101051949123100AX"), "a letter among the digits");
        assertFalse(IdNumbers.isValid("X1010519491231002X"), "a letter first");
        assertFalse(IdNumbers.isValid(""));
        assertFalse(IdNumbers.isValid(null));
    }

    @Test
    void full_width_digits_are_invalid_rather_than_an_exception() {
        assertDoesNotThrow(() -> IdNumbers.isValid("１１０１０５１９４９１２３１００２X"));
        assertFalse(IdNumbers.isValid("１１０１０５１９４９１２３１００２X"));
        assertFalse(IdNumbers.isValid("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"));
    }

    @Test
    void the_check_character_needs_17_ascii_digits() {
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.checkCharacter("1101051949123100"));
        IllegalArgumentException letter = assertThrows(IllegalArgumentException.class,
                () -> IdNumbers.checkCharacter("1101051949123100A"));
        assertTrue(letter.getMessage().contains("17"), letter.getMessage());
    }

    @Test
    void a_number_is_masked_to_its_region_eight_stars_and_its_last_four() {
        assertEquals("110105********002X", IdNumbers.mask(STANDARD_EXAMPLE));
        assertEquals("110105********002X", IdNumbers.mask("11010519491231002x"));
        assertEquals("340121********1018", IdNumbers.mask("340121198408271018"));
    }

    @Test
    void anything_that_is_not_18_characters_is_masked_whole() {
        assertEquals("*".repeat(15), IdNumbers.mask("110105194912310"));
        assertEquals("", IdNumbers.mask(""));
        assertEquals("", IdNumbers.mask(null));
    }

    @Test
    void a_name_keeps_its_first_and_for_three_or_more_characters_its_last_character() {
        assertEquals("王", IdNumbers.maskName("王"));
        assertEquals("张*", IdNumbers.maskName("张三"));
        assertEquals("王*兰", IdNumbers.maskName("王秀兰"));
        assertEquals("欧**娜", IdNumbers.maskName("欧阳娜娜"));
        assertEquals("王*兰", IdNumbers.maskName(" 王秀兰 "));
        assertEquals("", IdNumbers.maskName("  "));
        assertEquals("", IdNumbers.maskName(null));
    }

    @Test
    void a_character_outside_the_basic_plane_counts_as_one_character() {
        assertEquals("𠮷*", IdNumbers.maskName("𠮷明"));
        assertEquals("王*𠮷", IdNumbers.maskName("王秀𠮷"));
        assertEquals("吉*", IdNumbers.maskName("吉𠮷"));
        assertEquals("𠮷", IdNumbers.maskName("𠮷"));
        assertEquals("李**华", IdNumbers.maskName("李𠮷𠮷华"));
    }
}
