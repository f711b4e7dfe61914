package org.openplaza.catalog.importer;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ImportReport;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.Unpivot;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.datastore.DatasetStore;

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
        List<StoreColumn> columns = new ArrayList<>();
        for (ColumnAnalysis column : plan.storedColumns()) {
            columns.add(new StoreColumn(column.name(), column.type(), column.scale()));
        }
        Shape shape = Shape.of(plan);
        DatasetStore.Loaded<ImportReport> loaded =
                store.load(columns, sink -> pipeline(file, plan, shape, sink, monitor));
        ImportReport report = loaded.result();
        return new ImportReport(
                loaded.table(), report.rows(), report.nulledCells(), report.nulledCount(), report.skippedLines());
    }

    /**
     * How a record of the file becomes rows of the table: each field read by its parser, then
     * either one row as the file has it, or (wide to long) one row per field turned into rows,
     * holding the other fields, the field's heading and its value.
     */
    public record Shape(
            List<@Nullable CellParser> parsers,
            List<ColumnAnalysis> fields,
            int[] kept,
            int[] turned,
            @Nullable Object[] periods) {

        public static Shape of(ImportPlan plan) {
            List<CellParser> available = CellParser.all(plan.analysis().numberStyle());
            List<ColumnAnalysis> stored = plan.storedColumns();
            List<ColumnAnalysis> fields = new ArrayList<>(plan.columns());
            Unpivot unpivot = plan.unpivot();
            if (unpivot == null) {
                List<@Nullable CellParser> parsers = new ArrayList<>();
                fields.forEach(f -> parsers.add(CellParser.forColumn(f, available)));
                return new Shape(parsers, fields, new int[0], new int[0], new Object[0]);
            }
            ColumnAnalysis period = stored.get(stored.size() - 2);
            ColumnAnalysis value = stored.get(stored.size() - 1);
            int[] turned = unpivot.fields().stream().mapToInt(Integer::intValue).toArray();
            int[] kept = java.util.stream.IntStream.range(0, fields.size())
                    .filter(f -> !unpivot.fields().contains(f))
                    .toArray();
            Object[] periods = new Object[turned.length];
            for (int i = 0; i < turned.length; i++) {
                String heading = plan.columns().get(turned[i]).label();
                periods[i] = period.type() == ValueType.DATE ? Periods.parseWithYears(heading) : heading.strip();
                // a cell turned into a row is read as the value column's type, and reported under its heading
                fields.set(turned[i], value.named(heading, value.name()));
            }
            List<@Nullable CellParser> parsers = new ArrayList<>();
            fields.forEach(f -> parsers.add(CellParser.forColumn(f, available)));
            return new Shape(parsers, fields, kept, turned, periods);
        }

        public Object[][] rows(@Nullable Object[] values) {
            if (turned.length == 0) {
                return new Object[][] {values};
            }
            Object[][] rows = new Object[turned.length][];
            for (int i = 0; i < turned.length; i++) {
                @Nullable Object[] row = new Object[kept.length + 2];
                for (int k = 0; k < kept.length; k++) {
                    row[k] = values[kept[k]];
                }
                row[kept.length] = periods[i];
                row[kept.length + 1] = values[turned[i]];
                rows[i] = row;
            }
            return rows;
        }
    }

    /**
     * Reading and converting (a second thread) overlaps with appending to the store (this thread),
     * so a 2-core machine keeps both busy.
     */
    private static ImportReport pipeline(
            Path file, ImportPlan plan, Shape shape, DatasetStore.RowSink sink, ImportMonitor monitor)
            throws Exception {
        CsvAnalysis analysis = plan.analysis();
        long skip = (long) analysis.preambleRecords() + analysis.headerRecords();
        Counts counts = new Counts();
        long[] index = {0};
        long[] records = {0};
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
                        return rows(record, i, line, plan, shape, counts);
                    },
                    batch -> {
                        for (Object[][] rows : batch) {
                            for (Object[] row : rows) {
                                sink.row(row);
                            }
                            appended[0] += rows.length;
                        }
                        records[0] += batch.size();
                        monitor.rowsDone(records[0]);
                        if (monitor.isCancelled()) {
                            throw new CatalogException(null, "import.error.cancelled");
                        }
                    });
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new CatalogException(
                        null,
                        "import.error.encoding",
                        analysis.encoding().charset().name());
            }
            throw new CatalogException(null, "import.error.malformed", -1L);
        }
        return new ImportReport("", appended[0], counts.nulled, counts.nulledCount, counts.skipped);
    }

    /**
     * A record's rows for the store (more than one when periods become rows), or null for a blank
     * record and for one of the wrong width, which is counted as skipped.
     */
    private static Object @Nullable [][] rows(
            org.apache.commons.csv.CSVRecord record,
            long index,
            long line,
            ImportPlan plan,
            Shape shape,
            Counts counts) {
        int width = plan.columns().size();
        String[] cells = record.values();
        if (cells.length == width && !plan.analysis().isRow(index, cells)) {
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
                    record.get(c), shape.parsers().get(c), shape.fields().get(c), plan.badValues(), line, counts);
        }
        return shape.rows(values);
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
            throws CatalogException {
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
            throw new CatalogException(null, "import.error.bad-value", line, column.label(), cell, parser.type());
        }
        counts.nulledCount++;
        if (counts.nulled.size() < REPORTED) {
            counts.nulled.add(new ImportReport.BadCell(line, column.label(), cell, parser.type()));
        }
        return null;
    }
}
