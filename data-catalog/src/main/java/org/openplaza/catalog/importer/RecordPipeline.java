package org.openplaza.catalog.importer;

import java.io.Reader;
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
import org.openplaza.catalog.DetectedEncoding;

/**
 * Reads a CSV file on a second thread, maps each record there, and hands the results to the
 * calling thread in batches through a short queue, so that parsing overlaps with whatever the
 * caller does with them (inferring types, appending to the store). A failure on either side stops
 * both; the reader's failure is rethrown to the caller as it was.
 */
public final class RecordPipeline {

    static final int BATCH = 1024;

    /** Turns a record (with the line it starts on) into what the caller needs; null leaves it out. */
    @FunctionalInterface
    public interface Mapper<T> {
        @Nullable
        T map(CSVRecord record, long line) throws Exception;
    }

    @FunctionalInterface
    public interface Consumer<T> {
        void accept(List<T> batch) throws Exception;
    }

    private record Batch<T>(List<T> items, @Nullable Exception failure, boolean last) {}

    private RecordPipeline() {}

    public static <T> void run(
            Path file, DetectedEncoding encoding, char delimiter, Mapper<T> mapper, Consumer<T> consumer)
            throws Exception {
        BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(4);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(
                null,
                () -> {
                    Batch<T> end;
                    try {
                        read(file, encoding, delimiter, mapper, queue, stop);
                        end = new Batch<>(List.of(), null, true);
                    } catch (Exception e) {
                        end = new Batch<>(List.of(), e, true);
                    } catch (Throwable e) {
                        end = new Batch<>(List.of(), new IllegalStateException("the CSV reader failed", e), true);
                    }
                    put(queue, end, stop);
                },
                "openplaza-csv-reader",
                0,
                false);
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch<T> batch = queue.take();
                if (batch.failure() != null) {
                    throw batch.failure();
                }
                if (!batch.items().isEmpty()) {
                    consumer.accept(batch.items());
                }
                if (batch.last()) {
                    return;
                }
            }
        } finally {
            stop.set(true);
            queue.clear();
            reader.join();
        }
    }

    private static <T> void read(
            Path file,
            DetectedEncoding encoding,
            char delimiter,
            Mapper<T> mapper,
            BlockingQueue<Batch<T>> queue,
            AtomicBoolean stop)
            throws Exception {
        try (Reader reader = CsvAnalyzer.open(file, encoding);
                CSVParser parser = CSVParser.parse(reader, CsvAnalyzer.format(delimiter))) {
            long lineBefore = 0;
            List<T> items = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                T item = mapper.map(record, line);
                if (item != null) {
                    items.add(item);
                }
                if (items.size() == BATCH) {
                    if (!put(queue, new Batch<>(items, null, false), stop)) {
                        return;
                    }
                    items = new ArrayList<>(BATCH);
                }
            }
            if (!items.isEmpty()) {
                put(queue, new Batch<>(items, null, false), stop);
            }
        }
    }

    /** Hands a batch over, giving up when the consumer has stopped. */
    private static <T> boolean put(BlockingQueue<Batch<T>> queue, Batch<T> batch, AtomicBoolean stop) {
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
}
