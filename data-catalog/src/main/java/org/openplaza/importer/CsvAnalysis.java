package org.openplaza.importer;

import java.util.List;

/**
 * The result of the importer's first pass over a whole file: how to read it and what it holds.
 *
 * @param encoding how the bytes decode
 * @param delimiter the field separator
 * @param preambleRecords records above the header (titles, notes), skipped
 * @param headerRecords records that form the header (usually one; 0 when the file has none)
 * @param columns one per field
 * @param rows data records that have the expected number of fields
 * @param raggedLines line numbers of the first data records with a different number of fields
 * @param raggedRecords how many such records there are in all
 * @param footerRecords trailing records with a different number of fields, taken as notes below
 *     the data (they are not counted as ragged)
 */
public record CsvAnalysis(
        DetectedEncoding encoding,
        char delimiter,
        NumberStyle numberStyle,
        int preambleRecords,
        int headerRecords,
        List<ColumnAnalysis> columns,
        long rows,
        List<Long> raggedLines,
        long raggedRecords,
        int footerRecords) {

    public CsvAnalysis {
        columns = List.copyOf(columns);
        raggedLines = List.copyOf(raggedLines);
    }

    public ColumnAnalysis column(String label) {
        return columns.stream()
                .filter(c -> c.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + label));
    }
}
