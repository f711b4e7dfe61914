package org.openplaza.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.importer.ColumnNames;
import org.openplaza.catalog.importer.Layouts;
import org.openplaza.catalog.importer.Periods;

/**
 * A wide table turned long at import: the fields whose headings are years or periods (a time
 * series per row, as statistical offices publish them) become two columns, the period and its
 * value, and each row of the file becomes one row per such field. The other fields stay as they
 * are, before the two. So {@code Data Series,2018,2013} over {@code Food,1198.9,1188.3} is stored
 * as {@code Food,2018,1198.9} and {@code Food,2013,1188.3}, which the chart builder draws as a
 * time series.
 *
 * @param fields the indexes of the file's fields to turn into rows, in file order
 * @param periodLabel the label of the column that holds each field's heading
 * @param valueLabel the label of the column that holds each field's value
 */
public record Unpivot(List<Integer> fields, String periodLabel, String valueLabel) {

    public Unpivot {
        fields = List.copyOf(fields);
        if (fields.size() < 2) {
            throw new IllegalArgumentException("turn two fields or more into rows");
        }
    }

    /** The fields of a file whose headings are years or periods and whose cells are numbers. */
    public static List<Integer> periodFields(CsvAnalysis analysis) {
        List<Integer> fields = new ArrayList<>();
        for (ColumnAnalysis column : analysis.columns()) {
            boolean numbers = column.type() == ValueType.INTEGER || column.type() == ValueType.DECIMAL;
            if (numbers && Layouts.isPeriodLabel(column.label())) {
                fields.add(column.index());
            }
        }
        return fields.size() >= 2 ? fields : List.of();
    }

    /** The day each period heading begins, when all are years, months, weeks or quarters; else null. */
    @Nullable
    List<LocalDate> periodDays(List<ColumnAnalysis> columns) {
        List<LocalDate> days = new ArrayList<>();
        for (int field : fields) {
            LocalDate day = Periods.parseWithYears(columns.get(field).label());
            if (day == null) {
                return null;
            }
            days.add(day);
        }
        return days;
    }

    /** The format the headings share (a year, a month, …), or null when they differ. */
    @Nullable
    String periodFormat(List<ColumnAnalysis> columns) {
        Set<String> formats = new HashSet<>();
        for (int field : fields) {
            formats.add(Periods.formatWithYears(columns.get(field).label()));
        }
        return formats.size() == 1 ? formats.iterator().next() : null;
    }

    /**
     * The columns the store gets: the fields not turned into rows, then the period (a date column
     * in the headings' form, or text), then the value (the widest type of the fields).
     */
    List<ColumnAnalysis> storedColumns(List<ColumnAnalysis> columns) {
        List<ColumnAnalysis> stored = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ColumnAnalysis column : columns) {
            if (!fields.contains(column.index())) {
                stored.add(column);
                names.add(column.name());
            }
        }
        String format = periodFormat(columns);
        boolean dates = format != null && periodDays(columns) != null;
        stored.add(new ColumnAnalysis(
                -1,
                periodLabel,
                free(periodLabel, names, "period"),
                dates ? ValueType.DATE : ValueType.TEXT,
                dates ? format : "",
                0,
                0));
        ValueType type = ValueType.INTEGER;
        String valueFormat = "";
        int scale = 0;
        long nulls = 0;
        Map<String, Long> markers = new TreeMap<>();
        for (int field : fields) {
            ColumnAnalysis column = columns.get(field);
            if (column.type() == ValueType.DECIMAL) {
                type = ValueType.DECIMAL;
            } else if (column.type() != ValueType.INTEGER) {
                type = ValueType.TEXT;
            }
            valueFormat = column.format();
            scale = Math.max(scale, column.scale());
            nulls += column.nulls();
            column.nullMarkers().forEach((marker, count) -> markers.merge(marker, count, Long::sum));
        }
        stored.add(new ColumnAnalysis(
                -2,
                valueLabel,
                free(valueLabel, names, "value"),
                type,
                type == ValueType.TEXT ? "" : valueFormat,
                scale,
                nulls,
                markers));
        return stored;
    }

    private static String free(String label, Set<String> taken, String fallback) {
        String name = ColumnNames.sqlNames(List.of(label)).get(0);
        if (name.equals("column_1")) {
            name = fallback;
        }
        String unique = name;
        for (int n = 2; !taken.add(unique); n++) {
            unique = name + "_" + n;
        }
        return unique;
    }
}
