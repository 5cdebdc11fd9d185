package org.onetrip.store.catalog;

/**
 * A phrase prepared for pinyin matching: per character its readings, and a mask of the letters those readings
 * contain, so most phrases are rejected by one AND before any matching.
 *
 * <p>A query matches when it can be read, from some character on, as consecutive characters each typed as its
 * full reading or its initial ({@code zh ch sh} or the first letter), the last one possibly cut short:
 * {@code ylbx}, {@code yiliaobaoxian}, {@code yiliaob} and {@code ylbaoxian} all find 医疗保险.
 */
final class PinyinTerm {
    private final String[][] readings;
    private final int letters;

    PinyinTerm(String text) {
        readings = new String[text.length()][];
        int mask = 0;
        for (int i = 0; i < text.length(); i++) {
            readings[i] = Pinyin.readings(text.charAt(i));
            for (String r : readings[i]) {
                mask |= letterMask(r);
            }
        }
        letters = mask;
    }

    int letters() {
        return letters;
    }

    static int letterMask(String s) {
        int mask = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                mask |= 1 << (c - 'a');
            }
        }
        return mask;
    }

    /** The position of the first character the query matches from, or -1. */
    int match(String query, int queryLetters) {
        if ((queryLetters & letters) != queryLetters) {
            return -1;
        }
        char first = query.charAt(0);
        for (int start = 0; start < readings.length; start++) {
            if (startsWith(readings[start], first) && matchFrom(query, 0, start)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean startsWith(String[] options, char c) {
        for (String r : options) {
            if (r.charAt(0) == c) {
                return true;
            }
        }
        return false;
    }

    private boolean matchFrom(String q, int k, int pos) {
        if (k == q.length()) {
            return true;
        }
        if (pos == readings.length) {
            return false;
        }
        int rest = q.length() - k;
        for (String r : readings[pos]) {
            if (rest <= r.length() && r.regionMatches(0, q, k, rest)) {
                return true;
            }
            if (q.startsWith(r, k) && matchFrom(q, k + r.length(), pos + 1)) {
                return true;
            }
            if (r.length() > 1 && q.charAt(k) == r.charAt(0) && matchFrom(q, k + 1, pos + 1)) {
                return true;
            }
            int initial = initialLength(r);
            if (initial == 2 && r.length() > 2 && r.regionMatches(0, q, k, 2)
                    && matchFrom(q, k + 2, pos + 1)) {
                return true;
            }
        }
        return false;
    }

    private static int initialLength(String r) {
        if (r.length() > 2 && r.charAt(1) == 'h' && (r.charAt(0) == 'z' || r.charAt(0) == 'c' || r.charAt(0) == 's')) {
            return 2;
        }
        return 1;
    }
}
