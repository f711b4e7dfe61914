package org.openplaza.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A grouped aggregation, which is what a chart shows: a dimension (a column, dates bucketed by day to year, numbers binned), one
 * or more measures each with its aggregation, an optional split into series, filters, an order
 * and a top-N with the rest folded into "Other". Column names are the dataset's generated names.
 */
public record GroupRequest(
        Dimension dimension,
        List<Measure> measures,
        @Nullable String series,
        List<RowRequest.Filter> filters,
        Order order,
        int top) {

    /** How the dimension's values are grouped. */
    public enum Bucket {
        NONE,
        DAY,
        WEEK,
        MONTH,
        QUARTER,
        YEAR,
        /** numbers in equal-width bins between the column's minimum and maximum */
        BINS
    }

    public enum Aggregation {
        COUNT,
        COUNT_DISTINCT,
        SUM,
        AVG,
        MIN,
        MAX,
        MEDIAN
    }

    public enum Order {
        DIMENSION_ASC,
        DIMENSION_DESC,
        VALUE_DESC,
        VALUE_ASC
    }

    /** The column the chart is drawn along, and how its values are grouped ({@code bins} for BINS). */
    public record Dimension(String column, Bucket bucket, int bins) {
        public static Dimension of(String column) {
            return new Dimension(column, Bucket.NONE, 0);
        }
    }

    /** A value to draw: an aggregation of a column, or a count of rows when the column is null. */
    public record Measure(@Nullable String column, Aggregation aggregation) {
        public static Measure count() {
            return new Measure(null, Aggregation.COUNT);
        }
    }

    public GroupRequest {
        measures = List.copyOf(measures);
        filters = List.copyOf(filters);
        top = Math.max(0, top);
    }

    public static GroupRequest of(Dimension dimension, Measure... measures) {
        return new GroupRequest(dimension, List.of(measures), null, List.of(), Order.DIMENSION_ASC, 0);
    }

    public GroupRequest withSeries(@Nullable String column) {
        return new GroupRequest(dimension, measures, column, filters, order, top);
    }

    public GroupRequest withFilters(List<RowRequest.Filter> newFilters) {
        return new GroupRequest(dimension, measures, series, newFilters, order, top);
    }

    public GroupRequest withOrder(Order newOrder) {
        return new GroupRequest(dimension, measures, series, filters, newOrder, top);
    }

    public GroupRequest withTop(int n) {
        return new GroupRequest(dimension, measures, series, filters, order, n);
    }
}
