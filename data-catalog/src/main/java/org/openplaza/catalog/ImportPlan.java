package org.openplaza.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.importer.ColumnNames;

/**
 * How to load a file: the analysis (possibly corrected by the official) and what to do with a cell
 * that does not fit its column's type.
 *
 * @param columns the file's fields as the official set them, in file order (labels, names and
 *     types may differ from the analysis)
 * @param badValues {@link BadValues#FAIL} stops the import at the first such cell with a report;
 *     {@link BadValues#NULL} stores NULL and lists the cell in the report
 * @param unpivot the fields to turn into rows (wide to long), or null to store the file's shape
 */
public record ImportPlan(
        CsvAnalysis analysis,
        List<ColumnAnalysis> columns,
        BadValues badValues,
        @Nullable Unpivot unpivot) {

    public enum BadValues {
        FAIL,
        NULL
    }

    public ImportPlan {
        columns = List.copyOf(columns);
        if (columns.size() != analysis.columns().size()) {
            throw new IllegalArgumentException("one column per field of the file");
        }
        int width = columns.size();
        if (unpivot != null && unpivot.fields().stream().anyMatch(f -> f < 0 || f >= width)) {
            throw new IllegalArgumentException("no such field to turn into rows");
        }
    }

    public ImportPlan(CsvAnalysis analysis, List<ColumnAnalysis> columns, BadValues badValues) {
        this(analysis, columns, badValues, null);
    }

    /** The same plan, turning these fields into rows (null: as the file has them). */
    public ImportPlan unpivoting(@Nullable Unpivot wideToLong) {
        return new ImportPlan(analysis, columns, badValues, wideToLong);
    }

    /** The same plan with other columns (names kept from an earlier version, say). */
    public ImportPlan withColumns(List<ColumnAnalysis> other) {
        return new ImportPlan(analysis, other, badValues, unpivot);
    }

    /** The columns of the table the store gets: the file's, or the long form's. */
    public List<ColumnAnalysis> storedColumns() {
        return unpivot == null ? columns : unpivot.storedColumns(columns);
    }

    /** Load as detected. */
    public static ImportPlan asDetected(CsvAnalysis analysis) {
        return new ImportPlan(analysis, analysis.columns(), BadValues.FAIL);
    }

    /**
     * Whether a name an official typed can be a column's name in the store as it is: lower-case
     * ASCII letters, digits and underscores, starting with a letter, at most 48 characters, and not
     * one the store reserves.
     */
    public static boolean isValidColumnName(String name) {
        return ColumnNames.isValidName(name);
    }
}
