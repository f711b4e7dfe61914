package org.openplaza.catalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chart a dataset opens on in the chart builder: a measure summed along what the data is
 * about, not a count of rows (which draws a flat row of ones when each row is a month). The
 * measure is the last column of numbers that are not years (counts and totals come last in most
 * files); the dimension is time where there is some (by month, as a line), else a column of few
 * categories (bars, largest first, the top ten when there are many), else the first text column (a
 * line when its values read as periods such as {@code 2012-01}, {@code 2012-W01} or years).
 */
final class ChartDefaults {

    private ChartDefaults() {}

    /** Up to this many distinct values, a text column is a set of categories worth comparing. */
    static final long FEW = 50;

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-(\\d{2}|W\\d{2}|Q[1-4]))?");

    static ChartDefinition suggest(List<DatasetColumn> columns) {
        Optional<DatasetColumn> measure = columns.stream()
                .filter(c -> (c.type() == ValueType.INTEGER || c.type() == ValueType.DECIMAL) && !c.holdsYears())
                .reduce((first, second) -> second);
        GroupRequest.Measure what = measure.map(m -> new GroupRequest.Measure(m.name(), GroupRequest.Aggregation.SUM))
                .orElse(GroupRequest.Measure.count());
        Optional<DatasetColumn> time = columns.stream()
                .filter(c -> c.type() == ValueType.DATE || c.type() == ValueType.TIMESTAMP)
                .findFirst();
        Optional<DatasetColumn> categories = columns.stream()
                .filter(c -> c.type() == ValueType.TEXT || c.type() == ValueType.BOOLEAN)
                .filter(c -> c.distinct() != null && c.distinct() >= 2 && c.distinct() <= FEW)
                .filter(c -> !periods(c))
                .findFirst();
        // a table of periods by category (cases per week by disease) is about its categories
        boolean byCategory = categories.isPresent() && measure.isPresent();
        if (time.isPresent() && !(time.get().holdsPeriods() && byCategory)) {
            return chart(ChartType.LINE, time.get(), bucket(time.get()), what, GroupRequest.Order.DIMENSION_ASC, 0);
        }
        Optional<DatasetColumn> years =
                columns.stream().filter(DatasetColumn::holdsYears).findFirst();
        if (byCategory) {
            DatasetColumn c = categories.get();
            boolean many = c.distinct() > 12;
            return chart(
                    many ? ChartType.BAR_HORIZONTAL : ChartType.BAR,
                    c,
                    GroupRequest.Bucket.NONE,
                    what,
                    GroupRequest.Order.VALUE_DESC,
                    many ? 10 : 0);
        }
        Optional<DatasetColumn> text =
                columns.stream().filter(c -> c.type() == ValueType.TEXT).findFirst();
        if (text.isPresent() && periods(text.get())) {
            return chart(
                    ChartType.LINE, text.get(), GroupRequest.Bucket.NONE, what, GroupRequest.Order.DIMENSION_ASC, 0);
        }
        if (years.isPresent()) {
            return chart(
                    ChartType.LINE, years.get(), GroupRequest.Bucket.NONE, what, GroupRequest.Order.DIMENSION_ASC, 0);
        }
        if (categories.isPresent()) {
            return chart(
                    ChartType.BAR, categories.get(), GroupRequest.Bucket.NONE, what, GroupRequest.Order.VALUE_DESC, 0);
        }
        DatasetColumn first = text.orElse(columns.get(0));
        return chart(ChartType.BAR, first, GroupRequest.Bucket.NONE, what, GroupRequest.Order.DIMENSION_ASC, 0);
    }

    /** Weeks by week and quarters by quarter; days and months by month. */
    static GroupRequest.Bucket bucket(DatasetColumn time) {
        return switch (time.format()) {
            case org.openplaza.catalog.importer.Periods.WEEK, org.openplaza.catalog.importer.Periods.EPI_WEEK ->
                GroupRequest.Bucket.WEEK;
            case org.openplaza.catalog.importer.Periods.QUARTER -> GroupRequest.Bucket.QUARTER;
            default -> GroupRequest.Bucket.MONTH;
        };
    }

    /** Whether a text column's values read as periods: years, months, quarters or ISO weeks. */
    static boolean periods(DatasetColumn column) {
        return column.min() != null
                && column.max() != null
                && PERIOD.matcher(column.min().strip()).matches()
                && PERIOD.matcher(column.max().strip()).matches();
    }

    private static ChartDefinition chart(
            ChartType type,
            DatasetColumn dimension,
            GroupRequest.Bucket bucket,
            GroupRequest.Measure measure,
            GroupRequest.Order order,
            int top) {
        return new ChartDefinition(
                type,
                new GroupRequest(
                        new GroupRequest.Dimension(dimension.name(), bucket, 0),
                        List.of(measure),
                        null,
                        List.of(),
                        order,
                        top));
    }
}
