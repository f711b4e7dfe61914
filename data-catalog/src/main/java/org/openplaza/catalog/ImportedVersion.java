package org.openplaza.catalog;

import java.util.List;

/**
 * A version just imported, with the import report: cells that did not fit their column and were
 * stored empty (when the official chose so), and ragged lines left out.
 */
public record ImportedVersion(
        VersionSummary version, long nulledCount, List<ImportReport.BadCell> nulledCells, List<Long> skippedLines) {

    public ImportedVersion {
        nulledCells = List.copyOf(nulledCells);
        skippedLines = List.copyOf(skippedLines);
    }
}
