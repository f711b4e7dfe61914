package org.openplaza.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One page of matching datasets, the total, and each facet's values with their counts. */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetCount>> facets) {

    public record Hit(
            long id,
            String slug,
            String title,
            String description,
            String organisation,
            List<String> keywords,
            List<String> themes,
            String licence,
            @Nullable String format,
            Instant modified,
            long rows) {}

    public record FacetCount(String value, int count) {}
}
