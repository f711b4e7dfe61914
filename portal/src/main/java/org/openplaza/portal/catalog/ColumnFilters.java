package org.openplaza.portal.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.RowRequestParams;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;

/**
 * The boxes over the data table's columns that filter its rows: for each column, by its type, a
 * box of words, a choice of yes or no, or a range of dates or numbers, each turning what is typed
 * into a filter of the rows, and each filled again from a filter read from the address.
 */
final class ColumnFilters {

    private final Component owner;
    private final BiConsumer<String, RowRequest.@Nullable Filter> changed;
    private final Map<String, Consumer<RowRequest.Filter>> restorers = new HashMap<>();

    /**
     * @param owner the table, whose language the boxes speak
     * @param changed told a column's new filter, or null when its boxes were emptied
     */
    ColumnFilters(Component owner, BiConsumer<String, RowRequest.@Nullable Filter> changed) {
        this.owner = owner;
        this.changed = changed;
    }

    /** Puts a filter read from the address into its column's boxes, if the column has them. */
    void restore(RowRequest.Filter filter) {
        var restorer = restorers.get(filter.column());
        if (restorer != null) {
            restorer.accept(filter);
        }
    }

    private String t(String key, Object... arguments) {
        return owner.getTranslation(key, arguments);
    }

    Component filterFor(StoreColumn column, String label) {
        String aria = t("dataset.data.filter", label);
        return switch (column.type()) {
            case TEXT -> words(column.name(), aria);
            case BOOLEAN -> yesOrNo(column.name(), aria);
            case DATE, TIMESTAMP -> days(column, aria);
            default -> numbers(column, aria);
        };
    }

    /** A box of words the column's values contain. */
    private Component words(String name, String aria) {
        TextField contains = compactField(aria, t("dataset.data.contains"));
        contains.setId("filter-" + name);
        restorers.put(name, f -> {
            if (f instanceof RowRequest.Contains c) {
                contains.setValue(c.text());
            }
        });
        contains.addValueChangeListener(e -> {
            changed.accept(
                    name,
                    e.getValue().isBlank()
                            ? null
                            : new RowRequest.Contains(name, e.getValue().strip()));
        });
        return contains;
    }

    /** Any, yes or no. */
    private Component yesOrNo(String name, String aria) {
        Select<String> choice = new Select<>();
        choice.setItems("", "true", "false");
        choice.setItemLabelGenerator(v -> v.isEmpty() ? t("dataset.data.any") : t("dataset.data." + v));
        choice.setValue("");
        choice.setAriaLabel(aria);
        choice.setId("filter-" + name);
        restorers.put(name, f -> {
            if (f instanceof RowRequest.Equals e && e.value() instanceof Boolean b) {
                choice.setValue(b.toString());
            }
        });
        choice.setWidthFull();
        choice.addValueChangeListener(e -> changed.accept(
                name, e.getValue().isEmpty() ? null : new RowRequest.Equals(name, Boolean.valueOf(e.getValue()))));
        return choice;
    }

    /** From one day to another, both whole days, for dates and timestamps. */
    private Component days(StoreColumn column, String aria) {
        String name = column.name();
        DatePicker from = org.openplaza.portal.layout.Pickers.localised(new DatePicker());
        DatePicker to = org.openplaza.portal.layout.Pickers.localised(new DatePicker());
        from.setAriaLabel(aria + " " + t("dataset.data.from"));
        to.setAriaLabel(aria + " " + t("dataset.data.to"));
        from.setPlaceholder(t("dataset.data.from"));
        to.setPlaceholder(t("dataset.data.to"));
        from.setId("filter-" + name + "-from");
        to.setId("filter-" + name + "-to");
        from.setWidthFull();
        to.setWidthFull();
        from.setMinWidth("9.5em");
        to.setMinWidth("9.5em");
        boolean timestamps = column.type() == ValueType.TIMESTAMP;
        Runnable apply = () -> changed.accept(
                name,
                range(name, dateBound(from.getValue(), timestamps, false), dateBound(to.getValue(), timestamps, true)));
        from.addValueChangeListener(e -> apply.run());
        to.addValueChangeListener(e -> apply.run());
        restorers.put(name, f -> {
            if (f instanceof RowRequest.Range r) {
                from.setValue(day(r.from()));
                to.setValue(day(r.to()));
            }
        });
        return pair(from, to);
    }

    /** From one number to another; words are refused on their box. */
    private Component numbers(StoreColumn column, String aria) {
        String name = column.name();
        TextField from = compactField(aria + " " + t("dataset.data.from"), t("dataset.data.min"));
        TextField to = compactField(aria + " " + t("dataset.data.to"), t("dataset.data.max"));
        from.setId("filter-" + name + "-from");
        to.setId("filter-" + name + "-to");
        Runnable apply = () -> {
            Object low = number(column, from);
            Object high = number(column, to);
            if (!from.isInvalid() && !to.isInvalid()) {
                changed.accept(name, range(name, low, high));
            }
        };
        from.addValueChangeListener(e -> apply.run());
        to.addValueChangeListener(e -> apply.run());
        restorers.put(name, f -> {
            if (f instanceof RowRequest.Range r) {
                from.setValue(r.from() == null ? "" : plain(r.from()));
                to.setValue(r.to() == null ? "" : plain(r.to()));
            }
        });
        return pair(from, to);
    }

    private TextField compactField(String aria, String placeholder) {
        TextField field = new TextField();
        field.setAriaLabel(aria);
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setWidthFull();
        field.setMinWidth("5em");
        return field;
    }

    /** "From" above "to": a range's two boxes one under the other, so the column stays narrow. */
    private static com.vaadin.flow.component.orderedlayout.VerticalLayout pair(Component from, Component to) {
        var pair = new com.vaadin.flow.component.orderedlayout.VerticalLayout(from, to);
        pair.setPadding(false);
        pair.setSpacing(false);
        pair.getStyle().set("gap", "var(--lumo-space-xs)");
        pair.setWidthFull();
        return pair;
    }

    private @Nullable Object number(StoreColumn column, TextField field) {
        String text = field.getValue().strip().replace(",", "");
        field.setInvalid(false);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return RowRequestParams.value(
                    column.type() == ValueType.INTEGER && text.contains(".") ? ValueType.DECIMAL : column.type(), text);
        } catch (IllegalArgumentException e) {
            field.setInvalid(true);
            field.setErrorMessage(t("dataset.data.not-a-number"));
            return null;
        }
    }

    private static @Nullable LocalDate day(@Nullable Object bound) {
        if (bound instanceof LocalDateTime time) {
            return time.toLocalDate();
        }
        return bound instanceof LocalDate date ? date : null;
    }

    private static String plain(Object number) {
        return number instanceof BigDecimal d ? d.toPlainString() : String.valueOf(number);
    }

    private static @Nullable Object dateBound(@Nullable LocalDate date, boolean timestamps, boolean end) {
        if (date == null) {
            return null;
        }
        return timestamps ? LocalDateTime.of(date, end ? LocalTime.MAX : LocalTime.MIN) : date;
    }

    private static RowRequest.@Nullable Filter range(String name, @Nullable Object from, @Nullable Object to) {
        return from == null && to == null ? null : new RowRequest.Range(name, from, to);
    }
}
