package org.openplaza.portal.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.RowRequestParams;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;

/**
 * The current version's rows in a lazily loaded grid: only the rows on screen are fetched, sorted
 * on the server by any column, filtered per column in a way that fits its type (contains for text,
 * from–to for numbers and dates, true/false), with a search across the row. The row count follows
 * the filters; the download links carry the same filters, so a download matches what is shown.
 */
class DataTable extends VerticalLayout {

    private final DatasetReader reader;
    private final long datasetId;
    private final List<StoreColumn> columns;
    private final Map<String, RowRequest.Filter> filters = new LinkedHashMap<>();
    private final Grid<Object[]> grid = new Grid<>();
    private final Span count = new Span();
    private final TextField search = new TextField();
    private final DownloadLinks downloads;
    private RowRequest query = RowRequest.ALL;
    private @Nullable RowRequest counted;
    private long countedRows;

    /** The boxes over the columns, each setting its column's filter. */
    private final ColumnFilters columnFilters = new ColumnFilters(this, this::set);

    /** Told the table's filters, search and sort, as address parameters, after each change. */
    private java.util.function.Consumer<Map<String, String>> stateChanged = state -> {};

    /** Keeps the page's address up to date with what the table shows. */
    void onStateChange(java.util.function.Consumer<Map<String, String>> listener) {
        this.stateChanged = listener;
    }

    DataTable(DatasetReader reader, DatasetPage dataset) {
        this(reader, dataset, Map.of());
    }

    /**
     * The table, showing what these address parameters ask ({@code q}, {@code sort},
     * {@code f.<column>}, as the downloads take them); parameters that do not fit the columns are
     * left out.
     */
    DataTable(DatasetReader reader, DatasetPage dataset, Map<String, String> asked) {
        this.reader = reader;
        this.datasetId = dataset.id();
        this.downloads = new DownloadLinks(dataset.id(), dataset.slug());
        this.columns = reader.storeColumns(datasetId);
        setPadding(false);
        setSizeFull();
        search.setId("data-search");
        search.setLabel(getTranslation("dataset.data.search"));
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        count.setId("data-count");
        count.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout bar = new HorizontalLayout(search, count);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid(reader.columns(datasetId));
        add(bar, grid, downloads);
        restore(asked);
        refresh();
    }

    private void restore(Map<String, String> asked) {
        RowRequest wanted;
        try {
            wanted = org.openplaza.catalog.RowRequestParams.fromParams(asked, columns);
        } catch (IllegalArgumentException e) {
            return; // an address written by hand that does not fit this dataset: the whole table
        }
        restoring = true;
        try {
            search.setValue(wanted.search());
            wanted.filters().forEach(columnFilters::restore);
            List<GridSortOrder<Object[]>> orders = new ArrayList<>();
            for (RowRequest.Sort sort : wanted.sorts()) {
                Grid.Column<Object[]> column = grid.getColumnByKey(sort.column());
                if (column != null) {
                    orders.add(new GridSortOrder<>(
                            column, sort.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING));
                }
            }
            if (!orders.isEmpty()) {
                grid.sort(orders);
            }
        } finally {
            restoring = false;
        }
    }

    private boolean restoring;

