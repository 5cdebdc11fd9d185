package org.onetrip.store.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Search a villager can use, over one catalog, in memory: Chinese substrings of the item name; pinyin in full,
 * by initials or mixed ({@code ylbx}, {@code yanglao}, {@code dibao}); everyday words and synonyms (低保,
 * 养老金) from {@link Synonyms}; themes and departments. Several words separated by spaces must all match.
 *
 * <p>Ranking: items whose name (or its pinyin, or an everyday word for it) matches come before those found only
 * by theme or department; within that, high-frequency items first, then the nearest level (village before
 * township … before province), then the better match, then the name. Immutable and thread-safe; built once per
 * catalog.
 */
public final class CatalogSearch {
    private static final int STRONG = 60;
    private static final int RANK_BITS = 24;

    /** Entries in the order of {@link Catalog#OFFER_ORDER}: an entry's index is its rank among equals. */
    private final Entry[] entries;
    private final Map<RegionCode, long[]> offered = new ConcurrentHashMap<>();
    /** Bitsets over ranks: entries whose name, everyday words, department or themes contain a Han character. */
    private final Map<Character, long[]> byHan = new HashMap<>();
    /** Entries whose pinyin (of name or an everyday word) contains a letter. */
    private final long[][] byLetter = new long[26][];
    private final Map<String, long[]> byWord = new HashMap<>();
    private final Map<String, long[]> byTheme = new HashMap<>();
    private final int words;
    /** The last search's matches, to narrow the next keystroke's (typing on adds letters to the last word). */
    private final AtomicReference<Last> last = new AtomicReference<>();

    private record Last(RegionCode terminal, String theme, List<String> tokens, long[] matched) {
        /** True when every match of {@code next} is a match of this search: the same words, the last one longer in pinyin. */
        boolean narrows(RegionCode t, String th, List<Token> next) {
            if (!terminal.equals(t) || !java.util.Objects.equals(theme, th) || next.size() != tokens.size()
                    || tokens.isEmpty()) {
                return false;
            }
            for (int i = 0; i < next.size() - 1; i++) {
                if (!next.get(i).text.equals(tokens.get(i))) {
                    return false;
                }
            }
            Token tail = next.getLast();
            return tail.latin && tail.text.startsWith(tokens.getLast());
        }
    }

    private record Entry(ServiceItem item, String name, List<String> words, PinyinTerm namePinyin,
                         List<PinyinTerm> wordPinyin, String department, List<String> themes, int hfNear) {
    }

    /** One result page: the best {@code limit} items and how many matched in all. */
    public record Result(List<ServiceItem> items, int total) {
    }

