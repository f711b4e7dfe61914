package org.openplaza.catalog.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openplaza.catalog.ValueType;

/**
 * Where the parts of a table lie in the first records of a file, told by the shape of the rows as
 * statistical offices export them (SingStat, GENESIS, KOSIS, Eurostat): a preamble of title, source
 * and unit lines (one filled cell each), then header rows, then data. Header rows are the full row
 * just above the data and, above it, any rows of group labels (two or more filled cells, as
 * spreadsheets export merged cells), however many there are. A header row of years or periods
 * ({@code 2022 }, {@code 2023-Q1}) is told from a data row by the columns below it, which hold no
 * periods.
 */
public final class Layouts {

    /** A bound on the rows a header may span, so that a file of text rows is not all header. */
    static final int MAX_HEADER_RECORDS = 12;

    /** How many records after a candidate a decision looks at. */
    private static final int LOOKAHEAD = 5;

    private static final Pattern PERIOD = Pattern.compile("(?iu)(1[5-9]|2[0-9])\\d\\d"
            + "(\\s*년)?"
            + "([-./ ]?\\s*(0?[1-9]|1[0-2])(\\s*월)?"
            + "|\\s*-?\\s*[HSQ][1-4]|\\s*[1-4]\\s*[HQ]"
            + "|\\s*M(0[1-9]|1[0-2])"
            + "|-?W\\d{1,2}"
            + "|\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
            + "|[-./](0?[1-9]|1[0-2])[-./](0?[1-9]|[12]\\d|3[01])"
            + ")?");

    private Layouts() {}

    /**
     * @param preambleRecords records above the header, skipped
     * @param headerRecords records that form the header
     * @param width the number of fields of the table's rows
     * @param typed per column, whether its cells are mostly numbers or dates
     */
    public record Layout(int preambleRecords, int headerRecords, int width, boolean[] typed) {

        Layout(int preambleRecords, int headerRecords, int width) {
            this(preambleRecords, headerRecords, width, new boolean[width]);
        }

        public boolean anyTyped() {
            for (boolean t : typed) {
                if (t) {
                    return true;
                }
            }
            return false;
        }
    }

    public static Layout detect(List<List<String>> records, List<CellParser> parsers) {
        int width = tableWidth(records);
        boolean[] typed = typedColumns(records, width, parsers);
        int dataStart = 0;
        while (dataStart < records.size()
                && (periodHeader(records, dataStart, width, parsers)
                        || !looksLikeData(records, dataStart, width, typed, parsers))) {
            dataStart++;
        }
        if (dataStart == records.size()) {
            dataStart = 0;
        }
        if (dataStart == 0 && !anyTrue(typed) && fullRow(records.get(0), width)) {
            // a text-only file: the first full record is the header
            return new Layout(0, 1, width, typed);
        }
        // what the columns hold, now that titles and headers are known not to be data
        typed = typedColumns(records.subList(dataStart, records.size()), width, parsers);
        int headers = 0;
        if (dataStart > 0 && fullRow(records.get(dataStart - 1), width)) {
            headers = 1;
            while (headers < MAX_HEADER_RECORDS
                    && dataStart - headers - 1 >= 0
                    && groupRow(records.get(dataStart - headers - 1), width)) {
                headers++;
            }
        }
        return new Layout(dataStart - headers, headers, width, typed);
    }

    /** The commonest field count among records with two filled cells or more. */
    static int tableWidth(List<List<String>> records) {
        List<List<String>> rows = records.stream().filter(r -> filled(r) >= 2).toList();
        return modalWidth(rows.isEmpty() ? records : rows);
    }

