package org.onetrip.hardware.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdentityCardTest {
    @Test
    void a_resident_card_with_a_wrong_check_character_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resident("王秀兰", "110105194912310021"));

        assertTrue(e.getMessage().contains("check character"), e.getMessage());
        assertFalse(e.getMessage().contains("110105194912310021"), "the message does not repeat the number");
    }

    @Test
    void a_foreign_permanent_residents_number_follows_other_rules_and_is_not_checked_here() {
        IdentityCard card = new IdentityCard(IdentityCard.CardType.FOREIGN_PERMANENT_RESIDENT, "SMITH JOHN", "男",
                "USA", LocalDate.of(1980, 1, 1), "", "911100198001010011", "国家移民管理局",
                LocalDate.of(2023, 12, 1), Optional.of(LocalDate.of(2033, 12, 1)));

        assertFalse(IdNumbers.isValid(card.idNumber()), "the number fails the resident check character");
        assertEquals(IdentityCard.CardType.FOREIGN_PERMANENT_RESIDENT, card.type());
    }

    @Test
    void its_string_form_never_shows_the_name_or_the_number() {
        IdentityCard card = resident("王秀兰", "11010519491231002X");

        String text = card.toString();

        assertFalse(text.contains("王秀兰"), text);
        assertFalse(text.contains("秀"), text);
        assertFalse(text.contains("11010519491231002X"), text);
        assertFalse(text.contains("19491231"), "nothing of the birth date: " + text);
        assertFalse(text.contains("北京市"), "nor the address: " + text);
        assertEquals("IdentityCard[RESIDENT, 110105********002X]", text);
        assertFalse(String.valueOf(List.of(card)).contains("王秀兰"), "not even inside a collection");
    }

    @Test
    void it_offers_the_masked_forms_for_screen_and_paper() {
        IdentityCard card = resident("王秀兰", "11010519491231002X");

        assertEquals("110105********002X", card.maskedIdNumber());
        assertEquals("王*兰", card.maskedName());
    }

    @Test
    void a_card_without_an_end_of_validity_is_long_term() {
        IdentityCard card = new IdentityCard(IdentityCard.CardType.RESIDENT, "王秀兰", "女", "汉",
                LocalDate.of(1949, 12, 31), "北京市朝阳区", "11010519491231002X", "北京市公安局朝阳分局",
                LocalDate.of(2010, 1, 1), null);

        assertEquals(Optional.empty(), card.validUntil());
    }

    @Test
    void the_demo_cards_are_valid_distinct_residents_of_changfeng_county() {
        List<IdentityCard> cards = DemoCards.all();
        Set<String> numbers = new HashSet<>();

        assertEquals(3, cards.size());
        for (IdentityCard card : cards) {
            assertTrue(IdNumbers.isValid(card.idNumber()), card.maskedIdNumber());
            assertTrue(card.idNumber().startsWith("340121"), card.maskedIdNumber());
            assertEquals(card.birthDate().toString().replace("-", ""), card.idNumber().substring(6, 14));
            assertEquals(IdentityCard.CardType.RESIDENT, card.type());
            assertTrue(numbers.add(card.idNumber()), "two demo cards share a number");
            boolean oddSequence = (card.idNumber().charAt(16) - '0') % 2 == 1;
            assertEquals(oddSequence ? "男" : "女", card.sex(), "GB 11643: the 17th digit is odd for men");
        }
    }

    private static IdentityCard resident(String name, String number) {
        return new IdentityCard(IdentityCard.CardType.RESIDENT, name, "女", "汉", LocalDate.of(1949, 12, 31),
                "北京市朝阳区某街1号", number, "北京市公安局朝阳分局", LocalDate.of(2010, 1, 1),
                Optional.of(LocalDate.of(2030, 1, 1)));
    }
}
