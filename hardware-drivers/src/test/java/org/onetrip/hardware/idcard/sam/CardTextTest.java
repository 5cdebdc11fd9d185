package org.onetrip.hardware.idcard.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.idcard.IdentityCard;

/** Both card layouts, the GB 3304 table, "长期", and the checks that make a card untrusted. */
class CardTextTest {
    private static final String ID = "11010519491231002X"; // the GB 11643 sample number

    @Test
    void a_resident_card_decodes_every_field() {
        IdentityCard c = CardText.decode(TestCards.residentText("张三", "1", "03", "19491231", "北京市海淀区某路1号",
                ID, "北京市公安局海淀分局", "20100101", "20300101")).card();
        assertEquals(IdentityCard.CardType.RESIDENT, c.type());
        assertEquals("张三", c.name());
        assertEquals("男", c.sex());
        assertEquals("回", c.nation());
        assertEquals(LocalDate.of(1949, 12, 31), c.birthDate());
        assertEquals("北京市海淀区某路1号", c.address());
        assertEquals(ID, c.idNumber());
        assertEquals("北京市公安局海淀分局", c.issuer());
        assertEquals(LocalDate.of(2010, 1, 1), c.validFrom());
        assertEquals(Optional.of(LocalDate.of(2030, 1, 1)), c.validUntil());
    }

    @Test
    void a_long_term_card_has_no_end_date() {
        IdentityCard c = CardText.decode(TestCards.residentText(TestCards.wang())).card();
        assertEquals(Optional.empty(), c.validUntil());
        assertEquals(TestCards.wang(), c);
    }

    @Test
    void a_lower_case_x_check_character_is_accepted_and_shown_upper_case() {
        IdentityCard c = CardText.decode(TestCards.residentText("张三", "2", "01", "19491231", "北京", ID.toLowerCase(),
                "某局", "20100101", "长期")).card();
        assertEquals(ID, c.idNumber());
        assertEquals("女", c.sex());
    }

    @Test
    void the_nation_table_is_gb_3304() {
        assertEquals(Optional.of("汉"), Nations.name("01"));
        assertEquals(Optional.of("德昂"), Nations.name("46"));
        assertEquals(Optional.of("基诺"), Nations.name("56"));
        assertEquals(Optional.of("外国血统中国籍人士"), Nations.name("98"));
        assertEquals(Optional.empty(), Nations.name("57"));
        assertEquals(Optional.empty(), Nations.name("x1"));
    }

    @Test
    void a_number_failing_its_check_character_is_rejected_without_repeating_it() {
        CardDataException e = assertThrows(CardDataException.class, () -> CardText.decode(TestCards.residentText(
                "张三", "1", "01", "19491231", "北京", "110105194912310021", "某局", "20100101", "长期")));
        assertTrue(e.getMessage().contains("GB 11643"), e.getMessage());
        assertFalse(e.getMessage().contains("1101051949"), "no resident data in messages");
    }

    @Test
    void a_number_whose_birth_date_differs_from_the_birth_field_is_rejected() {
        assertThrows(CardDataException.class, () -> CardText.decode(TestCards.residentText("张三", "1", "01",
                "19491230", "北京", ID, "某局", "20100101", "长期")));
    }

    @Test
    void impossible_dates_and_unknown_nations_are_rejected() {
        assertThrows(CardDataException.class, () -> CardText.decode(TestCards.residentText("张三", "1", "01",
                "19491231", "北京", ID, "某局", "20100231", "长期")));
        assertThrows(CardDataException.class, () -> CardText.decode(TestCards.residentText("张三", "1", "77",
                "19491231", "北京", ID, "某局", "20100101", "长期")));
        assertThrows(CardDataException.class, () -> CardText.decode(TestCards.residentText("", "1", "01",
                "19491231", "北京", ID, "某局", "20100101", "长期")));
        assertThrows(CardDataException.class, () -> CardText.decode(new byte[100]));
    }

    @Test
    void a_2017_foreign_permanent_resident_card_is_told_by_its_type_flag() {
        CardText.Decoded d = CardText.decode(TestCards.foreignText());
        IdentityCard c = d.card();
        assertEquals(IdentityCard.CardType.FOREIGN_PERMANENT_RESIDENT, c.type());
        assertEquals("史密斯", c.name());
        assertEquals(Optional.of("SMITH JOHN"), d.englishName());
        assertEquals("男", c.sex());
        assertEquals("CAN110075061501", c.idNumber());
        assertEquals("CAN", c.nation());
        assertEquals(LocalDate.of(1975, 6, 15), c.birthDate());
        assertEquals(LocalDate.of(2017, 6, 1), c.validFrom());
        assertEquals(Optional.of(LocalDate.of(2027, 5, 31)), c.validUntil());
        assertEquals(Optional.of("01"), d.versionCode());
    }

    @Test
    void a_foreign_card_without_a_chinese_name_goes_by_its_english_one() {
        IdentityCard c = CardText.decode(TestCards.foreignText("DOE JANE", "2", "USA110075061502", "USA", "",
                "20170601", "20270531", "19800101")).card();
        assertEquals("DOE JANE", c.name());
    }

    @Test
    void a_malformed_foreign_number_is_rejected() {
        assertThrows(CardDataException.class, () -> CardText.decode(TestCards.foreignText("DOE JANE", "2",
                "US1100750615020", "USA", "", "20170601", "20270531", "19800101")));
    }

    @Test
    void card_layouts_we_do_not_decode_are_named_not_guessed() {
        byte[] text = TestCards.foreignText();
        text[248] = 'Y';
        CardDataException e = assertThrows(CardDataException.class, () -> CardText.decode(text));
        assertTrue(e.getMessage().contains("'Y'"), e.getMessage());
    }

    @Test
    void the_latest_non_blank_appended_address_wins() {
        assertEquals(Optional.of("新地址2号"), CardText.latestAppendedAddress(TestCards.appendedAddresses("旧地址1号", "新地址2号", "")));
        assertEquals(Optional.empty(), CardText.latestAppendedAddress(new byte[0]));
    }
}
