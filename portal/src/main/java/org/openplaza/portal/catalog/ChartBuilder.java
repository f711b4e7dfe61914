package org.openplaza.portal.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.charts.ChartLabels;
import org.openplaza.portal.charts.ChartNumbers;
import org.openplaza.portal.charts.EChart;
import org.springframework.dao.DataAccessException;

/**
 * The chart builder on a dataset page: a chart type, a dimension (dates bucketed by day to year,
 * numbers binned), one or more measures with their aggregation, an optional split into series,
 * filters, an order and a top-N. Every change redraws the preview from points aggregated in the
 * dataset store; a choice that cannot be drawn says why. The numbers are also shown as a table,
 * for everyone. Opened on one of the reader's own visualisations, it saves the chart back into it.
 */
class ChartBuilder extends VerticalLayout {

    static final int MAX_MEASURES = 4;

    private final DatasetReader reader;
    private final VisualisationService visualisations;
    private final long datasetId;
    private final List<DatasetColumn> columns;
    private final @Nullable Visualisation editing;
    private final AxisFields axis;
    private final List<MeasureRow> measures = new ArrayList<>();
    private final VerticalLayout measureRows = new VerticalLayout();
    private final Button addMeasure = new Button();
    private final ChartFilters filters;
    private final ChartShape shape;
    private final EChart chart;
    private final Paragraph problem = new Paragraph();
    private final ChartNumbers table = new ChartNumbers();
    private boolean loading;

    ChartBuilder(
            DatasetReader reader,
            VisualisationService visualisations,
            long datasetId,
            @Nullable Visualisation editing,
            @Nullable String state) {
        this.reader = reader;
        this.visualisations = visualisations;
        this.datasetId = datasetId;
        this.editing = editing;
        this.columns = reader.columns(datasetId);
        setPadding(false);
        setId("chart-builder");
        chart = new EChart(getTranslation("chart.title.empty"), "{}");
        chart.setId("chart-preview");
        chart.setHeight("420px");
        axis = new AxisFields(columns, () -> loading, this::draw);
        filters = new ChartFilters(columns, this::draw);
        shape = new ChartShape(columns, this::draw);
        configure();
        problem.setId("chart-problem");
        problem.addClassName("error");
        problem.setVisible(false);
        table.setId("chart-table");
        Details numbers = new Details(getTranslation("chart.as-table"), table);
        numbers.setId("chart-as-table");
        measureRows.setPadding(false);
        measureRows.setSpacing(false);
        addMeasureRow();
        add(new H2(getTranslation("chart.heading")));
        if (editing != null) {
            Paragraph note = new Paragraph(getTranslation("chart.editing", editing.title()));
            note.setId("chart-editing");
            add(note);
        }
        // the preview first, where it is seen as the choices below change it
        add(
                problem,
                chart,
                numbers,
                axis,
                measureRows,
                addMeasure,
                shape,
                filters,
                new ChartSaving(visualisations, datasetId, editing, this::definition, this::title, this::showProblem));
        ChartDefinition asked = decode(state);
        if (editing != null) {
            load(editing);
        } else if (asked != null) {
            apply(asked);
        } else if (!columns.isEmpty()) {
            apply(ChartDefinition.suggested(columns));
        }
        draw();
    }

    /** Told the builder's whole state, as the page's {@code chart} parameter, after each change. */
    private java.util.function.Consumer<String> stateChanged = state -> {};

    /** Keeps the page's address up to date with the chart, so that it can be shared and bookmarked. */
    public void onStateChange(java.util.function.Consumer<String> listener) {
        this.stateChanged = listener;
    }

