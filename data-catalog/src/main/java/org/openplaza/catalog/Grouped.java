package org.openplaza.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The aggregated points of a chart, never the rows: the dimension's categories in order, and one
 * line of values per series (per measure, or per measure and split value), with a null where a
 * category has no value.
 */
public record Grouped(List<String> categories, List<Series> series) {

    /** The category that folds the rest of a top-N; screens show it in the reader's language. */
    public static final String OTHER = "Other";

    /** The category of rows without a value. */
    public static final String EMPTY = "(empty)";

    /** The same points with categories and series names renamed, e.g. into the reader's language. */
    public Grouped relabel(java.util.function.UnaryOperator<String> rename) {
        return new Grouped(
                categories.stream().map(rename).toList(),
                series.stream()
                        .map(s -> new Series(
                                rename.apply(s.name()),
                                s.values(),
                                s.measure(),
                                s.split() == null ? null : rename.apply(s.split())))
                        .toList());
    }

    /** The same points with each series named anew (e.g. in words a reader reads). */
    public Grouped renameSeries(java.util.function.Function<Series, String> name) {
        return new Grouped(
                categories,
                series.stream()
                        .map(s -> new Series(name.apply(s), s.values(), s.measure(), s.split()))
                        .toList());
    }

    /**
     * One line of values, named by its measure and, when the chart is split, the split value. A
     * series the store grouped keeps what it counts ({@code measure}) and its split value, so that
     * screens can name it in the reader's words; a series made otherwise has neither.
     */
    public record Series(
            String name,
            List<@Nullable Double> values,
            GroupRequest.@Nullable Measure measure,
            @Nullable String split) {
        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public Series(String name, List<@Nullable Double> values) {
            this(name, values, null, null);
        }
    }

    public Grouped {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** The value of one series at one category, or null. */
    public @Nullable Double value(String seriesName, String category) {
        int index = categories.indexOf(category);
        for (Series s : series) {
            if (s.name().equals(seriesName)) {
                return index < 0 ? null : s.values().get(index);
            }
        }
        return null;
    }
}
