package org.openplaza.catalog.datastore;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;

/**
 * Runs a {@link GroupRequest} in DuckDB and returns only the aggregated points: the grouping, the
 * aggregations, the top-N with its "Other" and the bins all happen in the store; at most
 * {@link #MAX_POINTS} points come back, or the query is refused with a clear reason.
 */
public final class Grouping {

    static final int MAX_POINTS = 5000;
    static final String OTHER = Grouped.OTHER;
    static final String EMPTY = Grouped.EMPTY;

    private Grouping() {}

    private static boolean numeric(StoreColumn column) {
        return column.type() == ValueType.INTEGER || column.type() == ValueType.DECIMAL;
    }

    private static boolean temporal(StoreColumn column) {
        return column.type() == ValueType.DATE || column.type() == ValueType.TIMESTAMP;
    }

    public static Grouped run(DSLContext sql, Table<?> from, List<StoreColumn> columns, GroupRequest query) {
        if (query.measures().isEmpty()) {
            throw new CatalogException(null, "chart.error.no-measure");
        }
        StoreColumn dimension = RowConditions.column(columns, query.dimension().column());
        GroupRequest.Bucket bucket = query.dimension().bucket();
        checkBucket(dimension, bucket, query.dimension().bins());
        List<Field<?>> measures = new ArrayList<>();
        for (GroupRequest.Measure measure : query.measures()) {
            measures.add(measure(columns, measure));
        }
        StoreColumn series = query.series() == null ? null : RowConditions.column(columns, query.series());
        Condition where = RowConditions.of(columns, new RowRequest(query.filters(), "", List.of()));

        Key bucketed =
                key(sql, from, where, dimension, bucket, query.dimension().bins());
        if (bucketed == null) {
            return new Grouped(List.of(), List.of());
        }
        Ranked ranked = top(from, where, bucketed.field(), measures.get(0), query.top());
        List<? extends Record> rows = sql.select(selected(ranked, series, measures))
                .from(from)
                .where(where)
                .groupBy(grouped(ranked, series))
                .orderBy(ordered(ranked))
                .limit(DSL.inline(MAX_POINTS + 1))
                .fetch();
        if (rows.size() > MAX_POINTS) {
            throw new CatalogException(null, "chart.error.too-many-points", MAX_POINTS);
        }
        return pivot(rows, query, bucket, bucketed.binMin(), bucketed.binWidth(), series != null);
    }

    /**
     * The key the rows are grouped on, and for a top-N whether a row is among the others: a key
     * outside the first {@code top} by the first measure becomes null, and its row is flagged.
     */
    private record Ranked(Field<?> key, @Nullable Field<Boolean> other) {}

    private static Ranked top(Table<?> from, Condition where, Field<?> key, Field<?> firstMeasure, int top) {
        if (top <= 0) {
            return new Ranked(key, null);
        }
        @SuppressWarnings("unchecked")
        Field<Object> ranked = (Field<Object>) key;
        var topKeys = DSL.select(ranked)
                .from(from)
                .where(where)
                .groupBy(key)
                .orderBy(firstMeasure.desc().nullsLast())
                .limit(DSL.inline(top));
        return new Ranked(
                DSL.when(ranked.in(topKeys), ranked),
                DSL.when(ranked.in(topKeys), DSL.inline(false)).otherwise(DSL.inline(true)));
    }

    /** Only a top-N needs the "Other" flag; without it DuckDB groups on one key. */
    private static List<SelectField<?>> selected(Ranked ranked, @Nullable StoreColumn series, List<Field<?>> measures) {
        List<SelectField<?>> select = new ArrayList<>();
        if (ranked.other() != null) {
            select.add(ranked.other().as("opz_other"));
        }
        select.add(ranked.key().as("opz_key"));
        if (series != null) {
            select.add(DSL.field(DSL.name(series.name())).as("opz_series"));
        }
        for (int i = 0; i < measures.size(); i++) {
            select.add(measures.get(i).as("opz_m" + i));
        }
        return select;
    }

    private static List<Field<?>> grouped(Ranked ranked, @Nullable StoreColumn series) {
        List<Field<?>> groupBy = new ArrayList<>();
        if (ranked.other() != null) {
            groupBy.add(DSL.field(DSL.name("opz_other")));
        }
        groupBy.add(DSL.field(DSL.name("opz_key")));
        if (series != null) {
            groupBy.add(DSL.field(DSL.name("opz_series")));
        }
        return groupBy;
    }

