package org.openplaza.portal.catalog;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.GroupRequest.Bucket;
import org.openplaza.catalog.ValueType;

/**
 * The chart builder's first row: the chart type and what runs along its axis, a column taken value
 * by value, by day to year for dates, or in ranges for numbers. A calendar or a histogram moves
 * the axis to a column that fits it.
 */
class AxisFields extends HorizontalLayout {

    private final Select<ChartType> type = new Select<>();
    private final Select<DatasetColumn> dimension = new Select<>();
    private final Select<Bucket> bucket = new Select<>();
    private final IntegerField bins = new IntegerField();
    private final List<DatasetColumn> columns;
    private final BooleanSupplier loading;
    private final Runnable changed;

    /**
     * @param loading true while a saved chart is put into the fields: its own bucket is kept
     * @param changed told after each change, to draw again
     */
    AxisFields(List<DatasetColumn> columns, BooleanSupplier loading, Runnable changed) {
        this.columns = columns;
        this.loading = loading;
        this.changed = changed;
        type.setId("chart-type");
        type.setLabel(getTranslation("chart.type"));
        type.setItems(ChartType.values());
        type.setItemLabelGenerator(t -> getTranslation("chart.type." + t.name()));
        type.setValue(ChartType.BAR);

        dimension.setId("chart-dimension");
        dimension.setLabel(getTranslation("chart.dimension"));
        dimension.setItems(columns);
        dimension.setItemLabelGenerator(DatasetColumn::label);
        DatasetColumn first = columns.stream()
                .filter(c -> c.type() == ValueType.DATE || c.type() == ValueType.TEXT)
                .findFirst()
                .orElse(columns.get(0));
        dimension.setValue(first);

        bucket.setId("chart-bucket");
        bucket.setLabel(getTranslation("chart.bucket"));
        bucket.setItemLabelGenerator(b -> getTranslation("chart.bucket." + b.name()));
        bins.setId("chart-bins");
        bins.setLabel(getTranslation("chart.bins"));
        bins.setMin(1);
        bins.setMax(200);
        bins.setValue(10);
        bins.setStepButtonsVisible(true);
        bins.setWidth("8em");
        bucketsFor(first);
        dimension.addValueChangeListener(e -> {
            if (!loading.getAsBoolean()) {
                bucketsFor(e.getValue());
            }
            changed.run();
        });
        type.addValueChangeListener(e -> {
            // a calendar shows days and a histogram ranges of numbers: take a fitting column that way
            if (e.getValue() == ChartType.CALENDAR) {
                prefer(Bucket.DAY, ValueType.DATE, ValueType.TIMESTAMP);
            } else if (e.getValue() == ChartType.HISTOGRAM) {
                prefer(Bucket.BINS, ValueType.INTEGER, ValueType.DECIMAL);
            }
            changed.run();
        });
        bucket.addValueChangeListener(e -> {
            bins.setVisible(e.getValue() == Bucket.BINS);
            changed.run();
        });
        bins.addValueChangeListener(e -> changed.run());
        add(type, dimension, bucket, bins);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
    }

    ChartType chartType() {
        return type.getValue();
    }

    /** The column along the axis. */
    DatasetColumn column() {
        return dimension.getValue();
    }

    /** The axis as the store groups on it, or null while a choice is missing. */
    GroupRequest.@Nullable Dimension dimension() {
        if (dimension.getValue() == null || bucket.getValue() == null) {
            return null;
        }
        int binCount = bins.getValue() == null ? 10 : bins.getValue();
        return new GroupRequest.Dimension(dimension.getValue().name(), bucket.getValue(), binCount);
    }

    /** What runs along the axis, in words: "Date (by month)". */
    String along() {
        return dimension.getValue().label()
                + (bucket.getValue() == Bucket.NONE
                        ? ""
                        : " ("
                                + getTranslation(
                                        "chart.bucket." + bucket.getValue().name()) + ")");
    }

    /** Puts a saved chart's type and axis into the fields; a column no longer there leaves the axis as it was. */
    void show(ChartType chartType, @Nullable DatasetColumn along, GroupRequest.Dimension saved) {
        type.setValue(chartType);
        if (along != null) {
            dimension.setValue(along);
            bucketsFor(along);
        }
        bucket.setValue(saved.bucket());
        bins.setValue(saved.bins() > 0 ? saved.bins() : 10);
    }

    /** Moves the dimension to a column of one of these types, if it is not on one, and buckets it. */
    private void prefer(Bucket wanted, ValueType... types) {
        List<ValueType> fitting = List.of(types);
        if (dimension.getValue() == null
                || !fitting.contains(dimension.getValue().type())) {
            columns.stream().filter(c -> fitting.contains(c.type())).findFirst().ifPresent(dimension::setValue);
        }
        if (dimension.getValue() != null
                && fitting.contains(dimension.getValue().type())) {
            bucket.setValue(wanted);
        }
    }

    /** Dates can be bucketed, numbers binned, anything else is taken value by value. */
    private void bucketsFor(DatasetColumn column) {
        List<Bucket> choices = new ArrayList<>();
        choices.add(Bucket.NONE);
        if (column.type() == ValueType.DATE || column.type() == ValueType.TIMESTAMP) {
            choices.addAll(List.of(Bucket.DAY, Bucket.WEEK, Bucket.MONTH, Bucket.QUARTER, Bucket.YEAR));
        } else if (column.type() == ValueType.INTEGER || column.type() == ValueType.DECIMAL) {
            choices.add(Bucket.BINS);
        }
        bucket.setItems(choices);
        Bucket chosen = choices.contains(Bucket.MONTH) ? Bucket.MONTH : Bucket.NONE;
        if (type.getValue() == ChartType.CALENDAR && choices.contains(Bucket.DAY)) {
            chosen = Bucket.DAY;
        } else if (type.getValue() == ChartType.HISTOGRAM && choices.contains(Bucket.BINS)) {
            chosen = Bucket.BINS;
        }
        bucket.setValue(chosen);
        bucket.setVisible(choices.size() > 1);
        bins.setVisible(bucket.getValue() == Bucket.BINS);
    }
}
