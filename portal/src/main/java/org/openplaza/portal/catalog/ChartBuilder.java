package org.openplaza.portal.catalog;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openplaza.charts.ChartOptions;
import org.openplaza.charts.ChartType;
import org.openplaza.datastore.GroupQuery;
import org.openplaza.datastore.GroupQuery.Aggregation;
import org.openplaza.datastore.GroupQuery.Bucket;
import org.openplaza.datastore.Grouped;
import org.openplaza.datastore.QueryException;
import org.openplaza.importer.ValueType;
import org.openplaza.portal.charts.EChart;
import org.openplaza.publishing.DatasetColumn;
import org.openplaza.publishing.DatasetReader;

/**
 * The chart builder on a dataset page: a chart type, a dimension (dates bucketed by day to year,
 * numbers binned), a measure with its aggregation, an optional split into series, an order and a
 * top-N. Every change redraws the preview from points aggregated in the dataset store; a choice
 * that cannot be drawn says why. The numbers are also shown as a table, for everyone.
 */
class ChartBuilder extends VerticalLayout {

    private final DatasetReader reader;
    private final long datasetId;
    private final List<DatasetColumn> columns;
    private final Select<ChartType> type = new Select<>();
    private final Select<DatasetColumn> dimension = new Select<>();
    private final Select<Bucket> bucket = new Select<>();
    private final IntegerField bins = new IntegerField();
    private final Select<Aggregation> aggregation = new Select<>();
    private final Select<Optional<DatasetColumn>> measure = new Select<>();
    private final Select<Optional<DatasetColumn>> series = new Select<>();
    private final IntegerField top = new IntegerField();
    private final Select<GroupQuery.Order> order = new Select<>();
    private final EChart chart;
    private final Paragraph problem = new Paragraph();
    private final Grid<Integer> table = new Grid<>();

