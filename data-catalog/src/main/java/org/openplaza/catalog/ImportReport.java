package org.openplaza.catalog;

import java.util.List;

/**
 * What a completed load did.
 *
 * @param table the dataset-store table now holding the rows
 * @param rows rows loaded
 * @param nulledCells cells that did not fit their column and were stored as NULL (the first 100)
 * @param nulledCount how many such cells in all
 * @param skippedLines lines of ragged records left out (the first 100)
 */
public record ImportReport(
        String table, long rows, List<BadCell> nulledCells, long nulledCount, List<Long> skippedLines) {

    /** A cell that does not fit the type of its column. */
    public record BadCell(long line, String column, String value, ValueType expected) {}

    public ImportReport {
        nulledCells = List.copyOf(nulledCells);
        skippedLines = List.copyOf(skippedLines);
    }
}
