package org.openplaza.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ImportReport;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.datastore.CatalogProperties;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.importer.CsvAnalyzer;
import org.openplaza.catalog.importer.CsvLoader;

/**
 * Run by bench/wide: the import of a file as wide as a dataset may be (1,600 columns, half text,
 * half numbers), and its profile taken a batch of columns per statement, beside the same profile
 * taken one statement per column as the importer once did. Not a test.
 */
public final class WideImportBenchmark {

    private WideImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : CsvAnalyzer.MAX_COLUMNS;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path work = Files.createTempDirectory("openplaza-wide");
        Path file = work.resolve("wide.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < width; c++) {
                out.write((c == 0 ? "" : ",") + "measure " + c);
            }
            out.newLine();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < width; c++) {
                    out.write(c == 0 ? "" : ",");
                    out.write(c % 2 == 0 ? "district " + ((r * 31 + c) % 25) : Integer.toString(r * c % 977));
                }
                out.newLine();
            }
        }
        System.out.printf("file: %d columns x %d rows (%.1f MB)%n", width, rows, Files.size(file) / 1e6);
        DatasetStore store = new DatasetStore(
                new CatalogProperties(work.resolve("store.duckdb").toString()));
        try {
            long start = System.nanoTime();
            CsvAnalysis analysis = CsvAnalyzer.analyze(file);
            ImportPlan plan = ImportPlan.asDetected(analysis);
            ImportReport report = CsvLoader.load(file, plan, store, new ImportMonitor());
            System.out.printf("analyse and load: %.1f s%n", seconds(start));
            List<StoreColumn> columns = plan.columns().stream()
                    .map(c -> new StoreColumn(c.name(), c.type(), c.scale()))
                    .toList();
            start = System.nanoTime();
            store.profile(report.table(), columns);
            double batched = seconds(start);
            start = System.nanoTime();
            store.profile(report.table(), columns, 1);
            double perColumn = seconds(start);
            System.out.printf(
                    "profile, %d columns per statement: %.1f s; one statement per column (before): %.1f s; %.0fx faster%n",
                    DatasetStore.PROFILE_BATCH, batched, perColumn, perColumn / batched);
        } finally {
            store.close();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
