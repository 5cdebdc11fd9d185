package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PinyinTableTest {
    @Test
    void the_shipped_table_is_exactly_what_pinyin4j_reads() throws IOException {
        String shipped;
        try (InputStream in = Pinyin.class.getResourceAsStream("pinyin-readings.txt")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(PinyinTable.table(), shipped, "regenerate it with the command in PinyinTable's comment");
    }

    @Test
    void every_character_reads_as_pinyin4j_reads_it_and_others_read_as_themselves() {
        for (char c = Pinyin.FIRST; c <= Pinyin.LAST; c++) {
            var expected = PinyinTable.pinyin4j(c);
            String[] readings = Pinyin.readings(c);
            if (expected.isEmpty()) {
                assertArrayEquals(new String[] {String.valueOf(c)}, readings);
            } else {
                assertArrayEquals(expected.toArray(String[]::new), readings, "U+" + Integer.toHexString(c));
            }
        }
        assertArrayEquals(new String[] {"zhang", "chang"}, Pinyin.readings('长'));
        assertArrayEquals(new String[] {"lv", "lu"}, Pinyin.readings('绿'));
        assertArrayEquals(new String[] {"a"}, Pinyin.readings('A'));
        assertArrayEquals(new String[] {"7"}, Pinyin.readings('7'));
    }
}
