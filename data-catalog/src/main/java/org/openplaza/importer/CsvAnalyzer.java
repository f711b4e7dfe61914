package org.openplaza.importer;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The importer's first pass: detects the encoding, the delimiter and where the header is from the
 * start of the file, then reads every record once to count rows, find ragged ones and infer each
 * column's type over all values, not a sample. Memory stays flat whatever the file size.
 */
public final class CsvAnalyzer {

    static final char[] DELIMITERS = {',', ';', '\t', '|'};
    static final int SAMPLE_CHARS = 256 * 1024;
    static final int SAMPLE_RECORDS = 500;
    static final int MAX_HEADER_RECORDS = 3;
    static final int MAX_RAGGED_LINES = 100;

    /** The most columns a file may have: as many as a CKAN datastore (PostgreSQL) table holds. */
    public static final int MAX_COLUMNS = 1600;

    private CsvAnalyzer() {}

    /** What the official may override; null leaves it to detection. */
    public record Settings(
            @Nullable DetectedEncoding encoding,
            @Nullable Character delimiter,
            @Nullable Integer preambleRecords,
            @Nullable Integer headerRecords) {

        public static final Settings DETECT = new Settings(null, null, null, null);
    }

    public static CsvAnalysis analyze(Path file) throws IOException, ImportException {
        return analyze(file, Settings.DETECT);
    }

    public static CsvAnalysis analyze(Path file, Settings settings) throws IOException, ImportException {
        if (Files.size(file) == 0) {
            throw new ImportException("import.error.empty");
        }
        DetectedEncoding encoding = settings.encoding() != null ? settings.encoding() : detectEncoding(file);
        String sample = readSample(file, encoding);
        if (sample.indexOf('\0') >= 0) {
            throw new ImportException("import.error.binary");
        }
        char delimiter = settings.delimiter() != null ? settings.delimiter() : sniffDelimiter(sample);
        NumberStyle style = NumberStyle.forDelimiter(delimiter);
        List<CellParser> parsers = CellParser.all(style);
        List<List<String>> sampleRecords = parseSample(sample, delimiter);
        if (sampleRecords.isEmpty()) {
            throw new ImportException("import.error.empty");
        }
        Layout layout = settings.preambleRecords() != null && settings.headerRecords() != null
                ? new Layout(settings.preambleRecords(), settings.headerRecords(), modalWidth(sampleRecords))
                : detectLayout(sampleRecords, parsers);
        if (layout.width() > MAX_COLUMNS) {
            throw new ImportException("import.error.too-many-columns", layout.width(), MAX_COLUMNS);
        }
        return fullPass(file, encoding, delimiter, style, parsers, layout);
    }

