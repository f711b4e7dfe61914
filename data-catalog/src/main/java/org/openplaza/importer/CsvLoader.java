package org.openplaza.importer;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    static final int PROGRESS_EVERY = RecordPipeline.BATCH;

    private CsvLoader() {}

    public static ImportReport load(Path file, ImportPlan plan, DatasetStore store, ImportMonitor monitor)
            throws Exception {
        CsvAnalysis analysis = plan.analysis();
        List<CellParser> available = CellParser.all(analysis.numberStyle());
        List<@Nullable CellParser> parsers = new ArrayList<>();
        List<StoreColumn> columns = new ArrayList<>();
        for (ColumnAnalysis column : plan.columns()) {
            parsers.add(CellParser.forColumn(column, available));
            columns.add(new StoreColumn(column.name(), column.type(), column.scale()));
        }
        DatasetStore.Loaded<ImportReport> loaded =
                store.load(columns, sink -> pipeline(file, plan, parsers, sink, monitor));
        ImportReport report = loaded.result();
        return new ImportReport(
                loaded.table(), report.rows(), report.nulledCells(), report.nulledCount(), report.skippedLines());
    }

    /**
     * Reading and converting (a second thread) overlaps with appending to the store (this thread),
     * so a 2-core machine keeps both busy.
     */
    private static ImportReport pipeline(
            Path file,
            ImportPlan plan,
            List<@Nullable CellParser> parsers,
            DatasetStore.RowSink sink,
            ImportMonitor monitor)
            throws Exception {
        CsvAnalysis analysis = plan.analysis();
        int width = plan.columns().size();
        long skip = (long) analysis.preambleRecords() + analysis.headerRecords();
        Counts counts = new Counts();
        long[] index = {0};
        long[] appended = {0};
        try {
            RecordPipeline.run(
                    file,
                    analysis.encoding(),
                    analysis.delimiter(),
                    (record, line) -> {
                        long i = index[0]++;
                        if (i < skip || i >= analysis.dataEnd()) {
                            return null;
                        }
                        String[] cells = record.values();
                        if (cells.length == width && !analysis.isRow(i, cells)) {
                            return null; // a blank record
                        }
                        if (record.size() != width) {
                            if (counts.skipped.size() < REPORTED) {
                                counts.skipped.add(line);
                            }
                            return null;
                        }
                        @Nullable Object[] values = new Object[width];
                        for (int c = 0; c < width; c++) {
                            values[c] = convert(
                                    record.get(c),
                                    parsers.get(c),
                                    plan.columns().get(c),
                                    plan.badValues(),
                                    line,
                                    counts);
                        }
                        return values;
                    },
                    batch -> {
                        for (Object[] row : batch) {
                            sink.row(row);
                        }
                        appended[0] += batch.size();
                        monitor.rowsDone(appended[0]);
                        if (monitor.isCancelled()) {
                            throw new ImportException("import.error.cancelled");
                        }
                    });
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ImportException(
                        "import.error.encoding", analysis.encoding().charset().name());
            }
            throw new ImportException("import.error.malformed", -1L);
        }
        return new ImportReport("", appended[0], counts.nulled, counts.nulledCount, counts.skipped);
    }

    private static final class Counts {
        long nulledCount;
        final List<ImportReport.BadCell> nulled = new ArrayList<>();
        final List<Long> skipped = new ArrayList<>();
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
