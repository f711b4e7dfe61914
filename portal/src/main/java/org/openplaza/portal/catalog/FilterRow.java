package org.openplaza.portal.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.RowRequestParams;

/** A filter on one column; its value is checked against the column's type when the chart draws. */
final class FilterRow extends HorizontalLayout {
    final Select<DatasetColumn> column = new Select<>();
    final Select<FilterKind> kind = new Select<>();
    final TextField value = new TextField();
    final TextField to = new TextField();

    private final List<DatasetColumn> columns;

    FilterRow(int index, List<DatasetColumn> columns, Runnable changed, Consumer<FilterRow> onRemove) {
        this.columns = columns;
        String suffix = "-" + (index + 1);
        column.setId("chart-filter-column" + suffix);
        column.setLabel(getTranslation("chart.filter.column"));
        column.setItems(columns);
        column.setItemLabelGenerator(DatasetColumn::label);
        column.setValue(columns.get(0));
        kind.setId("chart-filter-kind" + suffix);
        kind.setLabel(getTranslation("chart.filter.kind"));
        kind.setItems(FilterKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("chart.filter.kind." + k.name()));
        kind.setValue(FilterKind.CONTAINS);
        value.setId("chart-filter-value" + suffix);
        value.setLabel(getTranslation("chart.filter.value"));
        value.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
        to.setId("chart-filter-to" + suffix);
        to.setLabel(getTranslation("chart.filter.to"));
        to.setVisible(false);
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> onRemove.accept(this));
        remove.setId("chart-filter-remove" + suffix);
        remove.setAriaLabel(getTranslation("chart.filter.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        column.addValueChangeListener(e -> changed.run());
        kind.addValueChangeListener(e -> {
            to.setVisible(e.getValue() == FilterKind.BETWEEN);
            value.setLabel(
                    getTranslation(e.getValue() == FilterKind.BETWEEN ? "chart.filter.from" : "chart.filter.value"));
            value.setHelperText(e.getValue() == FilterKind.ONE_OF ? getTranslation("chart.filter.one-of.help") : "");
            changed.run();
        });
        value.addValueChangeListener(e -> changed.run());
        to.addValueChangeListener(e -> changed.run());
        add(column, kind, value, to, remove);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
    }

    /** The filter in the data table's text form, or null while it has no value. */
    @Nullable
    String param() {
        String text = value.getValue().strip();
        String end = to.getValue().strip();
        FilterKind k = kind.getValue() == null ? FilterKind.CONTAINS : kind.getValue();
        if (text.isEmpty() && (k != FilterKind.BETWEEN || end.isEmpty())) {
            return null;
        }
        return switch (k) {
            case CONTAINS -> "contains:" + text;
            case EQUALS -> "eq:" + text;
            case ONE_OF -> "in:" + String.join("|", text.split("\\s*,\\s*"));
            case BETWEEN -> "range:" + text + ".." + end;
        };
    }

    void show(RowRequest.Filter filter) {
        columns.stream()
                .filter(c -> c.name().equals(filterColumn(filter)))
                .findFirst()
                .ifPresent(column::setValue);
        String param = RowRequestParams.toParams(new RowRequest(List.of(filter), "", List.of()))
                .values()
                .iterator()
                .next();
        if (param.startsWith("contains:")) {
            kind.setValue(FilterKind.CONTAINS);
            value.setValue(param.substring("contains:".length()));
        } else if (param.startsWith("eq:")) {
            kind.setValue(FilterKind.EQUALS);
            value.setValue(param.substring(3));
        } else if (param.startsWith("in:")) {
            kind.setValue(FilterKind.ONE_OF);
            value.setValue(String.join(", ", param.substring(3).split("\\|", -1)));
        } else if (param.startsWith("range:")) {
            kind.setValue(FilterKind.BETWEEN);
            String range = param.substring("range:".length());
            int dots = range.indexOf("..");
            value.setValue(range.substring(0, dots));
            to.setValue(range.substring(dots + 2));
        }
    }

    private static String filterColumn(RowRequest.Filter filter) {
        if (filter instanceof RowRequest.Contains c) {
            return c.column();
        }
        if (filter instanceof RowRequest.Equals e) {
            return e.column();
        }
        if (filter instanceof RowRequest.In in) {
            return in.column();
        }
        return ((RowRequest.Range) filter).column();
    }

    /** The kinds of filter the data table has: contains, equals, one of several values, between. */
    enum FilterKind {
        CONTAINS,
        EQUALS,
        ONE_OF,
        BETWEEN
    }
}