    static DetectedEncoding detectEncoding(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return EncodingDetector.detect(in);
        }
    }

    static Reader open(Path file, DetectedEncoding encoding) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.skipNBytes(encoding.bomLength());
        return new InputStreamReader(
                in,
                encoding.charset()
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static String readSample(Path file, DetectedEncoding encoding) throws IOException, ImportException {
        char[] buffer = new char[SAMPLE_CHARS];
        int read = 0;
        try (Reader reader = open(file, encoding)) {
            int n;
            while (read < buffer.length && (n = reader.read(buffer, read, buffer.length - read)) > 0) {
                read += n;
            }
        } catch (CharacterCodingException e) {
            throw new ImportException(
                    "import.error.encoding", encoding.charset().name());
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

    static CSVFormat format(char delimiter) {
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
            int width = modalWidth(records);
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

    static int modalWidth(List<List<String>> records) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (List<String> record : records) {
            counts.merge(record.size(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(1);
    }

    record Layout(int preambleRecords, int headerRecords, int width) {}

    /**
     * Where the data starts: the first record from which the sample's typed columns (those whose
     * cells are mostly numbers or dates) hold typed values; above it, up to three header records with
     * most cells filled, and above those the preamble.
     */
    static Layout detectLayout(List<List<String>> records, List<CellParser> parsers) {
        int width = modalWidth(records);
        boolean[] typed = new boolean[width];
        for (int c = 0; c < width; c++) {
            int filled = 0;
            int typedCells = 0;
            for (List<String> record : records) {
                if (record.size() == width && !CellParser.isNull(record.get(c))) {
                    filled++;
                    if (isTyped(record.get(c), parsers)) {
                        typedCells++;
                    }
                }
            }
            typed[c] = filled > 0 && typedCells * 2 > filled;
        }
        int dataStart = 0;
        while (dataStart < records.size() && !looksLikeData(records, dataStart, width, typed, parsers)) {
            dataStart++;
        }
        if (dataStart == records.size()) {
            dataStart = 0;
        }
        int headers = 0;
        while (headers < MAX_HEADER_RECORDS
                && dataStart - headers - 1 >= 0
                && looksLikeHeader(records.get(dataStart - headers - 1), width)) {
            headers++;
        }
        if (dataStart == 0 && !anyTyped(typed) && looksLikeHeader(records.get(0), width)) {
            // a text-only file: the first full record is the header
            return new Layout(0, 1, width);
        }
        return new Layout(dataStart - headers, headers, width);
    }

    private static boolean anyTyped(boolean[] typed) {
        for (boolean t : typed) {
            if (t) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTyped(String cell, List<CellParser> parsers) {
        for (CellParser parser : parsers) {
            if (parser.type() != ValueType.BOOLEAN && parser.read(cell) != null) {
                return true;
            }
        }
        return false;
    }

    /** This record is data, and so are most of the few after it (ragged rows and notes aside). */
    private static boolean looksLikeData(
            List<List<String>> records, int index, int width, boolean[] typed, List<CellParser> parsers) {
        if (!isDataRecord(records.get(index), width, typed, parsers)) {
            return false;
        }
        int agreeing = 0;
        int disagreeing = 0;
        for (int i = index + 1; i < records.size() && agreeing + disagreeing < 3; i++) {
            if (records.get(i).size() != width) {
                continue; // ragged records and notes say nothing either way
            }
            if (isDataRecord(records.get(i), width, typed, parsers)) {
                agreeing++;
            } else {
                disagreeing++;
            }
        }
        return agreeing >= disagreeing;
    }

    private static boolean isDataRecord(List<String> record, int width, boolean[] typed, List<CellParser> parsers) {
        if (record.size() != width) {
            return false;
        }
        boolean anyTypedValue = false;
        for (int c = 0; c < width; c++) {
            if (typed[c] && !CellParser.isNull(record.get(c))) {
                if (!isTyped(record.get(c), parsers)) {
                    return false;
                }
                anyTypedValue = true;
            }
        }
        return anyTypedValue || !anyTyped(typed);
    }

    private static boolean looksLikeHeader(List<String> record, int width) {
        if (record.size() != width) {
            return false;
        }
        long filled = record.stream().filter(cell -> !cell.isBlank()).count();
        return filled * 2 >= width && filled >= Math.min(2, width);
    }

    private static CsvAnalysis fullPass(
            Path file,
            DetectedEncoding encoding,
            char delimiter,
            NumberStyle style,
            List<CellParser> parsers,
            Layout layout)
            throws IOException, ImportException {
        List<List<String>> headerRecords = new ArrayList<>();
        List<TypeInference> inference = new ArrayList<>();
        for (int c = 0; c < layout.width(); c++) {
            inference.add(new TypeInference(parsers));
        }
        Counts counts = new Counts();
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
                        return new NumberedRecord(line, i < header, record.values());
                    },
                    batch -> {
                        for (NumberedRecord record : batch) {
                            counts.accept(record, layout.width(), headerRecords, inference);
                        }
                    });
        } catch (UncheckedIOException | IllegalStateException e) {
            throw parseFailure(e, encoding);
        } catch (CharacterCodingException e) {
            throw new ImportException(
                    "import.error.encoding", encoding.charset().name());
        } catch (IOException | ImportException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long rows = counts.rows;
        long ragged = counts.ragged;
        long trailingRagged = counts.trailingRagged;
        List<Long> raggedLines = counts.raggedLines;
        if (rows == 0) {
            throw new ImportException("import.error.no-rows");
        }
        // ragged records only at the very end are notes below the data, not broken rows
        int footer = trailingRagged == ragged ? (int) trailingRagged : 0;
        if (footer > 0) {
            raggedLines.clear();
            ragged = 0;
        }
        List<String> labels = ColumnNames.labels(joinHeaders(headerRecords, layout.width()));
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
                    inference.get(c).nulls()));
        }
        return new CsvAnalysis(
                encoding,
                delimiter,
                style,
                layout.preambleRecords(),
                layout.headerRecords(),
                columns,
                rows,
                raggedLines,
                ragged,
                footer);
    }

    private record NumberedRecord(long line, boolean header, String[] values) {}

    /** What the first pass counts, on the calling thread. */
    private static final class Counts {
        long rows;
        long ragged;
        long trailingRagged;
        final List<Long> raggedLines = new ArrayList<>();

        void accept(NumberedRecord record, int width, List<List<String>> headerRecords, List<TypeInference> inference) {
            if (record.header()) {
                headerRecords.add(List.of(record.values()));
                return;
            }
            if (record.values().length != width) {
                ragged++;
                trailingRagged++;
                if (raggedLines.size() < MAX_RAGGED_LINES) {
                    raggedLines.add(record.line());
                }
                return;
            }
            trailingRagged = 0;
            rows++;
            for (int c = 0; c < width; c++) {
                inference.get(c).accept(record.values()[c]);
            }
        }
    }

    /** Several header lines (a title line over a unit line) become one label per column. */
    private static List<String> joinHeaders(List<List<String>> headerRecords, int width) {
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            StringBuilder label = new StringBuilder();
            for (List<String> record : headerRecords) {
                String part = c < record.size() ? record.get(c).strip() : "";
                if (!part.isEmpty()) {
                    label.append(label.length() == 0 ? "" : " ").append(part);
                }
            }
            labels.add(label.toString());
        }
        return labels;
    }

    private static ImportException parseFailure(RuntimeException e, DetectedEncoding encoding) {
        if (e.getCause() instanceof CharacterCodingException) {
            return new ImportException(
                    "import.error.encoding", encoding.charset().name());
        }
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher line =
                java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
        long at = line.find() ? Long.parseLong(line.group(1)) : -1;
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new ImportException("import.error.unterminated-quote", at);
        }
        return new ImportException("import.error.malformed", at);
    }
}
