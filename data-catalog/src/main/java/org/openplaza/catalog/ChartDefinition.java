package org.openplaza.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A saved chart: its type and grouped query, stored as JSON. Filters are kept in the same text form
 * as the data table's URLs ({@link RowRequestParams}), so a definition reads back only against
 * columns that still exist with a fitting type.
 */
public record ChartDefinition(ChartType type, GroupRequest query) {

    /**
     * A heat map needs a split for its rows, a calendar a date dimension taken day by day: other
     * choices are refused with the reason.
     */
    public ChartDefinition {
        if (type == ChartType.HEATMAP && query.series() == null) {
            throw new org.openplaza.catalog.CatalogException(null, "chart.error.heatmap-needs-split");
        }
        if (type == ChartType.HISTOGRAM && query.dimension().bucket() != GroupRequest.Bucket.BINS) {
            throw new org.openplaza.catalog.CatalogException(null, "chart.error.histogram-needs-ranges");
        }
        if (type == ChartType.CALENDAR && query.dimension().bucket() != GroupRequest.Bucket.DAY) {
            throw new org.openplaza.catalog.CatalogException(null, "chart.error.calendar-needs-days");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored form: plain values only. */
    record Stored(
            ChartType type,
            String dimension,
            GroupRequest.Bucket bucket,
            int bins,
            List<StoredMeasure> measures,
            @Nullable String series,
            Map<String, String> filters,
            GroupRequest.Order order,
            int top) {}

    record StoredMeasure(@Nullable String column, GroupRequest.Aggregation aggregation) {}

    public String toJson() {
        List<StoredMeasure> measures = query.measures().stream()
                .map(m -> new StoredMeasure(m.column(), m.aggregation()))
                .toList();
        Stored stored = new Stored(
                type,
                query.dimension().column(),
                query.dimension().bucket(),
                query.dimension().bins(),
                measures,
                query.series(),
                RowRequestParams.toParams(new RowRequest(query.filters(), "", List.of())),
                query.order(),
                query.top());
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a stored definition against a version's columns; a column that is gone or a filter
     * that no longer fits is an {@link IllegalArgumentException} naming it.
     */
    public static ChartDefinition fromJson(String json, List<StoreColumn> columns) {
        Stored stored;
        try {
            stored = JSON.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a chart definition", e);
        }
        RowRequest filters = RowRequestParams.fromParams(stored.filters(), columns);
        List<GroupRequest.Measure> measures = stored.measures().stream()
                .map(m -> new GroupRequest.Measure(m.column(), m.aggregation()))
                .toList();
        return new ChartDefinition(
                stored.type(),
                new GroupRequest(
                        new GroupRequest.Dimension(stored.dimension(), stored.bucket(), stored.bins()),
                        measures,
                        stored.series(),
                        filters.filters(),
                        stored.order(),
                        stored.top()));
    }

    /** A first chart for a dataset's columns, before the reader chooses: see {@link ChartDefaults}. */
    public static ChartDefinition suggested(List<DatasetColumn> columns) {
        return ChartDefaults.suggest(columns);
    }
}
