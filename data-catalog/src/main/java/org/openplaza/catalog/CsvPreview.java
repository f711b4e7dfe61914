package org.openplaza.catalog;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openplaza.catalog.importer.CellParser;
import org.openplaza.catalog.importer.CsvAnalyzer;
import org.openplaza.catalog.importer.CsvLoader;
import org.openplaza.catalog.importer.Periods;

/**
 * The first rows of a file as the plan would import them, for the official to check before
 * anything goes public. A cell that does not fit its column's type is shown as written, marked.
 */
public final class CsvPreview {

    /** A previewed cell: the text to show and whether the value fits its column's type. */
    public record Cell(String text, boolean fits) {}

    private CsvPreview() {}

    public static List<List<Cell>> rows(Path file, ImportPlan plan, int limit) throws Exception {
        CsvAnalysis analysis = plan.analysis();
        List<CellParser> available = CellParser.all(analysis.numberStyle());
        CsvLoader.Shape shape = CsvLoader.Shape.of(plan);
        List<ColumnAnalysis> stored = plan.storedColumns();
        String periodFormat =
                plan.unpivot() == null ? "" : stored.get(stored.size() - 2).format();
        List<List<Cell>> rows = new ArrayList<>();
        try (Reader reader = CsvAnalyzer.open(file, analysis.encoding());
                CSVParser parser = CSVParser.parse(reader, CsvAnalyzer.format(analysis.delimiter()))) {
            long index = 0;
            for (CSVRecord record : parser) {
                if (index >= analysis.dataEnd() || rows.size() >= limit) {
                    break;
                }
                if (!analysis.isRow(index++, record.values())) {
                    continue;
                }
                Cell[] cells = new Cell[record.size()];
                for (int c = 0; c < record.size(); c++) {
                    cells[c] = cell(record.get(c), shape.fields().get(c), available);
                }
                for (Object[] row : shape.rows(cells)) {
                    if (rows.size() < limit) {
                        rows.add(java.util.Arrays.stream(row)
                                .map(v -> v instanceof Cell c ? c : new Cell(periodText(v, periodFormat), true))
                                .toList());
                    }
                }
            }
        }
        return rows;
    }

    private static String periodText(@org.jspecify.annotations.Nullable Object heading, String format) {
        if (heading instanceof java.time.LocalDate day) {
            return Periods.text(day, format);
        }
        return String.valueOf(heading);
    }

    private static Cell cell(String text, ColumnAnalysis column, List<CellParser> available) {
        CellParser parser = CellParser.forColumn(column, available);
        if (parser == null || CellParser.isNull(text)) {
            return new Cell(text, true);
        }
        Object value = parser.read(text);
        return value == null ? new Cell(text, false) : new Cell(value.toString(), true);
    }
}
