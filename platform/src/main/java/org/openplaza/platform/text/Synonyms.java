package org.openplaza.platform.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups of words that find each other in a search, English and Korean, read from {@code
 * synonyms.txt} beside this class: one group per line, its words separated by commas.
 */
public final class Synonyms {

    private final Map<String, List<String>> groups;

    private Synonyms(Map<String, List<String>> groups) {
        this.groups = groups;
    }

    public static Synonyms load() {
        Map<String, List<String>> groups = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(Synonyms.class.getResourceAsStream("synonyms.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> group = new ArrayList<>();
                for (String word : line.split(",")) {
                    if (!word.isBlank()) {
                        group.add(word.strip().toLowerCase(Locale.ROOT));
                    }
                }
                for (String word : group) {
                    groups.computeIfAbsent(word, w -> new ArrayList<>()).addAll(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Synonyms(groups);
    }

    /** The other words of this word's groups, or none. */
    public List<String> of(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        return groups.getOrDefault(key, List.of()).stream()
                .filter(w -> !w.equals(key))
                .distinct()
                .toList();
    }
}
