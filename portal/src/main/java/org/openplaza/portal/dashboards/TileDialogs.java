package org.openplaza.portal.dashboards;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.DatasetSummary;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.KeyFigure;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;

/**
 * The owner's dialogs that add a tile: a saved chart (their own or any public one), or a key
 * figure of a published dataset, chosen by its columns' labels. What the service refuses is shown
 * on the field it is about.
 */
final class TileDialogs {

    /** A choice of a dataset's column by its label; the empty name counts rows. */
    record ColumnChoice(String name, String label) {}

    private TileDialogs() {}

    static void addChart(
            Component from, DashboardService dashboards, VisualisationService visualisations, long id, Runnable added) {
        Dialog dialog = new Dialog();
        dialog.setId("tile-chart-dialog");
        dialog.setHeaderTitle(from.getTranslation("dashboard.add-chart"));
        Map<Long, String> charts = new LinkedHashMap<>();
        visualisations.mine().stream()
                .filter(v -> !v.hidden())
                .forEach(v -> charts.put(v.id(), v.title() + " · " + v.datasetTitle()));
        for (VisualisationSummary v : visualisations.listVisible(0, 200)) {
            charts.putIfAbsent(v.id(), v.title() + " · " + v.datasetTitle());
        }
        ComboBox<Long> chart = new ComboBox<>(from.getTranslation("dashboard.chart"));
        chart.setId("tile-chart");
        chart.setItems(new ArrayList<>(charts.keySet()));
        chart.setItemLabelGenerator(charts::get);
        chart.setWidthFull();
        chart.setRequired(true);
        Checkbox wide = new Checkbox(from.getTranslation("dashboard.wide"), true);
        wide.setId("tile-chart-wide");
        dialog.add(new VerticalLayout(chart, wide));
        Button add = new Button(from.getTranslation("dashboard.add"), e -> {
            if (chart.getValue() == null) {
                invalid(from, chart, "dashboard.error.choose-chart");
                return;
            }
            try {
                dashboards.addChart(id, chart.getValue(), wide.getValue());
                dialog.close();
                added.run();
            } catch (CatalogException ex) {
                invalid(from, chart, ex);
            }
        });
        add.setId("tile-chart-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(from.getTranslation("common.cancel"), e -> dialog.close()), add);
        dialog.open();
    }

    static void addFigure(
            Component from,
            DashboardService dashboards,
            CatalogService catalog,
            DatasetReader reader,
            long id,
            Runnable added) {
        Dialog dialog = new Dialog();
        dialog.setId("tile-figure-dialog");
        dialog.setHeaderTitle(from.getTranslation("dashboard.add-figure"));
        ComboBox<DatasetSummary> dataset = new ComboBox<>(from.getTranslation("dashboard.dataset"));
        dataset.setId("tile-dataset");
        dataset.setItems(catalog.listPublishedDatasets(0, 500));
        dataset.setItemLabelGenerator(d -> d.title() + " · " + d.organisation());
        dataset.setWidthFull();
        dataset.setRequired(true);
        Select<ColumnChoice> value = new Select<>();
        value.setLabel(from.getTranslation("dashboard.value"));
        value.setId("tile-value");
        value.setItemLabelGenerator(ColumnChoice::label);
        Select<GroupRequest.Aggregation> aggregation = new Select<>();
        aggregation.setLabel(from.getTranslation("chart.aggregation"));
        aggregation.setId("tile-aggregation");
        aggregation.setItems(GroupRequest.Aggregation.values());
        aggregation.setItemLabelGenerator(a -> from.getTranslation("chart.aggregation." + a.name()));
        aggregation.setValue(GroupRequest.Aggregation.SUM);
        Select<ColumnChoice> date = new Select<>();
        date.setLabel(from.getTranslation("dashboard.date"));
        date.setId("tile-date");
        date.setItemLabelGenerator(ColumnChoice::label);
        Select<GroupRequest.Bucket> period = new Select<>();
        period.setLabel(from.getTranslation("dashboard.period"));
        period.setId("tile-period");
        period.setItems(List.of(
                GroupRequest.Bucket.DAY,
                GroupRequest.Bucket.WEEK,
                GroupRequest.Bucket.MONTH,
                GroupRequest.Bucket.QUARTER,
                GroupRequest.Bucket.YEAR));
        period.setItemLabelGenerator(b -> from.getTranslation("chart.bucket." + b.name()));
        period.setValue(GroupRequest.Bucket.MONTH);
        TextField title = new TextField(from.getTranslation("dashboard.tile-title"));
        title.setId("tile-title");
        title.setMaxLength(300);
        title.setWidthFull();
        Checkbox wide = new Checkbox(from.getTranslation("dashboard.wide"), false);
        wide.setId("tile-figure-wide");
        dataset.addValueChangeListener(e -> columns(from, reader, e.getValue(), value, date, title));
        dialog.add(new VerticalLayout(dataset, value, aggregation, date, period, title, wide));
        Button add = new Button(from.getTranslation("dashboard.add"), e -> {
            if (dataset.getValue() == null || date.getValue() == null) {
                invalid(from, dataset.getValue() == null ? dataset : date, "dashboard.error.choose-dataset");
                return;
            }
            try {
                ColumnChoice measured = value.getValue();
                KeyFigure figure = new KeyFigure(
                        dataset.getValue().id(),
                        measured == null || measured.name().isEmpty() ? null : measured.name(),
                        aggregation.getValue(),
                        date.getValue().name(),
                        period.getValue());
                dashboards.addFigure(id, title.getValue(), figure, wide.getValue());
                dialog.close();
                added.run();
            } catch (CatalogException ex) {
                HasValidation field = switch (ex.field() == null ? "" : ex.field()) {
                    case "title" -> title;
                    case "date", "period" -> "date".equals(ex.field()) ? date : period;
                    case "value" -> value;
                    default -> dataset;
                };
                invalid(from, field, ex);
            }
        });
        add.setId("tile-figure-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(from.getTranslation("common.cancel"), e -> dialog.close()), add);
        dialog.open();
    }

    /** The chosen dataset's numbers (and a count of rows) to measure, and its dates to group by. */
    private static void columns(
            Component from,
            DatasetReader reader,
            @Nullable DatasetSummary dataset,
            Select<ColumnChoice> value,
            Select<ColumnChoice> date,
            TextField title) {
        List<ColumnChoice> values = new ArrayList<>();
        values.add(new ColumnChoice("", from.getTranslation("dashboard.value.rows")));
        List<ColumnChoice> dates = new ArrayList<>();
        if (dataset != null) {
            for (DatasetColumn c : reader.columns(dataset.id())) {
                ColumnChoice choice = new ColumnChoice(c.name(), c.label().isBlank() ? c.name() : c.label());
                if (c.type() == ValueType.INTEGER || c.type() == ValueType.DECIMAL) {
                    values.add(choice);
                } else if (c.type() == ValueType.DATE || c.type() == ValueType.TIMESTAMP) {
                    dates.add(choice);
                }
            }
            if (title.isEmpty()) {
                title.setValue(dataset.title());
            }
        }
        value.setItems(values);
        value.setValue(values.size() > 1 ? values.get(1) : values.get(0));
        date.setItems(dates);
        if (!dates.isEmpty()) {
            date.setValue(dates.get(0));
        }
        date.setHelperText(dates.isEmpty() && dataset != null ? from.getTranslation("dashboard.no-dates") : "");
    }

    private static void invalid(Component from, HasValidation field, String key) {
        field.setErrorMessage(from.getTranslation(key));
        field.setInvalid(true);
    }

    private static void invalid(Component from, HasValidation field, CatalogException e) {
        field.setErrorMessage(from.getTranslation(e.messageKey(), e.arguments().toArray()));
        field.setInvalid(true);
    }
}
