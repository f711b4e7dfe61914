package org.openplaza.catalog.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.DetectedEncoding;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.ValueType;

/**
 * The importer's first pass: detects the encoding, the delimiter and where the header is from the
 * start of the file, then reads every record once to count rows, find ragged ones and infer each
 * column's type over all values, not a sample. Memory stays flat whatever the file size.
 */
public final class CsvAnalyzer {

    static final char[] DELIMITERS = {',', ';', '\t', '|'};
    static final int SAMPLE_CHARS = 256 * 1024;
    static final int SAMPLE_RECORDS = 500;
    static final int MAX_RAGGED_LINES = 100;

    /** The most columns a file may have: as many as a CKAN datastore (PostgreSQL) table holds. */
    public static final int MAX_COLUMNS = 1600;

    private CsvAnalyzer() {}

    public static CsvAnalysis analyze(Path file) throws IOException, CatalogException {
        return analyze(file, ReadSettings.DETECT);
    }

    public static CsvAnalysis analyze(Path file, ReadSettings settings) throws IOException, CatalogException {
        if (Files.size(file) == 0) {
            throw new CatalogException(null, "import.error.empty");
        }
        DetectedEncoding encoding = settings.encoding() != null ? settings.encoding() : detectEncoding(file);
        String sample = readSample(file, encoding);
        if (sample.indexOf('\0') >= 0) {
            throw new CatalogException(null, "import.error.binary");
        }
        char delimiter = settings.delimiter() != null ? settings.delimiter() : sniffDelimiter(sample);
        NumberStyle style = NumberStyle.forDelimiter(delimiter);
        List<CellParser> parsers = CellParser.all(style);
        List<List<String>> sampleRecords = parseSample(sample, delimiter);
        if (sampleRecords.isEmpty()) {
            throw new CatalogException(null, "import.error.empty");
        }
        Layouts.Layout detected = Layouts.detect(sampleRecords, parsers);
        Layouts.Layout layout = settings.preambleRecords() != null && settings.headerRecords() != null
                ? new Layouts.Layout(
                        settings.preambleRecords(), settings.headerRecords(), detected.width(), detected.typed())
                : detected;
        if (layout.width() > MAX_COLUMNS) {
            throw new CatalogException(null, "import.error.too-many-columns", layout.width(), MAX_COLUMNS);
        }
        return fullPass(
                file,
                encoding,
                delimiter,
                style,
                parsers,
                layout,
                settings.footerRecords(),
                notes(sampleRecords, layout));
    }

