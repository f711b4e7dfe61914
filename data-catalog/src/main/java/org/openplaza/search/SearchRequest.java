package org.openplaza.search;

import java.util.List;
import java.util.Map;

/**
 * A catalogue search: words, facet values to narrow by (values of one facet are alternatives,
 * different facets must all match), an order and a page.
 */
public record SearchRequest(String query, Map<String, List<String>> facets, Order order, int offset, int limit) {

    /** The facets the catalogue counts and narrows by. */
    public static final List<String> FACETS = List.of("organisation", "theme", "keyword", "licence", "format");

    public enum Order {
        RELEVANCE,
        NEWEST,
        UPDATED,
        VIEWS,
        DOWNLOADS
    }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        facets = Map.copyOf(facets);
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, 1000));
    }
}
