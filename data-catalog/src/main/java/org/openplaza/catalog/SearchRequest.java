package org.openplaza.catalog;

import java.util.List;
import java.util.Map;

/**
 * A catalogue search: words, facet values to narrow by (values of one facet are alternatives,
 * different facets must all match), facet values to leave out (none of them may match), an order
 * and a page.
 */
public record SearchRequest(
        String query,
        Map<String, List<String>> facets,
        Map<String, List<String>> excluded,
        Order order,
        int offset,
        int limit) {

    public SearchRequest(String query, Map<String, List<String>> facets, Order order, int offset, int limit) {
        this(query, facets, Map.of(), order, offset, limit);
    }

    /** The facets the catalogue counts and narrows by. */
    public static final List<String> FACETS = List.of("organisation", "theme", "keyword", "licence", "format");

    public enum Order {
        RELEVANCE,
        NEWEST,
        UPDATED,
        VIEWS,
        DOWNLOADS,
        /** A to Z by title. */
        TITLE
    }

    /** A search reads at most this many words and characters; longer ones are refused. */
    public static final int MAX_WORDS = 64;

    public static final int MAX_CHARACTERS = 1000;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        facets = Map.copyOf(facets);
        excluded = Map.copyOf(excluded);
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, 1000));
    }

    /** Whether the words are more than a search takes ({@link #MAX_WORDS}, {@link #MAX_CHARACTERS}). */
    public boolean tooLong() {
        return query.length() > MAX_CHARACTERS || query.split("\\s+").length > MAX_WORDS;
    }

    /** The words cut to what a search takes. */
    public static String shortened(String query) {
        String[] words = query.strip().split("\\s+");
        String kept = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(words.length, MAX_WORDS)));
        return kept.length() > MAX_CHARACTERS ? kept.substring(0, MAX_CHARACTERS) : kept;
    }
}
