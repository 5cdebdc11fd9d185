package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionCodeTest {
    @Test
    void each_of_the_five_levels_is_read_from_the_zero_padding() {
        assertEquals(Level.PROVINCE, RegionCode.of("340000000000").level());
        assertEquals(Level.CITY, RegionCode.of("340100000000").level());
        assertEquals(Level.COUNTY, RegionCode.of("340121000000").level());
        assertEquals(Level.TOWNSHIP, RegionCode.of("340121100000").level());
        assertEquals(Level.VILLAGE, RegionCode.of("340121100004").level());
    }

    @Test
    void a_village_chain_is_its_five_codes_province_first() {
        assertEquals(List.of(RegionCode.of("340000000000"), RegionCode.of("340100000000"),
                        RegionCode.of("340121000000"), RegionCode.of("340121100000"), RegionCode.of("340121100004")),
                RegionCode.of("340121100004").chain());
    }

    @Test
    void a_county_chain_stops_at_the_county() {
        assertEquals(List.of(RegionCode.of("340000000000"), RegionCode.of("340100000000"),
                RegionCode.of("340121000000")), RegionCode.of("340121000000").chain());
        assertEquals(List.of(RegionCode.of("340000000000")), RegionCode.of("340000000000").chain());
    }

    @Test
    void a_code_is_within_each_of_its_ancestors_and_not_within_a_sibling() {
        RegionCode village = RegionCode.of("340121100004");

        assertTrue(village.isWithin(RegionCode.of("340000000000")));
        assertTrue(village.isWithin(RegionCode.of("340121100000")));
        assertTrue(village.isWithin(village));
        assertFalse(village.isWithin(RegionCode.of("340122000000")));
        assertFalse(RegionCode.of("340121000000").isWithin(village));
    }

    @Test
    void malformed_codes_are_refused_with_the_code_in_the_message() {
        IllegalArgumentException eleven = assertThrows(IllegalArgumentException.class,
                () -> RegionCode.of("34012110000"));
        assertTrue(eleven.getMessage().contains("34012110000"), eleven.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of("3401211000040"));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of("34012110000A"));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of("３４０１２１１００００４"));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of(" 340121100004"));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of(null));
        IllegalArgumentException noProvince = assertThrows(IllegalArgumentException.class,
                () -> RegionCode.of("000121100004"));
        assertTrue(noProvince.getMessage().contains("province"), noProvince.getMessage());
    }

    @Test
    void it_prints_as_the_bare_code() {
        assertEquals("340121100004", RegionCode.of("340121100004").toString());
    }
}
