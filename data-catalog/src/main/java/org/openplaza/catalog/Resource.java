package org.openplaza.catalog;

import java.util.List;

/**
 * A version's table as the datastore API reads it: its columns (names, types, labels) and rows;
 * not {@code active} once a client dropped a live version's table, until it is made again.
 */
public record Resource(
        long datasetId,
        long versionId,
        List<StoreColumn> columns,
        List<String> labels,
        long rows,
        boolean published,
        boolean active) {

    public Resource {
        columns = List.copyOf(columns);
        labels = List.copyOf(labels);
    }
}
