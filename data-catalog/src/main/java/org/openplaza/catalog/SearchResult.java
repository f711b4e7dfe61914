package org.openplaza.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of matching datasets, the total, each facet's values with their counts, and, when
 * nothing matched, the same search with its misspelt words corrected if that finds something.
 */
public record SearchResult(
        long total,
        List<Hit> hits,
        Map<String, List<FacetCount>> facets,
        @Nullable String suggestion) {

    public SearchResult(long total, List<Hit> hits, Map<String, List<FacetCount>> facets) {
        this(total, hits, facets, null);
    }

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
            long rows,
            Map<String, String> titles,
            Map<String, String> descriptions) {

        /** The title a reader of this language sees: a translation into it, else the dataset's own. */
        public String title(@Nullable String language) {
            return language == null ? title : titles.getOrDefault(language, title);
        }

        public String description(@Nullable String language) {
            return language == null ? description : descriptions.getOrDefault(language, description);
        }
    }

    public record FacetCount(String value, int count) {}
}
