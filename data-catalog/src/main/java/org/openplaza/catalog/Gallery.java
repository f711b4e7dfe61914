package org.openplaza.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a gallery visitor asks for: words of the title or description, a dataset and an
 * organisation (by name), a chart type, and an order. Blank parts do not filter.
 */
public record Gallery(
        @Nullable String words,
        @Nullable String dataset,
        @Nullable String organisation,
        @Nullable ChartType type,
        Sort sort) {

    /** The gallery's orders; ties go to the newest. */
    public enum Sort {
        NEWEST,
        MOST_VIEWED,
        MOST_LIKED,
        /** The best matches of the words first; newest first without words. */
        RELEVANCE
    }

    /** Whether the gallery's search has words to match. */
    public boolean hasWords() {
        return words != null && !words.isBlank();
    }

    public static Gallery all() {
        return new Gallery(null, null, null, null, Sort.NEWEST);
    }

    public Gallery withSort(Sort newSort) {
        return new Gallery(words, dataset, organisation, type, newSort);
    }
}
