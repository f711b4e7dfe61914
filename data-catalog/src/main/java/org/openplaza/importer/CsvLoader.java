package org.openplaza.importer;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    static final int BATCH = 1024;
    static final int PROGRESS_EVERY = BATCH;

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
     * in batches handed over through a short queue, so a 2-core machine keeps both busy.
     */
    private static ImportReport pipeline(
            Path file,
            ImportPlan plan,
            List<@Nullable CellParser> parsers,
            DatasetStore.RowSink sink,
            ImportMonitor monitor)
            throws Exception {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        AtomicBoolean stop = new AtomicBoolean();
        Counts counts = new Counts();
        Thread reader = new Thread(
                () -> {
                    Batch end;
                    try {
                        read(file, plan, parsers, counts, queue, stop);
                        end = Batch.END;
                    } catch (Exception e) {
                        end = new Batch(List.of(), e);
                    } catch (Throwable e) {
                        end = new Batch(List.of(), new IllegalStateException("the import reader failed", e));
                    }
                    put(queue, end, stop);
                },
                "openplaza-import-reader");
        reader.setDaemon(true);
        reader.start();
        long appended = 0;
        try {
            while (true) {
                Batch batch = queue.take();
                if (batch.failure() != null) {
                    throw batch.failure();
                }
                if (batch == Batch.END) {
                    break;
                }
                for (Object[] row : batch.rows()) {
                    sink.row(row);
                }
                appended += batch.rows().size();
                monitor.rowsDone(appended);
                if (monitor.isCancelled()) {
                    throw new ImportException("import.error.cancelled");
                }
            }
        } finally {
            stop.set(true);
            queue.clear();
            reader.join();
        }
        return new ImportReport("", appended, counts.nulled, counts.nulledCount, counts.skipped);
    }

    private record Batch(List<Object[]> rows, @Nullable Exception failure) {
        static final Batch END = new Batch(List.of(), null);
    }

    /** Hands a batch over, giving up when the consumer has stopped. */
    private static boolean put(BlockingQueue<Batch> queue, Batch batch, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void read(
            Path file,
            ImportPlan plan,
            List<@Nullable CellParser> parsers,
            Counts counts,
            BlockingQueue<Batch> queue,
            AtomicBoolean stop)
            throws Exception {
        CsvAnalysis analysis = plan.analysis();
        int width = plan.columns().size();
        try (Reader reader = CsvAnalyzer.open(file, analysis.encoding());
                CSVParser parser = CSVParser.parse(reader, CsvAnalyzer.format(analysis.delimiter()))) {
            long skip = (long) analysis.preambleRecords() + analysis.headerRecords();
            long index = 0;
            long lineBefore = 0;
            List<Object[]> rows = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (index++ < skip) {
                    continue;
                }
                if (record.size() != width) {
                    if (counts.skipped.size() < REPORTED) {
                        counts.skipped.add(line);
                    }
                    continue;
                }
                @Nullable Object[] values = new Object[width];
                for (int c = 0; c < width; c++) {
                    values[c] = convert(
                            record.get(c), parsers.get(c), plan.columns().get(c), plan.badValues(), line, counts);
                }
                rows.add(values);
                if (rows.size() == BATCH) {
                    if (!put(queue, new Batch(rows, null), stop)) {
                        return;
                    }
                    rows = new ArrayList<>(BATCH);
                }
            }
            if (!rows.isEmpty()) {
                put(queue, new Batch(rows, null), stop);
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ImportException(
                        "import.error.encoding", analysis.encoding().charset().name());
            }
            throw new ImportException("import.error.malformed", -1L);
        }
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
