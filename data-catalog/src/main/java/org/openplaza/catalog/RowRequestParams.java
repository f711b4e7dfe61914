package org.openplaza.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openplaza.catalog.datastore.RowConditions;

/**
 * A {@link RowRequest} as URL query parameters, so that a filtered view of a dataset can be shared,
 * reopened and downloaded: {@code q} searches the whole row, {@code sort=name,-other} sorts (a
 * leading {@code -} for descending), and {@code f.<column>} filters one column with
 * {@code contains:text}, {@code eq:value}, {@code in:a|b} or {@code range:from..to} (either end may
 * be empty).
 */
public final class RowRequestParams {

    private RowRequestParams() {}

    public static Map<String, String> toParams(RowRequest query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.search().isEmpty()) {
            params.put("q", query.search());
        }
        if (!query.sorts().isEmpty()) {
            List<String> sorts = new ArrayList<>();
            for (RowRequest.Sort sort : query.sorts()) {
                sorts.add((sort.descending() ? "-" : "") + sort.column());
            }
            params.put("sort", String.join(",", sorts));
        }
        for (RowRequest.Filter filter : query.filters()) {
            String value;
            if (filter instanceof RowRequest.Contains c) {
                value = "contains:" + c.text();
            } else if (filter instanceof RowRequest.Equals e) {
                value = "eq:" + e.value();
            } else if (filter instanceof RowRequest.In in) {
                value = "in:"
                        + String.join(
                                "|", in.values().stream().map(String::valueOf).toList());
            } else {
                RowRequest.Range r = (RowRequest.Range) filter;
                value = "range:" + (r.from() == null ? "" : r.from()) + ".." + (r.to() == null ? "" : r.to());
            }
            params.put("f." + filter.column(), value);
        }
        return params;
    }

    /**
     * Reads the parameters back, checking every column name against the table's columns and
     * every value against the column's type; anything wrong is an {@link IllegalArgumentException}.
     */
    public static RowRequest fromParams(Map<String, String> params, List<StoreColumn> columns) {
        List<RowRequest.Filter> filters = new ArrayList<>();
        List<RowRequest.Sort> sorts = new ArrayList<>();
        for (Map.Entry<String, String> param : params.entrySet()) {
            String key = param.getKey();
            String value = param.getValue();
            if (key.equals("sort")) {
                for (String part : value.split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    boolean descending = part.startsWith("-");
                    String name = descending ? part.substring(1) : part;
                    sorts.add(new RowRequest.Sort(
                            RowConditions.column(columns, name).name(), descending));
                }
            } else if (key.startsWith("f.")) {
                filters.add(filter(RowConditions.column(columns, key.substring(2)), value));
            }
        }
        return new RowRequest(filters, params.getOrDefault("q", ""), sorts);
    }

    private static RowRequest.Filter filter(StoreColumn column, String value) {
        if (value.startsWith("contains:")) {
            return new RowRequest.Contains(column.name(), value.substring("contains:".length()));
        }
        if (value.startsWith("eq:")) {
            return new RowRequest.Equals(column.name(), RowConditions.parse(column.type(), value.substring(3)));
        }
        if (value.startsWith("in:")) {
            List<Object> values = new ArrayList<>();
            for (String part : value.substring(3).split("\\|", -1)) {
                values.add(RowConditions.parse(column.type(), part));
            }
            return new RowRequest.In(column.name(), values);
        }
        if (value.startsWith("range:")) {
            String range = value.substring("range:".length());
            int dots = range.indexOf("..");
            if (dots < 0) {
                throw new IllegalArgumentException("a range is written from..to: " + value);
            }
            String from = range.substring(0, dots);
            String to = range.substring(dots + 2);
            return new RowRequest.Range(
                    column.name(),
                    from.isBlank() ? null : RowConditions.parse(column.type(), from),
                    to.isBlank() ? null : RowConditions.parse(column.type(), to));
        }
        throw new IllegalArgumentException("a filter is contains:, eq: or range:, not " + value);
    }

    /** The table's column of that name, or an {@link IllegalArgumentException} naming it. */
    public static StoreColumn column(List<StoreColumn> columns, String name) {
        return RowConditions.column(columns, name);
    }

    /**
     * A value of the given type from its text: integers, decimals with {@code .}, {@code true} or
     * {@code false}, ISO dates and date-times. Anything else is an {@link IllegalArgumentException}
     * that says what was expected.
     */
    public static Object value(ValueType type, String text) {
        return RowConditions.parse(type, text);
    }
}
