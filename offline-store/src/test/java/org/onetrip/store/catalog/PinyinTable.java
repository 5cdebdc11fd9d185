package org.onetrip.store.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Writes {@code pinyin-readings.txt}, the table the kiosk reads pinyin from, out of pinyin4j (which then need not
 * ship: its dictionaries cost a running terminal ~20 MB of heap). One line per character from
 * {@link Pinyin#FIRST} to {@link Pinyin#LAST}: its toneless readings, comma-separated, or nothing.
 * <pre>bench/run.sh offline-store org.onetrip.store.catalog.PinyinTable offline-store/src/main/resources/org/onetrip/store/catalog/pinyin-readings.txt</pre>
 */
public final class PinyinTable {
    private PinyinTable() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), table(), StandardCharsets.UTF_8);
    }

    static String table() {
        StringBuilder out = new StringBuilder();
        for (char c = Pinyin.FIRST; c <= Pinyin.LAST; c++) {
            out.append(String.join(",", pinyin4j(c))).append('\n');
        }
        return out.toString();
    }

    /** pinyin4j's readings as the kiosk used them: toneless, lowercase, ü as v, each once, in pinyin4j's order. */
    static Set<String> pinyin4j(char c) {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        Set<String> unique = new LinkedHashSet<>();
        try {
            String[] raw = PinyinHelper.toHanyuPinyinStringArray(c, format);
            if (raw != null) {
                for (String r : raw) {
                    if (!r.isEmpty()) {
                        unique.add(r);
                    }
                }
            }
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        return unique;
    }
}
