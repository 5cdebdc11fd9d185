package org.onetrip.store.catalog;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless lowercase readings of characters (pinyin4j), every reading of a polyphone (长 chang/zhang), {@code ü}
 * written {@code v} as on a keyboard. A character without a reading (a digit, a letter, punctuation) reads as
 * itself, lowercased.
 */
final class Pinyin {
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<Character, String[]> CACHE = new ConcurrentHashMap<>();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    static String[] readings(char c) {
        return CACHE.computeIfAbsent(c, Pinyin::compute);
    }

    private static String[] compute(char c) {
        String[] raw;
        try {
            raw = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin4j refused the output format", e);
        }
        if (raw == null || raw.length == 0) {
            return new String[] {String.valueOf(Character.toLowerCase(c))};
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String r : raw) {
            if (!r.isEmpty()) {
                unique.add(r);
            }
        }
        return unique.toArray(String[]::new);
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