    ChartBuilder(DatasetReader reader, long datasetId) {
        this.reader = reader;
        this.datasetId = datasetId;
        this.columns = reader.columns(datasetId);
        setPadding(false);
        setId("chart-builder");
        chart = new EChart(getTranslation("chart.title.empty"), "{}");
        chart.setId("chart-preview");
        chart.setHeight("420px");
        configure();
        problem.setId("chart-problem");
        problem.addClassName("error");
        problem.setVisible(false);
        table.setId("chart-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.setAllRowsVisible(true);
        Details numbers = new Details(getTranslation("chart.as-table"), table);
        numbers.setId("chart-as-table");
        HorizontalLayout row1 = wrap(type, dimension, bucket, bins);
        HorizontalLayout row2 = wrap(aggregation, measure, series, top, order);
        add(new H2(getTranslation("chart.heading")), row1, row2, problem, chart, numbers);
        draw();
    }

    private static HorizontalLayout wrap(com.vaadin.flow.component.Component... fields) {
        HorizontalLayout row = new HorizontalLayout(fields);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private void configure() {
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

        aggregation.setId("chart-aggregation");
        aggregation.setLabel(getTranslation("chart.aggregation"));
        aggregation.setItems(Aggregation.values());
        aggregation.setItemLabelGenerator(a -> getTranslation("chart.aggregation." + a.name()));
        aggregation.setValue(Aggregation.COUNT);

        measure.setId("chart-measure");
        measure.setLabel(getTranslation("chart.measure"));
        List<Optional<DatasetColumn>> measures = new ArrayList<>();
        measures.add(Optional.empty());
        columns.forEach(c -> measures.add(Optional.of(c)));
        measure.setItems(measures);
        measure.setItemLabelGenerator(c -> c.map(DatasetColumn::label).orElse(getTranslation("chart.rows")));
        measure.setValue(Optional.empty());

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
        order.setItems(GroupQuery.Order.values());
        order.setItemLabelGenerator(o -> getTranslation("chart.order." + o.name()));
        order.setValue(GroupQuery.Order.DIMENSION_ASC);

        dimension.addValueChangeListener(e -> {
            bucketsFor(e.getValue());
            draw();
        });
        type.addValueChangeListener(e -> draw());
        bucket.addValueChangeListener(e -> {
            bins.setVisible(e.getValue() == Bucket.BINS);
            draw();
        });
        bins.addValueChangeListener(e -> draw());
        aggregation.addValueChangeListener(e -> draw());
        measure.addValueChangeListener(e -> draw());
        series.addValueChangeListener(e -> draw());
        top.addValueChangeListener(e -> draw());
        order.addValueChangeListener(e -> draw());
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
        bucket.setValue(choices.contains(Bucket.MONTH) ? Bucket.MONTH : Bucket.NONE);
        bucket.setVisible(choices.size() > 1);
        bins.setVisible(bucket.getValue() == Bucket.BINS);
    }

    private @Nullable GroupQuery query() {
        if (dimension.getValue() == null || aggregation.getValue() == null || bucket.getValue() == null) {
            return null;
        }
        String measureColumn = measure.getValue() == null
                ? null
                : measure.getValue().map(DatasetColumn::name).orElse(null);
        int binCount = bins.getValue() == null ? 10 : bins.getValue();
        return new GroupQuery(
                new GroupQuery.Dimension(dimension.getValue().name(), bucket.getValue(), binCount),
                List.of(new GroupQuery.Measure(measureColumn, aggregation.getValue())),
                series.getValue() == null
                        ? null
                        : series.getValue().map(DatasetColumn::name).orElse(null),
                List.of(),
                order.getValue() == null ? GroupQuery.Order.DIMENSION_ASC : order.getValue(),
                top.getValue() == null ? 0 : top.getValue());
    }

    private String measureLabel() {
        return measure.getValue() != null && measure.getValue().isPresent()
                ? getTranslation("chart.aggregation." + aggregation.getValue().name()) + " · "
                        + measure.getValue().get().label()
                : getTranslation("chart.aggregation." + aggregation.getValue().name());
    }

    private String title() {
        String what = measureLabel();
        String along = dimension.getValue().label()
                + (bucket.getValue() == Bucket.NONE
                        ? ""
                        : " ("
                                + getTranslation(
                                        "chart.bucket." + bucket.getValue().name()) + ")");
        return getTranslation("chart.title", what, along);
    }

    private void draw() {
        GroupQuery query = query();
        if (query == null) {
            return;
        }
        try {
            Grouped data = reader.group(datasetId, query);
            if (query.series() == null && data.series().size() == 1) {
                // one measure, no split: the line is named as the reader chose it
                data = new Grouped(
                        data.categories(),
                        List.of(new Grouped.Series(
                                measureLabel(), data.series().get(0).values())));
            }
            String title = title();
            chart.setOption(ChartOptions.build(type.getValue(), data, title));
            chart.getElement().setAttribute("aria-label", title);
            showTable(data);
            problem.setVisible(false);
            chart.setVisible(true);
        } catch (QueryException e) {
            problem.setText(getTranslation(e.messageKey(), e.arguments().toArray()));
            problem.setVisible(true);
            chart.setVisible(false);
            table.setItems(List.of());
        } catch (SQLException e) {
            problem.setText(getTranslation("chart.error.failed"));
            problem.setVisible(true);
            chart.setVisible(false);
        }
    }

    private void showTable(Grouped data) {
        table.removeAllColumns();
        table.addColumn(i -> data.categories().get(i))
                .setHeader(dimension.getValue().label())
                .setKey("category");
        for (Grouped.Series s : data.series()) {
            table.addColumn(i -> {
                        Double value = s.values().get(i);
                        return value == null ? "" : DataTable.Cells.number(value, getLocale());
                    })
                    .setHeader(s.name());
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.categories().size(); i++) {
            rows.add(i);
        }
        table.setItems(rows);
    }
}
