package org.openplaza.portal.catalog;

import com.vaadin.flow.component.details.Details;
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
import org.openplaza.portal.charts.ChartNumbers;
import org.openplaza.portal.charts.EChart;
import org.openplaza.publishing.DatasetColumn;
import org.openplaza.publishing.DatasetReader;
import org.openplaza.publishing.PublishingException;
import org.openplaza.visualisations.ChartDefinition;
import org.openplaza.visualisations.VisualisationService;

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
    private final ChartNumbers table = new ChartNumbers();

    private final VisualisationService visualisations;

    ChartBuilder(DatasetReader reader, VisualisationService visualisations, long datasetId) {
        this.reader = reader;
        this.visualisations = visualisations;
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
        Details numbers = new Details(getTranslation("chart.as-table"), table);
        numbers.setId("chart-as-table");
        HorizontalLayout row1 = wrap(type, dimension, bucket, bins);
        HorizontalLayout row2 = wrap(aggregation, measure, series, top, order);
        add(new H2(getTranslation("chart.heading")), row1, row2, problem, chart, numbers, saving());
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

    /** Signed-in users save the chart; others are invited to sign in. */
    private com.vaadin.flow.component.Component saving() {
        if (com.vaadin.flow.server.VaadinRequest.getCurrent() == null
                || com.vaadin.flow.server.VaadinRequest.getCurrent().getUserPrincipal() == null) {
            com.vaadin.flow.component.html.Anchor signIn =
                    new com.vaadin.flow.component.html.Anchor("login", getTranslation("chart.save.sign-in"));
            signIn.setId("chart-sign-in");
            return signIn;
        }
        com.vaadin.flow.component.button.Button save =
                new com.vaadin.flow.component.button.Button(getTranslation("chart.save"), e -> openSaveDialog());
        save.setId("chart-save");
        save.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        return save;
    }

    private void openSaveDialog() {
        GroupQuery query = query();
        if (query == null) {
            return;
        }
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle(getTranslation("chart.save"));
        com.vaadin.flow.component.textfield.TextField name =
                new com.vaadin.flow.component.textfield.TextField(getTranslation("visualisation.title"));
        name.setId("visualisation-title");
        name.setValue(title());
        name.setWidthFull();
        com.vaadin.flow.component.textfield.TextArea about =
                new com.vaadin.flow.component.textfield.TextArea(getTranslation("visualisation.description"));
        about.setId("visualisation-description");
        about.setWidthFull();
        about.setMaxLength(2000);
        com.vaadin.flow.component.checkbox.Checkbox follows =
                new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("visualisation.follows-latest"), true);
        follows.setId("visualisation-follows");
        dialog.add(new VerticalLayout(name, about, follows));
        com.vaadin.flow.component.button.Button confirm =
                new com.vaadin.flow.component.button.Button(getTranslation("chart.save"), e -> {
                    try {
                        long id = visualisations.save(
                                datasetId,
                                name.getValue(),
                                about.getValue(),
                                new ChartDefinition(type.getValue(), query),
                                follows.getValue());
                        dialog.close();
                        getUI().ifPresent(ui -> ui.navigate("visualisation/" + id));
                    } catch (PublishingException ex) {
                        com.vaadin.flow.component.HasValidation field = "description".equals(ex.field()) ? about : name;
                        field.setErrorMessage(
                                getTranslation(ex.messageKey(), ex.arguments().toArray()));
                        field.setInvalid(true);
                    } catch (QueryException ex) {
                        name.setErrorMessage(
                                getTranslation(ex.messageKey(), ex.arguments().toArray()));
                        name.setInvalid(true);
                    } catch (SQLException ex) {
                        name.setErrorMessage(getTranslation("chart.error.failed"));
                        name.setInvalid(true);
                    }
                });
        confirm.setId("visualisation-save");
        confirm.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter()
                .add(
                        new com.vaadin.flow.component.button.Button(
                                getTranslation("common.cancel"), e -> dialog.close()),
                        confirm);
        dialog.open();
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
        if (type.getValue() == ChartType.HEATMAP && query.series() == null) {
            problem.setText(getTranslation("chart.error.heatmap-needs-split"));
            problem.setVisible(true);
            chart.setVisible(false);
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
            table.show(data, dimension.getValue().label(), getLocale());
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
}
