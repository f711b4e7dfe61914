package org.openplaza.catalog;

import java.util.List;

/** A version's table as the datastore API reads it: its columns (names, types, labels) and rows. */
public record Resource(
        long datasetId, long versionId, List<StoreColumn> columns, List<String> labels, long rows, boolean published) {

    public Resource {
        columns = List.copyOf(columns);
        labels = List.copyOf(labels);
    }
}
