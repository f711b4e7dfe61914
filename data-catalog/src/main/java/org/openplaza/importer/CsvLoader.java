package org.openplaza.importer;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.openplaza.datastore.DatasetStore;
import org.openplaza.datastore.StoreColumn;

/**
 * The importer's second pass: reads the file again and appends every data record, converted to its
 * columns' types, into a new table of the dataset store. Nothing is left behind when it fails or
 * is cancelled: the store drops its staging table.
 */
public final class CsvLoader {

    static final int REPORTED = 100;
    static final int PROGRESS_EVERY = 1000;

    private CsvLoader() {}

    public static ImportReport load(Path file, ImportPlan plan, DatasetStore store, ImportMonitor monitor)
            throws Exception {
        CsvAnalysis analysis = plan.analysis();
        List<CellParser> available = CellParser.all(analysis.numberStyle());
        List<@Nullable CellParser> parsers = new ArrayList<>();
        List<StoreColumn> columns = new ArrayList<>();
        for (ColumnAnalysis column : plan.columns()) {
            parsers.add(parserFor(column, available));
            columns.add(new StoreColumn(column.name(), column.type(), column.scale()));
        }
        DatasetStore.Loaded<ImportReport> loaded = store.load(columns, sink -> {
            Counts counts = new Counts();
            try (Reader reader = CsvAnalyzer.open(file, analysis.encoding());
                    CSVParser parser = CSVParser.parse(reader, CsvAnalyzer.format(analysis.delimiter()))) {
                long skip = (long) analysis.preambleRecords() + analysis.headerRecords();
                long index = 0;
                long lineBefore = 0;
                @Nullable Object[] values = new Object[columns.size()];
                for (CSVRecord record : parser) {
                    long line = lineBefore + 1;
                    lineBefore = parser.getCurrentLineNumber();
                    if (index++ < skip) {
                        continue;
                    }
                    if (record.size() != columns.size()) {
                        if (counts.skipped.size() < REPORTED) {
                            counts.skipped.add(line);
                        }
                        continue;
                    }
                    for (int c = 0; c < values.length; c++) {
                        values[c] = convert(
                                record.get(c), parsers.get(c), plan.columns().get(c), plan.badValues(), line, counts);
                    }
                    sink.row(values);
                    if (++counts.rows % PROGRESS_EVERY == 0) {
                        monitor.rowsDone(counts.rows);
                        if (monitor.isCancelled()) {
                            throw new ImportException("import.error.cancelled");
                        }
                    }
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw new ImportException(
                            "import.error.encoding",
                            analysis.encoding().charset().name());
                }
                throw new ImportException("import.error.malformed", -1L);
            }
            monitor.rowsDone(counts.rows);
            return new ImportReport("", counts.rows, counts.nulled, counts.nulledCount, counts.skipped);
        });
        ImportReport report = loaded.result();
        return new ImportReport(
                loaded.table(), report.rows(), report.nulledCells(), report.nulledCount(), report.skippedLines());
    }

    private static final class Counts {
        long rows;
        long nulledCount;
        final List<ImportReport.BadCell> nulled = new ArrayList<>();
        final List<Long> skipped = new ArrayList<>();
    }

    /** The detected parser when the type stands; for a type the official chose, the first parser of that type. */
    private static @Nullable CellParser parserFor(ColumnAnalysis column, List<CellParser> available) {
        if (column.type() == ValueType.TEXT) {
            return null;
        }
        return available.stream()
                .filter(p -> p.type() == column.type() && p.format().equals(column.format()))
                .findFirst()
                .or(() -> available.stream()
                        .filter(p -> p.type() == column.type())
                        .findFirst())
                .orElseThrow();
    }

    private static @Nullable Object convert(
            String cell,
            @Nullable CellParser parser,
            ColumnAnalysis column,
            ImportPlan.BadValues badValues,
            long line,
            Counts counts)
            throws ImportException {
        if (parser == null) {
            return cell.isEmpty() ? null : cell;
        }
        if (CellParser.isNull(cell)) {
            return null;
        }
        Object value = parser.read(cell);
        if (value != null) {
            return value;
        }
        if (badValues == ImportPlan.BadValues.FAIL) {
            throw new ImportException("import.error.bad-value", line, column.label(), cell, parser.type());
        }
        counts.nulledCount++;
        if (counts.nulled.size() < REPORTED) {
            counts.nulled.add(new ImportReport.BadCell(line, column.label(), cell, parser.type()));
        }
        return null;
    }
}
