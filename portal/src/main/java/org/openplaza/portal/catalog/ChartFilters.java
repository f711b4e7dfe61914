package org.openplaza.portal.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.RowRequestParams;
import org.openplaza.catalog.StoreColumn;

/**
 * The chart builder's filters: up to six rows, each a column, a kind of condition and its values,
 * added and removed by the reader; read as the store's filters, or refused with the column's name.
 */
final class ChartFilters extends VerticalLayout {

    static final int MAX_FILTERS = 6;

    private final List<DatasetColumn> columns;
    private final Runnable changed;
    private final List<FilterRow> rows = new ArrayList<>();
    private final VerticalLayout shown = new VerticalLayout();
    private final Button add = new Button();

    ChartFilters(List<DatasetColumn> columns, Runnable changed) {
        this.columns = columns;
        this.changed = changed;
        setPadding(false);
        shown.setPadding(false);
        shown.setSpacing(false);
        add.setText(getTranslation("chart.filter.add"));
        add.setIcon(VaadinIcon.FILTER.create());
        add.setId("chart-filter-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(e -> addRow());
        add(shown, add);
    }

    /** Shows a saved chart's filters, each in a row of its own. */
    void show(List<RowRequest.Filter> filters) {
        filters.forEach(f -> addRow().show(f));
    }

    private FilterRow addRow() {
        FilterRow row = new FilterRow(rows.size(), columns, changed, this::remove);
        rows.add(row);
        shown.add(row);
        add.setVisible(rows.size() < MAX_FILTERS);
        return row;
    }

    private void remove(FilterRow row) {
        rows.remove(row);
        shown.remove(row);
        add.setVisible(true);
        changed.run();
    }

    /** The filters as the store takes them; a value that does not fit its column is a CatalogException. */
    List<RowRequest.Filter> requested() {
        List<RowRequest.Filter> found = new ArrayList<>();
        List<StoreColumn> store = ChartBuilder.storeColumns(columns);
        for (FilterRow row : rows) {
            String param = row.param();
            if (param == null || row.column.getValue() == null) {
                continue;
            }
            try {
                found.addAll(RowRequestParams.fromParams(
                                Map.of("f." + row.column.getValue().name(), param), store)
                        .filters());
            } catch (IllegalArgumentException e) {
                throw new CatalogException(
                        null,
                        "chart.error.filter",
                        row.column.getValue().label(),
                        getTranslation("type." + row.column.getValue().type().name()));
            }
        }
        return found;
    }
}
