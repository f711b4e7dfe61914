package org.openplaza.importer;

import java.util.List;

/**
 * How to load a file: the analysis (possibly corrected by the official) and what to do with a cell
 * that does not fit its column's type.
 *
 * @param columns the columns to create, in file order; their types may differ from the analysis
 * @param badValues {@link BadValues#FAIL} stops the import at the first such cell with a report;
 *     {@link BadValues#NULL} stores NULL and lists the cell in the report
 */
public record ImportPlan(CsvAnalysis analysis, List<ColumnAnalysis> columns, BadValues badValues) {

    public enum BadValues {
        FAIL,
        NULL
    }

    public ImportPlan {
        columns = List.copyOf(columns);
        if (columns.size() != analysis.columns().size()) {
            throw new IllegalArgumentException("one column per field of the file");
        }
    }

    /** Load as detected. */
    public static ImportPlan asDetected(CsvAnalysis analysis) {
        return new ImportPlan(analysis, analysis.columns(), BadValues.FAIL);
    }
}
