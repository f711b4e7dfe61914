package org.openplaza.importer;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
        List<List<Cell>> rows = new ArrayList<>();
        try (Reader reader = CsvAnalyzer.open(file, analysis.encoding());
                CSVParser parser = CSVParser.parse(reader, CsvAnalyzer.format(analysis.delimiter()))) {
            long index = 0;
            for (CSVRecord record : parser) {
                if (index >= analysis.dataEnd()) {
                    break;
                }
                if (!analysis.isRow(index++, record.values())) {
                    continue;
                }
                List<Cell> row = new ArrayList<>();
                for (int c = 0; c < record.size(); c++) {
                    row.add(cell(record.get(c), plan.columns().get(c), available));
                }
                rows.add(row);
                if (rows.size() >= limit) {
                    break;
                }
            }
        }
        return rows;
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