    public static int modalWidth(List<List<String>> records) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (List<String> record : records) {
            counts.merge(record.size(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(1);
    }

    /** Whether every cell of a record is empty or blank; stops at the first that is not. */
    public static boolean blank(String[] record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    public static int filled(List<String> record) {
        int filled = 0;
        for (String cell : record) {
            if (!cell.isBlank()) {
                filled++;
            }
        }
        return filled;
    }

    private static boolean[] typedColumns(List<List<String>> records, int width, List<CellParser> parsers) {
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
        return typed;
    }

    private static boolean anyTrue(boolean[] values) {
        for (boolean v : values) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTyped(String cell, List<CellParser> parsers) {
        for (CellParser parser : parsers) {
            if (parser.type() != ValueType.BOOLEAN && parser.read(cell) != null) {
                return true;
            }
        }
        return false;
    }

    /** A year or a period as a column heading: {@code 2022 }, {@code 2023-03}, {@code 2023 1Q}, {@code 2023년 3월}. */
    public static boolean isPeriodLabel(String cell) {
        return PERIOD.matcher(cell.strip()).matches();
    }

    /**
     * A row whose filled cells are text labels and at least two periods, over columns that hold no
     * periods below it: the header of a wide table, not its first row.
     */
    static boolean periodHeader(List<List<String>> records, int index, int width, List<CellParser> parsers) {
        List<String> record = records.get(index);
        if (record.size() != width) {
            return false;
        }
        List<Integer> periodColumns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String cell = record.get(c);
            if (cell.isBlank()) {
                continue;
            }
            if (isPeriodLabel(cell)) {
                periodColumns.add(c);
            } else if (isTyped(cell, parsers)) {
                return false;
            }
        }
        if (periodColumns.size() < 2) {
            return false;
        }
        int below = 0;
        int periodsBelow = 0;
        int seen = 0;
        for (int i = index + 1; i < records.size() && seen < LOOKAHEAD; i++) {
            if (records.get(i).size() != width) {
                continue;
            }
            seen++;
            for (int c : periodColumns) {
                String cell = records.get(i).get(c);
                if (!CellParser.isNull(cell)) {
                    below++;
                    if (isPeriodLabel(cell)) {
                        periodsBelow++;
                    }
                }
            }
        }
        return below > 0 && periodsBelow * 2 < below;
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
            if (records.get(i).size() != width || filled(records.get(i)) < 2) {
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
        if (record.size() != width || (width > 2 && filled(record) < 2)) {
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
        return anyTypedValue || !anyTrue(typed);
    }

    /** The header row just above the data: at least half its cells filled. */
    private static boolean fullRow(List<String> record, int width) {
        if (record.size() != width) {
            return false;
        }
        int filled = filled(record);
        return filled * 2 >= width && filled >= Math.min(2, width);
    }

    /**
     * A row of group labels above the header row: two filled cells or more, short ones. A title,
     * a source or a unit fills one cell and stays in the preamble.
     */
    private static boolean groupRow(List<String> record, int width) {
        if (record.size() != width || filled(record) < 2) {
            return false;
        }
        return record.stream().allMatch(cell -> cell.strip().length() <= 200);
    }

    /**
     * One label per column from the header rows. A row above the last is a row of group labels:
     * a blank cell over a column of values is under the label of the group to its left (a merged
     * cell, as spreadsheets export it), up to where a group of a row above ends. So
     * {@code 04:00~04:59,,05:00~05:59,} over {@code boardings,alightings,boardings,alightings}
     * reads {@code 04:00~04:59 boardings}, {@code 04:00~04:59 alightings}, … Labels are not carried
     * into the text columns that name the rows.
     */
    public static List<String> joinHeaders(List<List<String>> headerRecords, int width, boolean[] typed) {
        boolean carryAnywhere = !anyTrue(typed);
        List<StringBuilder> labels = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            labels.add(new StringBuilder());
        }
        boolean[] groupStarts = new boolean[width];
        for (int r = 0; r < headerRecords.size(); r++) {
            List<String> record = headerRecords.get(r);
            boolean leaf = r == headerRecords.size() - 1;
            String carried = "";
            boolean[] starts = new boolean[width];
            for (int c = 0; c < width; c++) {
                String part = c < record.size() ? record.get(c).strip() : "";
                if (!part.isEmpty()) {
                    carried = part;
                    starts[c] = true;
                } else if (leaf || groupStarts[c] || !(carryAnywhere || (c < typed.length && typed[c]))) {
                    carried = "";
                } else {
                    part = carried;
                }
                if (!part.isEmpty()) {
                    StringBuilder label = labels.get(c);
                    label.append(label.length() == 0 ? "" : " ").append(part);
                }
            }
            for (int c = 0; c < width; c++) {
                groupStarts[c] |= starts[c];
            }
        }
        return labels.stream().map(StringBuilder::toString).toList();
    }
}
