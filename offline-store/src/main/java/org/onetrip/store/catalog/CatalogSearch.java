package org.onetrip.store.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;

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

    private final List<Entry> entries;

    private record Entry(ServiceItem item, String name, List<String> words, PinyinTerm namePinyin,
                         List<PinyinTerm> wordPinyin, String department, List<String> themes, int nearness) {
    }

    /** One result page: the best {@code limit} items and how many matched in all. */
    public record Result(List<ServiceItem> items, int total) {
    }

    public CatalogSearch(Catalog catalog, Synonyms synonyms) {
        List<Entry> built = new ArrayList<>(catalog.items().size());
        for (ServiceItem item : catalog.items()) {
            List<String> words = synonyms.wordsFor(item.name());
            built.add(new Entry(item, item.name(), words, new PinyinTerm(item.name()),
                    words.stream().map(PinyinTerm::new).toList(), item.department(), item.themes(),
                    item.level().ordinal()));
        }
        entries = List.copyOf(built);
    }

    /**
     * The items offered at {@code terminal} that match {@code query} (blank: all) within {@code theme} (null or
     * blank: any), best first.
     */
    public Result search(String query, RegionCode terminal, String theme, int limit) {
        Set<RegionCode> chain = Set.copyOf(terminal.chain());
        List<Token> tokens = tokens(query);
        boolean anyTheme = theme == null || theme.isBlank();
        Comparator<Scored> order = ORDER;
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, order.reversed());
        int total = 0;
        for (Entry e : entries) {
            if (!chain.contains(e.item.regionCode()) || (!anyTheme && !e.themes.contains(theme))) {
                continue;
            }
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
            Scored scored = new Scored(e, score / Math.max(tokens.size(), 1));
            if (best.size() < limit) {
                best.add(scored);
            } else if (limit > 0 && order.compare(scored, best.peek()) < 0) {
                best.poll();
                best.add(scored);
            }
        }
        List<Scored> sorted = new ArrayList<>(best);
        sorted.sort(order);
        return new Result(sorted.stream().map(s -> s.entry.item).toList(), total);
    }

    private record Scored(Entry entry, int score) {
    }

    private static final Comparator<Scored> ORDER = Comparator
            .comparing((Scored s) -> s.score >= STRONG ? 0 : 1)
            .thenComparing(s -> !s.entry.item.highFrequency())
            .thenComparing(s -> -s.entry.nearness)
            .thenComparing(s -> -s.score)
            .thenComparing(s -> s.entry.name)
            .thenComparing(s -> s.entry.item.taskCode());

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