    /** The others last, after the keys in order. */
    private static List<org.jooq.SortField<?>> ordered(Ranked ranked) {
        List<org.jooq.SortField<?>> orderBy = new ArrayList<>();
        if (ranked.other() != null) {
            orderBy.add(DSL.field(DSL.name("opz_other")).asc());
        }
        orderBy.add(DSL.field(DSL.name("opz_key")).asc().nullsLast());
        return orderBy;
    }

    /** What the rows are grouped on, and for ranges of numbers where the first begins and how wide each is. */
    private record Key(Field<?> field, double binMin, double binWidth) {}

    /** The dimension's values as grouped: as they are, by day to year, or in ranges; null when no row has a value to range. */
    private static @org.jspecify.annotations.Nullable Key key(
            DSLContext sql,
            Table<?> from,
            Condition where,
            StoreColumn dimension,
            GroupRequest.Bucket bucket,
            int bins) {
        Field<Object> column = DSL.field(DSL.name(dimension.name()));
        if (bucket == GroupRequest.Bucket.BINS) {
            Field<Double> value = column.cast(Double.class);
            var range = sql.select(DSL.min(value), DSL.max(value))
                    .from(from)
                    .where(where)
                    .fetchSingle();
            if (range.value1() == null) {
                return null;
            }
            double binMin = range.value1();
            double binWidth = (range.value2() - binMin) / bins;
            return new Key(
                    binWidth == 0
                            ? DSL.inline(0)
                            : DSL.least(
                                    DSL.floor(value.minus(DSL.inline(binMin)).div(DSL.inline(binWidth)))
                                            .cast(Integer.class),
                                    DSL.inline(bins - 1)),
                    binMin,
                    binWidth);
        } else if (bucket == GroupRequest.Bucket.NONE) {
            return new Key(column, 0, 0);
        } else if (bucket == GroupRequest.Bucket.DAY) {
            return new Key(column.cast(SQLDataType.LOCALDATE), 0, 0);
        } else {
            return new Key(
                    DSL.field(
                                    "date_trunc({0}, {1})",
                                    Object.class, DSL.inline(bucket.name().toLowerCase(Locale.ROOT)), column)
                            .cast(SQLDataType.LOCALDATE),
                    0,
                    0);
        }
    }

    private static void checkBucket(StoreColumn dimension, GroupRequest.Bucket bucket, int bins) {
        if (bucket == GroupRequest.Bucket.BINS) {
            if (!numeric(dimension)) {
                throw new CatalogException(null, "chart.error.bins-need-numbers", dimension.name());
            }
            if (bins < 1 || bins > 200) {
                throw new CatalogException(null, "chart.error.bins", 1, 200);
            }
        } else if (bucket != GroupRequest.Bucket.NONE && !temporal(dimension)) {
            throw new CatalogException(null, "chart.error.buckets-need-dates", dimension.name());
        }
    }

    private static Field<?> measure(List<StoreColumn> columns, GroupRequest.Measure measure) {
        if (measure.column() == null) {
            if (measure.aggregation() != GroupRequest.Aggregation.COUNT) {
                throw new CatalogException(
                        null,
                        "chart.error.measure-needs-column",
                        measure.aggregation().name());
            }
            return DSL.count();
        }
        StoreColumn column = RowConditions.column(columns, measure.column());
        Field<Object> field = DSL.field(DSL.name(column.name()));
        Field<Double> number = field.cast(Double.class);
        switch (measure.aggregation()) {
            case COUNT:
                return DSL.count(field);
            case COUNT_DISTINCT:
                return DSL.countDistinct(field);
            default:
                break;
        }
        if (!numeric(column)) {
            throw new CatalogException(
                    null, "chart.error.numbers-only", measure.aggregation().name(), column.name());
        }
        return switch (measure.aggregation()) {
            case SUM -> DSL.sum(number);
            case AVG -> DSL.avg(number);
            case MIN -> DSL.min(number);
            case MAX -> DSL.max(number);
            case MEDIAN -> DSL.field("median({0})", Double.class, number);
            default -> throw new IllegalStateException();
        };
    }

