package org.openplaza.catalog.datastore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;

/**
 * Turns a {@link RowRequest} into jOOQ conditions and sort fields over a table's generated column
 * names. A name that is not one of the table's columns is refused; values are always bound.
 */
public final class RowConditions {

    private RowConditions() {}

    /** The table's column of that name, or an {@link IllegalArgumentException} naming it. */
    public static StoreColumn column(List<StoreColumn> columns, String name) {
        for (StoreColumn column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        throw new IllegalArgumentException("no such column: " + name);
    }

    public static Condition of(List<StoreColumn> columns, RowRequest query) {
        List<Condition> conditions = new ArrayList<>();
        for (RowRequest.Filter filter : query.filters()) {
            if (filter.column().equals(RowRequest.ID)) {
                conditions.add(idCondition(filter));
                continue;
            }
            StoreColumn column = column(columns, filter.column());
            Field<Object> field = field(column);
            conditions.add(condition(filter, column, field));
        }
        if (!query.search().isEmpty()) {
            List<Condition> anywhere = new ArrayList<>();
            for (StoreColumn column : columns) {
                anywhere.add(text(column).containsIgnoreCase(query.search()));
            }
            conditions.add(DSL.or(anywhere));
        }
        return DSL.and(conditions);
    }

    /** The row number from 1: {@code _id}. */
    public static final Field<Long> ID = DatasetStore.ROW.plus(DSL.inline(1L));

    private static Condition idCondition(RowRequest.Filter filter) {
        if (filter instanceof RowRequest.Equals equals) {
            return ID.eq(DSL.val(id(equals.value()), Long.class));
        }
        if (filter instanceof RowRequest.In in) {
            return in.values().isEmpty()
                    ? DSL.falseCondition()
                    : ID.in(in.values().stream()
                            .map(v -> DSL.val(id(v), Long.class))
                            .toList());
        }
        if (filter instanceof RowRequest.Range range) {
            Condition c = DSL.noCondition();
            if (range.from() != null) {
                c = c.and(ID.ge(DSL.val(id(range.from()), Long.class)));
            }
            if (range.to() != null) {
                c = c.and(ID.le(DSL.val(id(range.to()), Long.class)));
            }
            return c;
        }
        throw new IllegalArgumentException("_id is a number: filter it by equals, one of or between");
    }

    private static long id(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected integer, got: " + value, e);
        }
    }

    private static Condition condition(RowRequest.Filter filter, StoreColumn column, Field<Object> field) {
        if (filter instanceof RowRequest.Contains contains) {
            return text(column).containsIgnoreCase(contains.text());
        }
        if (filter instanceof RowRequest.Equals equals) {
            return field.eq(bound(column, equals.value()));
        }
        if (filter instanceof RowRequest.In in) {
            List<Field<Object>> values = new ArrayList<>();
            for (Object value : in.values()) {
                values.add(bound(column, value));
            }
            return values.isEmpty() ? DSL.falseCondition() : field.in(values);
        }
        RowRequest.Range range = (RowRequest.Range) filter;
        Condition c = DSL.noCondition();
        if (range.from() != null) {
            c = c.and(field.ge(bound(column, range.from())));
        }
        if (range.to() != null) {
            c = c.and(field.le(bound(column, range.to())));
        }
        return c;
    }

    public static List<SortField<?>> order(List<StoreColumn> columns, RowRequest query) {
        List<SortField<?>> order = new ArrayList<>();
        for (RowRequest.Sort sort : query.sorts()) {
            if (sort.column().equals(RowRequest.ID)) {
                order.add(sort.descending() ? DatasetStore.ROW.desc() : DatasetStore.ROW.asc());
                continue;
            }
            Field<Object> field = field(column(columns, sort.column()));
            order.add((sort.descending() ? field.desc() : field.asc()).nullsLast());
        }
        if (!order.isEmpty()) {
            // equal values keep the order of the file
            order.add(DatasetStore.ROW.asc());
        }
        // without a sort there is no ORDER BY at all: DuckDB keeps insertion order (its
        // preserve_insertion_order setting, on by default), and a sort of millions of rows by number
        // would make every deep page cost a full sort
        return order;
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> field(StoreColumn column) {
        return (Field<Object>) DSL.field(DSL.name(column.name()), DatasetStore.dataType(column));
    }

    private static Field<String> text(StoreColumn column) {
        Field<Object> field = field(column);
        return column.type() == ValueType.TEXT ? field.coerce(String.class) : field.cast(SQLDataType.VARCHAR);
    }

    private static Field<Object> bound(StoreColumn column, Object value) {
        Object typed = value instanceof String s && column.type() != ValueType.TEXT ? parse(column.type(), s) : value;
        return DSL.val(typed, field(column).getDataType());
    }

    /**
     * A value of the given type from its text: integers, decimals with {@code .}, {@code true} or
     * {@code false}, ISO dates and date-times. Anything else is an {@link IllegalArgumentException}
     * that says what was expected.
     */
    public static Object parse(ValueType type, String text) {
        String value = text.strip();
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(value);
                case DECIMAL -> new BigDecimal(value);
                case BOOLEAN -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException("expected true or false, got: " + text);
                    }
                    yield Boolean.valueOf(v);
                }
                // a month, ISO week or quarter means the day it begins, as its column stores it
                case DATE -> {
                    LocalDate period = org.openplaza.catalog.importer.Periods.parse(value);
                    yield period != null ? period : LocalDate.parse(value);
                }
                case TIMESTAMP -> LocalDateTime.parse(value.replace(' ', 'T'));
                case TEXT -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "expected " + type.name().toLowerCase(Locale.ROOT) + ", got: " + text, e);
        }
    }
}
