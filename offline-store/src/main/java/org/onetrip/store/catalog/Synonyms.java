package org.onetrip.store.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everyday words (低保, 养老金, 盖房) and the phrases of item names they mean. Read from
 * {@code synonyms.txt} beside this class, which a province can extend without a code change.
 */
public final class Synonyms {
    private final Map<String, List<String>> words;

    public Synonyms(Map<String, List<String>> words) {
        this.words = Map.copyOf(words);
    }

    public static Synonyms standard() {
        try (InputStream in = Synonyms.class.getResourceAsStream("synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("synonyms.txt is missing from the jar");
            }
            Map<String, List<String>> words = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                List<String> phrases = new ArrayList<>();
                for (String p : line.substring(eq + 1).split("[,，]")) {
                    if (!p.isBlank()) {
                        phrases.add(p.strip());
                    }
                }
                words.put(line.substring(0, eq).strip(), phrases);
            }
            return new Synonyms(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The everyday words that mean (part of) this item name. */
    public List<String> wordsFor(String itemName) {
        List<String> found = new ArrayList<>();
        words.forEach((word, phrases) -> {
            if (phrases.stream().anyMatch(itemName::contains)) {
                found.add(word);
            }
        });
        return found;
    }
}