    static DetectedEncoding detectEncoding(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return EncodingDetector.detect(in);
        }
    }

    public static Reader open(Path file, DetectedEncoding encoding) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.skipNBytes(encoding.bomLength());
        return new InputStreamReader(
                in,
                encoding.charset()
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static String readSample(Path file, DetectedEncoding encoding) throws IOException, CatalogException {
        char[] buffer = new char[SAMPLE_CHARS];
        int read = 0;
        try (Reader reader = open(file, encoding)) {
            int n;
            while (read < buffer.length && (n = reader.read(buffer, read, buffer.length - read)) > 0) {
                read += n;
            }
        } catch (CharacterCodingException e) {
            throw new CatalogException(
                    null, "import.error.encoding", encoding.charset().name());
        }
        String text = new String(buffer, 0, read);
        if (read == buffer.length) {
            int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
            if (lastBreak > 0) {
                text = text.substring(0, lastBreak + 1);
            }
        }
        return text;
    }

    public static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false)
                .get();
    }

    /** Records of the sample; a record cut by the end of the sample, or malformed, ends it. */
    static List<List<String>> parseSample(String sample, char delimiter) {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(sample), format(delimiter))) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
                if (records.size() >= SAMPLE_RECORDS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // keep what parsed
        }
        return records;
    }

    /** The candidate under which most records share one field count greater than one. */
    static char sniffDelimiter(String sample) {
        char best = ',';
        double bestScore = -1;
        for (char candidate : DELIMITERS) {
            List<List<String>> records = parseSample(sample, candidate);
            int width = Layouts.modalWidth(records);
            if (width < 2) {
                continue;
            }
            long consistent = records.stream().filter(r -> r.size() == width).count();
            double score = (double) consistent / records.size() + width * 1e-6;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    static final int MAX_NOTES = 60;

    /** The text of the preamble's records, one line each, for the official to read or keep. */
    private static List<String> notes(List<List<String>> sample, Layouts.Layout layout) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < layout.preambleRecords() && i < sample.size() && lines.size() < MAX_NOTES; i++) {
            String line = noteText(sample.get(i));
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    static String noteText(List<String> record) {
        return String.join(
                " ",
                record.stream().map(String::strip).filter(c -> !c.isEmpty()).toList());
    }

    private static CsvAnalysis fullPass(
            Path file,
            DetectedEncoding encoding,
            char delimiter,
            NumberStyle style,
            List<CellParser> parsers,
            Layouts.Layout layout,
            @Nullable Integer footerOverride,
            List<String> preambleNotes)
            throws IOException, CatalogException {
        List<List<String>> headerRecords = new ArrayList<>();
        List<TypeInference> inference = new ArrayList<>();
        for (int c = 0; c < layout.width(); c++) {
            inference.add(new TypeInference(parsers));
        }
        Rows counts = new Rows(layout, footerOverride, parsers, inference);
        read(file, encoding, delimiter, layout, headerRecords, counts);
        if (counts.rows == 0) {
            throw new CatalogException(null, "import.error.no-rows");
        }
        List<ColumnAnalysis> columns = columns(layout, headerRecords, inference);
        return new CsvAnalysis(
                encoding,
                delimiter,
                style,
                layout.preambleRecords(),
                layout.headerRecords(),
                columns,
                counts.rows,
                counts.raggedLines,
                counts.ragged,
                counts.pending.size(),
                counts.dataEnd,
                counts.blank,
                preambleNotes,
                footerNotes(counts.pending));
    }

    /** Reads every record once: the header records kept, the others sorted and their types inferred. */
    private static void read(
            Path file,
            DetectedEncoding encoding,
            char delimiter,
            Layouts.Layout layout,
            List<List<String>> headerRecords,
            Rows counts)
            throws IOException, CatalogException {
        long preamble = layout.preambleRecords();
        long header = preamble + layout.headerRecords();
        long[] index = {0};
        try {
            RecordPipeline.run(
                    file,
                    encoding,
                    delimiter,
                    (record, line) -> {
                        long i = index[0]++;
                        if (i < preamble) {
                            return null;
                        }
                        return new NumberedRecord(i, line, i < header, record.values());
                    },
                    batch -> {
                        for (NumberedRecord record : batch) {
                            if (record.header()) {
                                headerRecords.add(List.of(record.values()));
                            } else {
                                counts.accept(record);
                            }
                        }
                    });
        } catch (UncheckedIOException | IllegalStateException e) {
            throw parseFailure(e, encoding);
        } catch (CharacterCodingException e) {
            throw new CatalogException(
                    null, "import.error.encoding", encoding.charset().name());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The columns: labels joined from the header rows, names for the store, and the types inferred. */
    private static List<ColumnAnalysis> columns(
            Layouts.Layout layout, List<List<String>> headerRecords, List<TypeInference> inference) {
        List<String> labels = ColumnNames.labels(Layouts.joinHeaders(headerRecords, layout.width(), layout.typed()));
        List<String> names = ColumnNames.sqlNames(labels);
        List<ColumnAnalysis> columns = new ArrayList<>();
        for (int c = 0; c < layout.width(); c++) {
            CellParser winner = inference.get(c).result();
            columns.add(new ColumnAnalysis(
                    c,
                    labels.get(c),
                    names.get(c),
                    winner == null ? ValueType.TEXT : winner.type(),
                    winner == null ? "" : winner.format(),
                    inference.get(c).scale(),
                    inference.get(c).nulls(),
                    inference.get(c).markers()));
        }
        return columns;
    }

    /** The notes below the table, as text, at most {@link #MAX_NOTES}. */
    private static List<String> footerNotes(java.util.Collection<NumberedRecord> pending) {
        List<String> footerNotes = new ArrayList<>();
        for (NumberedRecord note : pending) {
            String line = noteText(List.of(note.values()));
            if (!line.isEmpty() && footerNotes.size() < MAX_NOTES) {
                footerNotes.add(line);
            }
        }
        return footerNotes;
    }

    private record NumberedRecord(long index, long line, boolean header, String[] values) {}

    /**
     * Sorts the records below the header into rows, ragged records, blank ones and the footer, on
     * the calling thread. Records that could be notes (ragged, blank, one filled cell, or text
     * where the table has numbers) wait: a row of data after them puts them back among the rows;
     * those still waiting at the end of the file are its footer. When the official has said how
     * many records the footer has, the last that many wait instead.
     */
    private static final class Rows {
        static final int MAX_PENDING = 5000;

        final Layouts.Layout layout;
        final @Nullable Integer footerOverride;
        final List<TypeInference> inference;
        final List<CellParser> parsers;
        final java.util.ArrayDeque<NumberedRecord> pending = new java.util.ArrayDeque<>();
        final List<Long> raggedLines = new ArrayList<>();
        long rows;
        long ragged;
        long blank;
        long dataEnd;

        Rows(
                Layouts.Layout layout,
                @Nullable Integer footerOverride,
                List<CellParser> parsers,
                List<TypeInference> inference) {
            this.layout = layout;
            this.parsers = parsers;
            this.footerOverride = footerOverride;
            this.inference = inference;
        }

        void accept(NumberedRecord record) {
            if (footerOverride != null) {
                pending.addLast(record);
                while (pending.size() > footerOverride) {
                    take(pending.removeFirst());
                }
                return;
            }
            if (mayBeNote(record.values())) {
                pending.addLast(record);
                if (pending.size() > MAX_PENDING) {
                    flush();
                }
                return;
            }
            flush();
            take(record);
        }

        private void flush() {
            while (!pending.isEmpty()) {
                take(pending.removeFirst());
            }
        }

        private boolean mayBeNote(String[] values) {
            if (values.length != layout.width()) {
                return true;
            }
            int filled = Layouts.filled(java.util.Arrays.asList(values));
            if (filled <= 1 && (layout.width() > 2 || filled == 0)) {
                return true;
            }
            if (!layout.anyTyped() || filled * 2 > layout.width()) {
                return false;
            }
            for (int c = 0; c < values.length; c++) {
                if (layout.typed()[c] && !CellParser.isNull(values[c]) && Layouts.isTyped(values[c], parsers)) {
                    return false;
                }
            }
            return true;
        }

        private void take(NumberedRecord record) {
            String[] values = record.values();
            if (values.length != layout.width()) {
                ragged++;
                if (raggedLines.size() < MAX_RAGGED_LINES) {
                    raggedLines.add(record.line());
                }
            } else if (Layouts.blank(values)) {
                blank++;
            } else {
                rows++;
                for (int c = 0; c < values.length; c++) {
                    inference.get(c).accept(values[c]);
                }
            }
            dataEnd = record.index() + 1;
        }
    }

    private static CatalogException parseFailure(RuntimeException e, DetectedEncoding encoding) {
        if (e.getCause() instanceof CharacterCodingException) {
            return new CatalogException(
                    null, "import.error.encoding", encoding.charset().name());
        }
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher line =
                java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
        long at = line.find() ? Long.parseLong(line.group(1)) : -1;
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new CatalogException(null, "import.error.unterminated-quote", at);
        }
        return new CatalogException(null, "import.error.malformed", at);
    }
}
