package org.openplaza.catalog;

import java.util.List;
import org.openplaza.catalog.importer.Layouts;
import org.openplaza.catalog.importer.NumberStyle;

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
 * @param footerRecords records below the data taken as its notes (footnotes, notation keys,
 *     sources): the trailing records that are ragged, blank, hold one filled cell, or hold only
 *     text where the table has numbers; they are not counted as ragged
 * @param dataEnd the index (from 0, over all the file's records) of the first footer record: the
 *     loader reads no further
 * @param blankRecords records between header and footer with every cell empty, left out
 * @param preambleNotes the text of the preamble's records (title, source, unit), one per record
 * @param footerNotes the text of the footer's records, one per record (the first 60)
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
        int footerRecords,
        long dataEnd,
        long blankRecords,
        List<String> preambleNotes,
        List<String> footerNotes) {

    public CsvAnalysis {
        columns = List.copyOf(columns);
        raggedLines = List.copyOf(raggedLines);
        preambleNotes = List.copyOf(preambleNotes);
        footerNotes = List.copyOf(footerNotes);
    }

    /** The same analysis with other columns (labels, names or types corrected). */
    public CsvAnalysis withColumns(List<ColumnAnalysis> corrected) {
        return new CsvAnalysis(
                encoding,
                delimiter,
                numberStyle,
                preambleRecords,
                headerRecords,
                corrected,
                rows,
                raggedLines,
                raggedRecords,
                footerRecords,
                dataEnd,
                blankRecords,
                preambleNotes,
                footerNotes);
    }

    /** Whether the record at this index (over all the file's records) is a row of the table. */
    public boolean isRow(long index, String[] values) {
        return index >= (long) preambleRecords + headerRecords
                && index < dataEnd
                && values.length == columns.size()
                && !Layouts.blank(values);
    }

    public ColumnAnalysis column(String label) {
        return columns.stream()
                .filter(c -> c.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + label));
    }
}
