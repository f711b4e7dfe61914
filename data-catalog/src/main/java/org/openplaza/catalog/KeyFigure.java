package org.openplaza.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A key figure of a dataset: an aggregation of a column (a count of rows when the column is null)
 * per period of a date column. A tile shows the latest period's value, its change against the
 * period before and the trend of the last periods. Columns are the dataset's generated names.
 */
public record KeyFigure(
        long datasetId,
        @Nullable String valueColumn,
        GroupRequest.Aggregation aggregation,
        String dateColumn,
        GroupRequest.Bucket period) {

    /** How many periods the trend line shows, the latest last. */
    public static final int TREND = 12;

    public KeyFigure {
        if (period == GroupRequest.Bucket.NONE || period == GroupRequest.Bucket.BINS) {
            throw new CatalogException("period", "dashboard.error.period");
        }
        if (valueColumn == null && aggregation != GroupRequest.Aggregation.COUNT) {
            throw new CatalogException("value", "dashboard.error.value");
        }
    }

    /** The grouped query behind the figure: the aggregation by period, oldest first. */
    public GroupRequest query() {
        GroupRequest.Measure measure = new GroupRequest.Measure(valueColumn, aggregation);
        return GroupRequest.of(new GroupRequest.Dimension(dateColumn, period, 0), measure);
    }

    /**
     * The figure as drawn now: the latest and the previous period with their values (null when the
     * data has none), the trend's periods and values, the dataset as it is named and reached, the
     * value's label, and when the data last changed.
     */
    public record Value(
            @Nullable String latestPeriod,
            @Nullable Double latest,
            @Nullable String previousPeriod,
            @Nullable Double previous,
            List<String> periods,
            List<@Nullable Double> trend,
            String valueLabel,
            String datasetSlug,
            String datasetTitle,
            Instant asOf) {

        public Value {
            periods = List.copyOf(periods);
            trend = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(trend));
        }

        /** The latest value less the previous one, or null when either is missing. */
        public @Nullable Double change() {
            return latest == null || previous == null ? null : latest - previous;
        }

        /** The change as a share of the previous value (0.1 for 10 %), or null when it has none. */
        public @Nullable Double relativeChange() {
            Double change = change();
            return change == null || previous == null || previous == 0 ? null : change / Math.abs(previous);
        }

        /** Reads the figure from its grouped points, oldest first; rows without a date count for none. */
        static Value of(Grouped points, String valueLabel, DatasetPage dataset) {
            List<String> categories = new java.util.ArrayList<>();
            List<@Nullable Double> values = new java.util.ArrayList<>();
            for (int i = 0; i < points.categories().size(); i++) {
                if (!Grouped.EMPTY.equals(points.categories().get(i))
                        && !points.series().isEmpty()) {
                    categories.add(points.categories().get(i));
                    values.add(points.series().get(0).values().get(i));
                }
            }
            int n = categories.size();
            int from = Math.max(0, n - TREND);
            return new Value(
                    n > 0 ? categories.get(n - 1) : null,
                    n > 0 ? values.get(n - 1) : null,
                    n > 1 ? categories.get(n - 2) : null,
                    n > 1 ? values.get(n - 2) : null,
                    categories.subList(from, n),
                    values.subList(from, n),
                    valueLabel,
                    dataset.slug(),
                    dataset.metadata().title(),
                    dataset.modified());
        }
    }
}
