package org.onetrip.store.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Toneless lowercase readings of characters, every reading of a polyphone (长 chang/zhang), {@code ü} written
 * {@code v} as on a keyboard. A character without a reading (a digit, a letter, punctuation) reads as itself,
 * lowercased.
 *
 * <p>The readings are pinyin4j's, taken once into {@code pinyin-readings.txt} (one line per character from
 * {@link #FIRST} to {@link #LAST}; {@code PinyinTable} in the tests writes it and checks it against pinyin4j):
 * 416 syllables shared by some 20 000 characters, well under a megabyte of heap where pinyin4j's own
 * dictionaries held some 20 MB for as long as the terminal ran.
 */
final class Pinyin {
    /** CJK Unified Ideographs Extension A … the end of the basic block: the characters pinyin4j knows. */
    static final char FIRST = '\u3400';
    static final char LAST = '\u9fff';
    private static final String TABLE = "pinyin-readings.txt";

    private Pinyin() {
    }

    /** The readings of {@code c}; the array is shared, callers do not change it. */
    static String[] readings(char c) {
        String[] r = c >= FIRST && c <= LAST ? Table.READINGS[c - FIRST] : null;
        return r != null ? r : new String[] {String.valueOf(Character.toLowerCase(c))};
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static final class Table {
        static final String[][] READINGS = read();

        private static String[][] read() {
            String[][] table = new String[LAST - FIRST + 1][];
            Map<String, String> syllables = new HashMap<>();
            try (InputStream in = Pinyin.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException(TABLE + " is missing from the jar");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                int i = 0;
                for (String line = lines.readLine(); line != null && i < table.length; line = lines.readLine(), i++) {
                    if (!line.isEmpty()) {
                        String[] r = line.split(",");
                        for (int k = 0; k < r.length; k++) {
                            r[k] = syllables.computeIfAbsent(r[k], s -> s);
                        }
                        table[i] = r;
                    }
                }
                if (i != table.length) {
                    throw new IllegalStateException(TABLE + " has " + i + " lines, not " + table.length);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return table;
        }
    }
}
