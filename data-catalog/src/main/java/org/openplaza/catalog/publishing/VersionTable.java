package org.openplaza.catalog.publishing;

import java.util.List;
import org.openplaza.catalog.StoreColumn;

/**
 * Where a version's rows live in the dataset store, with its columns' names, types, labels and
 * formats (by which periods are written as the file wrote them); {@code dropped} for a live
 * version whose table a client dropped.
 */
public record VersionTable(
        long datasetId,
        long versionId,
        int number,
        String table,
        long rows,
        List<StoreColumn> columns,
        List<String> labels,
        List<String> formats,
        boolean dropped) {}
