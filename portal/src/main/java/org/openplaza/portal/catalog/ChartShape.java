package org.openplaza.portal.catalog;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.ValueType;

/** The chart builder's shape of the result: a split into series, the order, and the top N. */
final class ChartShape extends HorizontalLayout {

    private final Select<Optional<DatasetColumn>> series = new Select<>();
    private final IntegerField top = new IntegerField();
    private final Select<GroupRequest.Order> order = new Select<>();

    ChartShape(List<DatasetColumn> columns, Runnable changed) {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
        series.setId("chart-series");
        series.setLabel(getTranslation("chart.series"));
        List<Optional<DatasetColumn>> splits = new ArrayList<>();
        splits.add(Optional.empty());
        columns.stream()
                .filter(c -> c.type() == ValueType.TEXT || c.type() == ValueType.BOOLEAN)
                .forEach(c -> splits.add(Optional.of(c)));
        series.setItems(splits);
        series.setItemLabelGenerator(c -> c.map(DatasetColumn::label).orElse(getTranslation("chart.no-split")));
        series.setValue(Optional.empty());

        top.setId("chart-top");
        top.setLabel(getTranslation("chart.top"));
        top.setHelperText(getTranslation("chart.top.help"));
        top.setMin(0);
        top.setMax(100);
        top.setValue(0);
        top.setWidth("8em");

        order.setId("chart-order");
        order.setLabel(getTranslation("chart.order"));
        order.setItems(GroupRequest.Order.values());
        order.setItemLabelGenerator(o -> getTranslation("chart.order." + o.name()));
        order.setValue(GroupRequest.Order.DIMENSION_ASC);
        series.addValueChangeListener(e -> changed.run());
        top.addValueChangeListener(e -> changed.run());
        order.addValueChangeListener(e -> changed.run());
        add(series, top, order);
    }

    /** Shows a saved chart's split, order and top N. */
    void show(@Nullable DatasetColumn split, GroupRequest.Order chosenOrder, int chosenTop) {
        series.setValue(Optional.ofNullable(split));
        order.setValue(chosenOrder);
        top.setValue(chosenTop);
    }

    /** The column the chart is split by, or null. */
    @Nullable
    String series() {
        return series.getValue() == null
                ? null
                : series.getValue().map(DatasetColumn::name).orElse(null);
    }

    GroupRequest.Order order() {
        return order.getValue() == null ? GroupRequest.Order.DIMENSION_ASC : order.getValue();
    }

    int top() {
        return top.getValue() == null ? 0 : top.getValue();
    }
}