    private void configureGrid(List<DatasetColumn> dictionary) {
        grid.setId("data-grid");
        // filter boxes as narrow as their column allows, not the fields' usual 12em
        grid.getStyle().set("--vaadin-field-default-width", "6em");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("560px");
        grid.setMultiSort(true, Grid.MultiSortPriority.APPEND);
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            StoreColumn column = columns.get(i);
            String label = i < dictionary.size() ? dictionary.get(i).label() : column.name();
            boolean years = i < dictionary.size() && dictionary.get(i).holdsYears();
            // months, weeks and quarters as the file wrote them, not as the day each begins
            DatasetColumn periods =
                    i < dictionary.size() && dictionary.get(i).holdsPeriods() ? dictionary.get(i) : null;
            java.util.function.Function<Object[], String> text = row -> years && row[index] instanceof Long year
                    ? Long.toString(year)
                    : periods != null && row[index] != null
                            ? periods.text(row[index])
                            : Cells.text(row[index], getLocale());
            cellTexts.add(text);
            labels.add(label);
            Grid.Column<Object[]> gridColumn = grid.addColumn(text::apply)
                    .setHeader(label)
                    .setKey(column.name())
                    .setSortable(true)
                    .setResizable(true)
                    .setAutoWidth(true);
            if (column.type() == ValueType.INTEGER || column.type() == ValueType.DECIMAL) {
                gridColumn.setTextAlign(ColumnTextAlign.END);
            }
        }
        // the labels take the default header row; the filters go in a second row below them
        HeaderRow filterRow = grid.appendHeaderRow();
        for (int i = 0; i < columns.size(); i++) {
            String label = i < dictionary.size()
                    ? dictionary.get(i).label()
                    : columns.get(i).name();
            filterRow
                    .getCell(grid.getColumnByKey(columns.get(i).name()))
                    .setComponent(columnFilters.filterFor(columns.get(i), label));
        }
        // rows are compared by their values, so that a row's details stay open as pages reload
        grid.setItems(new com.vaadin.flow.data.provider.CallbackDataProvider<Object[], Void>(
                this::fetch, this::size, row -> java.util.Arrays.asList(row)));
        grid.addSortListener(e -> refreshCount());
        // a row chosen (a tap on a phone, where few columns fit) shows all its values, one per line
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::record));
        grid.setDetailsVisibleOnClick(true);
    }

    private final List<java.util.function.Function<Object[], String>> cellTexts = new java.util.ArrayList<>();
    private final List<String> labels = new java.util.ArrayList<>();

    /** One row as a list of its columns' labels and values. */
    private Component record(Object[] row) {
        com.vaadin.flow.component.html.DescriptionList list = new com.vaadin.flow.component.html.DescriptionList();
        list.addClassName("data-record");
        for (int i = 0; i < cellTexts.size(); i++) {
            list.add(
                    new com.vaadin.flow.component.html.DescriptionList.Term(labels.get(i)),
                    new com.vaadin.flow.component.html.DescriptionList.Description(
                            cellTexts.get(i).apply(row)));
        }
        return list;
    }

    private Stream<Object[]> fetch(Query<Object[], Void> page) {
        return reader
                .rows(datasetId, query.withSorts(sorts(page.getSortOrders())), page.getOffset(), page.getLimit())
                .stream();
    }

    private int size(Query<Object[], Void> page) {
        return (int) Math.min(Integer.MAX_VALUE, rows());
    }

    /** The count for the current filters, asked of the store once per change of filters. */
    private long rows() {
        if (!query.equals(counted)) {
            countedRows = reader.count(datasetId, query);
            counted = query;
        }
        return countedRows;
    }

    private static List<RowRequest.Sort> sorts(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        List<RowRequest.Sort> sorts = new ArrayList<>();
        for (var order : orders) {
            sorts.add(new RowRequest.Sort(order.getSorted(), order.getDirection() == SortDirection.DESCENDING));
        }
        return sorts;
    }

    private void set(String column, RowRequest.@Nullable Filter filter) {
        if (filter == null) {
            filters.remove(column);
        } else {
            filters.put(column, filter);
        }
        refresh();
    }

    private void refresh() {
        if (restoring) {
            return; // once, when every restored box is filled
        }
        query = new RowRequest(new ArrayList<>(filters.values()), search.getValue(), List.of());
        grid.getDataProvider().refreshAll();
        refreshCount();
    }

    private void refreshCount() {
        long rows = rows();
        count.setText(getTranslation("dataset.data.count", rows));
        updateDownloads();
    }

    private void updateDownloads() {
        RowRequest shown = query.withSorts(sorts(gridSortOrders()));
        stateChanged.accept(RowRequestParams.toParams(shown));
        downloads.show(shown);
    }

    private List<com.vaadin.flow.data.provider.QuerySortOrder> gridSortOrders() {
        List<com.vaadin.flow.data.provider.QuerySortOrder> orders = new ArrayList<>();
        for (GridSortOrder<Object[]> order : grid.getSortOrder()) {
            orders.add(new com.vaadin.flow.data.provider.QuerySortOrder(
                    order.getSorted().getKey(), order.getDirection()));
        }
        return orders;
    }

    /** How a cell reads in the table. */
    static final class Cells {
        private Cells() {}

        static String text(@Nullable Object value, java.util.Locale locale) {
            if (value == null) {
                return "";
            }
            if (value instanceof Long l) {
                return String.format(locale, "%,d", l);
            }
            if (value instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (value instanceof LocalDateTime t) {
                return t.toString().replace('T', ' ');
            }
            return value.toString();
        }
    }
}