    /** A chart's choices as an address parameter: its definition's JSON in URL-safe Base64. */
    static String encode(ChartDefinition definition) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(definition.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The chart an address parameter names, when it is one that fits this dataset; else null. */
    private @Nullable ChartDefinition decode(@Nullable String parameter) {
        if (parameter == null || parameter.length() > 4000) {
            return null;
        }
        try {
            String json = new String(
                    java.util.Base64.getUrlDecoder().decode(parameter), java.nio.charset.StandardCharsets.UTF_8);
            return ChartDefinition.fromJson(json, storeColumns(columns));
        } catch (IllegalArgumentException | CatalogException e) {
            return null; // a parameter made by hand, or for another version of the data: the defaults
        }
    }

    private MeasureRow addMeasureRow() {
        MeasureRow row = new MeasureRow(measures.size(), columns, this::draw, this::removeMeasure);
        measures.add(row);
        measureRows.add(row);
        addMeasure.setVisible(measures.size() < MAX_MEASURES);
        return row;
    }

    private void removeMeasure(MeasureRow row) {
        measures.remove(row);
        measureRows.remove(row);
        addMeasure.setVisible(true);
        draw();
    }

    /** The button that adds a measure. */
    private void configure() {
        addMeasure.setText(getTranslation("chart.measure.add"));
        addMeasure.setIcon(VaadinIcon.PLUS.create());
        addMeasure.setId("chart-measure-add");
        addMeasure.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addMeasure.addClickListener(e -> {
            addMeasureRow();
            draw();
        });
    }

    /** Puts a saved chart's choices into the fields. */
    private void load(Visualisation v) {
        ChartDefinition definition;
        try {
            definition = ChartDefinition.fromJson(v.definition(), storeColumns(columns));
        } catch (IllegalArgumentException | CatalogException e) {
            // the chart no longer fits the dataset: start from the defaults
            apply(ChartDefinition.suggested(columns));
            return;
        }
        apply(definition);
    }

    /** Puts a chart's choices into the fields. */
    private void apply(ChartDefinition definition) {
        loading = true;
        try {
            GroupRequest q = definition.query();
            axis.show(definition.type(), column(q.dimension().column()), q.dimension());
            for (int i = 0; i < q.measures().size(); i++) {
                MeasureRow row = i < measures.size() ? measures.get(i) : addMeasureRow();
                GroupRequest.Measure m = q.measures().get(i);
                row.aggregation.setValue(m.aggregation());
                row.column.setValue(Optional.ofNullable(m.column() == null ? null : column(m.column())));
            }
            filters.show(q.filters());
            shape.show(q.series() == null ? null : column(q.series()), q.order(), q.top());
        } finally {
            loading = false;
        }
    }

    private @Nullable DatasetColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The dataset's columns as the store names and types them. */
    static List<StoreColumn> storeColumns(List<DatasetColumn> columns) {
        return columns.stream().map(c -> new StoreColumn(c.name(), c.type(), 0)).toList();
    }

    private @Nullable GroupRequest query() {
        GroupRequest.Dimension along = axis.dimension();
        if (along == null) {
            return null;
        }
        return new GroupRequest(
                along,
                measures.stream().map(MeasureRow::measure).toList(),
                shape.series(),
                filters.requested(),
                shape.order(),
                shape.top());
    }

    private @Nullable ChartDefinition definition() {
        try {
            GroupRequest query = query();
            return query == null ? null : new ChartDefinition(axis.chartType(), query);
        } catch (CatalogException e) {
            showProblem(getTranslation(e.messageKey(), e.arguments().toArray()));
            return null;
        }
    }

    /** A column's label by its generated name. */
    private String label(String column) {
        return columns.stream()
                .filter(c -> c.name().equals(column))
                .map(DatasetColumn::label)
                .findFirst()
                .orElse(column);
    }

    private String title() {
        String what = String.join(
                ", ",
                measures.stream()
                        .map(m -> ChartLabels.measure(m.measure(), this::label, this::getTranslation))
                        .toList());
        return getTranslation("chart.title", what, axis.along());
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
        chart.setVisible(false);
        table.setItems(List.of());
    }

    private void draw() {
        if (loading) {
            return;
        }
        ChartDefinition definition = definition();
        if (definition == null) {
            return;
        }
        GroupRequest query = definition.query();
        try {
            Grouped data = ChartLabels.readable(reader.group(datasetId, query), this::label, this::getTranslation);
            String title = title();
            stateChanged.accept(encode(definition));
            chart.setOption(ChartOptions.build(definition.type(), data, title));
            chart.setHeight(ChartOptions.height(definition.type(), data) + "px");
            chart.getElement().setAttribute("aria-label", title);
            table.show(data, axis.column().label(), getLocale());
            problem.setVisible(false);
            chart.setVisible(true);
        } catch (CatalogException e) {
            showProblem(getTranslation(e.messageKey(), e.arguments().toArray()));
        } catch (DataAccessException e) {
            showProblem(getTranslation("chart.error.failed"));
        }
    }
}