    /** Categories in the chosen order, one series per measure (and split value). */
    private static Grouped pivot(
            List<? extends Record> rows,
            GroupRequest query,
            GroupRequest.Bucket bucket,
            double binMin,
            double binWidth,
            boolean split) {
        Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
        Map<String, Grouped.Series> seriesMade = new HashMap<>();
        Map<String, Double> categoryTotals = new LinkedHashMap<>();
        Map<String, Object> categoryKeys = new HashMap<>();
        for (Record row : rows) {
            boolean isOther = row.field("opz_other") != null && Boolean.TRUE.equals(row.get("opz_other"));
            Object key = row.get("opz_key");
            String category = isOther ? OTHER : label(key, bucket, binMin, binWidth);
            categoryKeys.putIfAbsent(category, isOther ? null : key);
            String splitValue = split ? Objects.toString(row.get("opz_series"), EMPTY) : null;
            for (int i = 0; i < query.measures().size(); i++) {
                Object value = row.get("opz_m" + i);
                Double number = value instanceof Number n ? n.doubleValue() : null;
                String name = seriesName(
                        query.measures().get(i), splitValue, query.measures().size());
                bySeries.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(category, number);
                GroupRequest.Measure measure = query.measures().get(i);
                seriesMade.computeIfAbsent(name, k -> new Grouped.Series(k, List.of(), measure, splitValue));
                if (i == 0 && number != null) {
                    categoryTotals.merge(category, number, Double::sum);
                }
            }
            categoryTotals.putIfAbsent(category, 0d);
        }
        List<String> categories = new ArrayList<>(categoryTotals.keySet());
        if ((long) categories.size() * bySeries.size() > MAX_POINTS) {
            // a chart draws every category of every series, empty or not
            throw new CatalogException(null, "chart.error.too-many-points", MAX_POINTS);
        }
        Comparator<String> otherLast = Comparator.comparing(OTHER::equals);
        switch (query.order()) {
            case DIMENSION_DESC -> java.util.Collections.reverse(categories);
            case VALUE_DESC ->
                categories.sort(otherLast.thenComparing(Comparator.comparing((String c) -> categoryTotals.get(c))
                        .reversed()));
            case VALUE_ASC -> categories.sort(otherLast.thenComparing(c -> categoryTotals.get(c)));
            default -> {}
        }
        if (query.order() == GroupRequest.Order.DIMENSION_DESC && categories.remove(OTHER)) {
            categories.add(OTHER);
        }
        List<Grouped.Series> series = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> entry : bySeries.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (String category : categories) {
                values.add(entry.getValue().get(category));
            }
            Grouped.Series made = seriesMade.get(entry.getKey());
            series.add(new Grouped.Series(entry.getKey(), values, made.measure(), made.split()));
        }
        return new Grouped(categories, series);
    }

    static String measureName(GroupRequest.Measure measure) {
        String aggregation = measure.aggregation().name().toLowerCase(Locale.ROOT);
        return measure.column() == null ? aggregation : aggregation + "(" + measure.column() + ")";
    }

    private static String seriesName(GroupRequest.Measure measure, @Nullable String splitValue, int measures) {
        if (splitValue == null) {
            return measureName(measure);
        }
        return measures == 1 ? splitValue : measureName(measure) + " · " + splitValue;
    }

    private static String label(@Nullable Object key, GroupRequest.Bucket bucket, double binMin, double binWidth) {
        if (key == null) {
            return EMPTY;
        }
        if (bucket == GroupRequest.Bucket.BINS) {
            int bin = ((Number) key).intValue();
            return number(binMin + bin * binWidth) + " – " + number(binMin + (bin + 1) * binWidth);
        }
        LocalDate date = key instanceof LocalDate d
                ? d
                : key instanceof java.sql.Date d
                        ? d.toLocalDate()
                        : key instanceof LocalDateTime t ? t.toLocalDate() : null;
        if (date == null) {
            return key instanceof java.math.BigDecimal d ? d.toPlainString() : key.toString();
        }
        return switch (bucket) {
            case YEAR -> Integer.toString(date.getYear());
            case QUARTER -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
            case MONTH -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
            default -> date.toString();
        };
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }
}