    public CatalogSearch(Catalog catalog, Synonyms synonyms) {
        List<ServiceItem> ordered = new ArrayList<>(catalog.items());
        ordered.sort(Catalog.OFFER_ORDER.thenComparing(ServiceItem::taskCode));
        if (ordered.size() >= 1 << RANK_BITS) {
            throw new CatalogException("catalog " + catalog.version() + " has more items than search can rank");
        }
        entries = new Entry[ordered.size()];
        for (int i = 0; i < entries.length; i++) {
            ServiceItem item = ordered.get(i);
            List<String> words = synonyms.wordsFor(item.name());
            int hfNear = (item.highFrequency() ? 0 : 5) + (Level.VILLAGE.ordinal() - item.level().ordinal());
            entries[i] = new Entry(item, item.name(), words, new PinyinTerm(item.name()),
                    words.stream().map(PinyinTerm::new).toList(), item.department(), item.themes(), hfNear);
        }
        this.words = (entries.length + 63) / 64;
        for (int c = 0; c < 26; c++) {
            byLetter[c] = new long[this.words];
        }
        for (int i = 0; i < entries.length; i++) {
            Entry e = entries[i];
            StringBuilder text = new StringBuilder(e.name).append(e.department);
            e.words.forEach(text::append);
            e.themes.forEach(text::append);
            for (int k = 0; k < text.length(); k++) {
                if (Pinyin.isHan(text.charAt(k))) {
                    set(byHan.computeIfAbsent(text.charAt(k), c -> new long[this.words]), i);
                }
            }
            int mask = e.namePinyin.letters();
            for (PinyinTerm w : e.wordPinyin) {
                mask |= w.letters();
            }
            for (int c = 0; c < 26; c++) {
                if ((mask & (1 << c)) != 0) {
                    set(byLetter[c], i);
                }
            }
            for (String w : e.words) {
                set(byWord.computeIfAbsent(w, x -> new long[this.words]), i);
            }
            for (String t : e.themes) {
                set(byTheme.computeIfAbsent(t, x -> new long[this.words]), i);
            }
        }
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    private static void and(long[] into, long[] other) {
        for (int w = 0; w < into.length; w++) {
            into[w] &= other == null ? 0 : other[w];
        }
    }

    /** Entries that can match {@code t}: a superset, checked exactly by {@link Token#score}. */
    private long[] candidates(Token t) {
        long[] c = new long[words];
        Arrays.fill(c, -1L);
        if (t.latin) {
            for (int k = 0; k < t.text.length(); k++) {
                and(c, byLetter[t.text.charAt(k) - 'a']);
            }
        } else if (t.han) {
            for (int k = 0; k < t.text.length(); k++) {
                if (Pinyin.isHan(t.text.charAt(k))) {
                    and(c, byHan.get(t.text.charAt(k)));
                }
            }
            byWord.forEach((w, bits) -> {
                if (t.text.contains(w)) {
                    for (int i = 0; i < c.length; i++) {
                        c[i] |= bits[i];
                    }
                }
            });
        }
        return c;
    }

    /**
     * The items offered at {@code terminal} that match {@code query} (blank: all) within {@code theme} (null or
     * blank: any), best first.
     */
    public Result search(String query, RegionCode terminal, String theme, int limit) {
        List<Token> tokens = tokens(query);
        Last previous = last.get();
        long[] cand = previous != null && previous.narrows(terminal, theme, tokens) ? previous.matched.clone()
                : offered.computeIfAbsent(terminal, this::offeredAt).clone();
        long[] matched = new long[words];
        if (theme != null && !theme.isBlank()) {
            and(cand, byTheme.get(theme));
        }
        for (Token t : tokens) {
            and(cand, candidates(t));
        }
        TopKeys best = new TopKeys(Math.max(limit, 0));
        int total = 0;
        for (int w = 0; w < cand.length; w++) {
          for (long bits = cand[w]; bits != 0; bits &= bits - 1) {
            int rank = (w << 6) + Long.numberOfTrailingZeros(bits);
            Entry e = entries[rank];
            int score = 0;
            for (Token t : tokens) {
                int s = t.score(e);
                if (s == 0) {
                    score = -1;
                    break;
                }
                score += s;
            }
            if (score < 0) {
                continue;
            }
            total++;
            set(matched, rank);
            score = tokens.isEmpty() ? 100 : score / tokens.size();
            long key = ((long) (score >= STRONG ? 0 : 1) << 40) | ((long) e.hfNear << 32)
                    | ((long) (255 - Math.min(score, 255)) << RANK_BITS) | rank;
            best.offer(key);
          }
        }
        last.set(new Last(terminal, theme, tokens.stream().map(Token::text).toList(), matched));
        long[] keys = best.sorted();
        List<ServiceItem> items = new ArrayList<>(keys.length);
        for (long key : keys) {
            items.add(entries[(int) (key & ((1 << RANK_BITS) - 1))].item);
        }
        return new Result(List.copyOf(items), total);
    }

    private long[] offeredAt(RegionCode terminal) {
        Set<RegionCode> chain = Set.copyOf(terminal.chain());
        long[] bits = new long[words];
        for (int i = 0; i < entries.length; i++) {
            if (chain.contains(entries[i].item.regionCode())) {
                set(bits, i);
            }
        }
        return bits;
    }

    /** The smallest keys offered, kept in a bounded max-heap of primitives (no boxing per candidate). */
    private static final class TopKeys {
        private final long[] heap;
        private int size;

        TopKeys(int capacity) {
            heap = new long[capacity];
        }

        void offer(long key) {
            if (heap.length == 0) {
                return;
            }
            if (size < heap.length) {
                heap[size] = key;
                int i = size++;
                while (i > 0 && heap[(i - 1) / 2] < heap[i]) {
                    swap(i, (i - 1) / 2);
                    i = (i - 1) / 2;
                }
            } else if (key < heap[0]) {
                heap[0] = key;
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    int r = l + 1;
                    int max = i;
                    if (l < size && heap[l] > heap[max]) {
                        max = l;
                    }
                    if (r < size && heap[r] > heap[max]) {
                        max = r;
                    }
                    if (max == i) {
                        return;
                    }
                    swap(i, max);
                    i = max;
                }
            }
        }

        private void swap(int a, int b) {
            long t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(heap, size);
            Arrays.sort(out);
            return out;
        }
    }

    private static List<Token> tokens(String query) {
        List<Token> tokens = new ArrayList<>();
        if (query == null) {
            return tokens;
        }
        for (String raw : query.strip().toLowerCase(Locale.ROOT).split("[\\s,，、]+")) {
            String t = raw.replace("'", "");
            if (!t.isEmpty()) {
                tokens.add(new Token(t, t.chars().anyMatch(c -> Pinyin.isHan((char) c)),
                        t.chars().allMatch(c -> c >= 'a' && c <= 'z'), PinyinTerm.letterMask(t)));
            }
        }
        return tokens;
    }

    private record Token(String text, boolean han, boolean latin, int letters) {
        int score(Entry e) {
            if (latin) {
                int at = e.namePinyin.match(text, letters);
                if (at == 0) {
                    return 90;
                }
                if (at > 0) {
                    return 70;
                }
                for (PinyinTerm w : e.wordPinyin) {
                    if (w.match(text, letters) == 0) {
                        return 65;
                    }
                }
                return 0;
            }
            if (e.name.startsWith(text)) {
                return 100;
            }
            if (e.name.contains(text)) {
                return 80;
            }
            for (String w : e.words) {
                if (w.equals(text)) {
                    return 75;
                }
                if (han && (w.contains(text) || text.contains(w))) {
                    return 65;
                }
            }
            for (String theme : e.themes) {
                if (theme.equals(text)) {
                    return 50;
                }
            }
            if (!text.isEmpty() && e.department.contains(text)) {
                return 30;
            }
            if (!han && (e.item.taskCode().equals(text) || e.item.catalogCode().equals(text))) {
                return 100;
            }
            return 0;
        }
    }
}
