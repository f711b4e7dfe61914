package org.openplaza.catalog.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.ValueType;

/**
 * One way of reading a cell as a typed value: a type and, for numbers and dates, the format. Type
 * inference keeps, per column, the parsers that accepted every value so far.
 *
 * @param type what the values become
 * @param format the pattern, for dates and times, or the number style
 */
public record CellParser(ValueType type, String format, Reader reader) {

    /** Reads one cell; returns null when the text is not in this parser's form. */
    @FunctionalInterface
    public interface Reader {
        @Nullable
        Object read(String text);
    }

    /**
     * Cells that mean "no value" in government files: empty, NA, N/A, NULL, and the marks of
     * statistics offices: dashes and dots (Destatis, SingStat, KOSIS), {@code x} (withheld),
     * {@code :} (Eurostat).
     */
    public static final Set<String> NULL_TOKENS =
            Set.of("", "na", "n/a", "n.a.", "null", "nan", "-", "--", "–", "—", ".", "..", "...", "…", "x", ":");

    public static boolean isNull(String text) {
        if (text.isEmpty()) {
            return true;
        }
        int last = text.length() - 1;
        if (last >= 8 && !Character.isWhitespace(text.charAt(0)) && !Character.isWhitespace(text.charAt(last))) {
            return false;
        }
        String t = text.strip();
        return t.isEmpty() || NULL_TOKENS.contains(t.toLowerCase(Locale.ROOT));
    }

    public @Nullable Object read(String text) {
        return reader.read(text.strip());
    }

    private static final String CURRENCY = "$€£¥₩₹";

    /** The format of a text column whose values are month and day without a year ({@code 11.06.}). */
    public static final String YEARLESS = "M.d.";

    private static final Pattern YEARLESS_DATE = Pattern.compile("(\\d{1,2})[./](\\d{1,2})\\.?");

    /** A date format for yearless values once the official has said which year they belong to. */
    public static String yearlessIn(int year) {
        return YEARLESS + "@" + year;
    }

    /** Reads {@code 11.06.} as 6 November of the given year. */
    public static CellParser yearless(int year) {
        return new CellParser(ValueType.DATE, yearlessIn(year), text -> {
            java.util.regex.Matcher m = YEARLESS_DATE.matcher(text);
            if (!m.matches()) {
                return null;
            }
            try {
                return LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                return null;
            }
        });
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Every parser, in the order of preference when several accept a whole column. */
    public static List<CellParser> all(NumberStyle style) {
        List<CellParser> parsers = new ArrayList<>();
        parsers.add(new CellParser(ValueType.BOOLEAN, "true/false", CellParser::readBoolean));
        // an 8-digit column of valid dates is a date column, not a number column
        parsers.add(date("uuuuMMdd", basicDate()));
        parsers.add(new CellParser(ValueType.INTEGER, style.name(), t -> readInteger(t, style)));
        parsers.add(new CellParser(ValueType.DECIMAL, style.name(), t -> readDecimal(t, style)));
        for (String pattern : List.of(
                "uuuu-MM-dd",
                "uuuu.MM.dd",
                "uuuu/MM/dd",
                "d/M/uuuu",
                "M/d/uuuu",
                "d.M.uuuu",
                "d-M-uuuu",
                "M-d-uuuu",
                "d-MMM-uu",
                "d-MMM-uuuu",
                "d MMM uuuu")) {
            parsers.add(date(pattern, formatter(pattern)));
        }
        // months, ISO weeks and quarters as statistical offices write them, stored as the day each begins
        parsers.addAll(Periods.parsers());
        for (String pattern : List.of(
                "uuuu-MM-dd HH:mm:ss",
                "uuuu-MM-dd HH:mm",
                "uuuu-MM-dd'T'HH:mm:ss",
                "uuuu/MM/dd HH:mm:ss",
                "uuuu/MM/dd HH:mm",
                "uuuu.MM.dd HH:mm:ss",
                "d/M/uuuu HH:mm:ss",
                "d/M/uuuu HH:mm",
                "M/d/uuuu HH:mm:ss",
                "M/d/uuuu HH:mm")) {
            parsers.add(timestamp(pattern));
        }
        // last: a column of dates without a year stays text, but is recognised as such
        parsers.add(new CellParser(
                ValueType.TEXT, YEARLESS, text -> YEARLESS_DATE.matcher(text).matches() ? text : null));
        return List.copyOf(parsers);
    }

    /**
     * The parser for a column: the detected one while the type stands, the first of its type when
     * the official chose another; null for text.
     */
    public static @Nullable CellParser forColumn(ColumnAnalysis column, List<CellParser> available) {
        if (column.type() == ValueType.TEXT) {
            return null;
        }
        if (column.type() == ValueType.DATE && column.format().startsWith(YEARLESS + "@")) {
            return yearless(Integer.parseInt(column.format().substring(YEARLESS.length() + 1)));
        }
        return available.stream()
                .filter(p -> p.type() == column.type() && p.format().equals(column.format()))
                .findFirst()
                .or(() -> available.stream()
                        .filter(p -> p.type() == column.type())
                        .findFirst())
                .orElseThrow();
    }

    static @Nullable Boolean readBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "t" -> Boolean.TRUE;
            case "false", "no", "n", "f" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Digits with optional sign, grouping, a leading currency sign or a trailing percent; no leading zeros. */
    static @Nullable Long readInteger(String text, NumberStyle style) {
        Long fast = plainLong(text);
        if (fast != null) {
            return fast;
        }
        String digits = plainNumber(text, style);
        if (digits == null || digits.indexOf(style.decimalSeparator) >= 0) {
            return null;
        }
        String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        if (!DIGITS.matcher(unsigned).matches() || unsigned.length() > 18) {
            return null;
        }
        return Long.parseLong(digits.startsWith("+") ? unsigned : digits);
    }

    static @Nullable BigDecimal readDecimal(String text, NumberStyle style) {
        if (style == NumberStyle.DECIMAL_POINT && isPlainDecimal(text)) {
            return new BigDecimal(text);
        }
        String number = plainNumber(text, style);
        if (number == null) {
            return null;
        }
        String normalised = number.replace(style.decimalSeparator, '.');
        try {
            BigDecimal value = new BigDecimal(normalised);
            return value.precision() > 38 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code -?[1-9][0-9]*} or {@code 0}, up to 18 digits, read without allocating; null otherwise. */
    private static @Nullable Long plainLong(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int digits = length - start;
        if (digits == 0 || digits > 18 || (digits > 1 && text.charAt(start) == '0')) {
            return null;
        }
        long value = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }

    /** {@code -?digits.digits} with no grouping, no leading zero before more digits, at most 38 digits. */
    private static boolean isPlainDecimal(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int point = -1;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (point >= 0) {
                    return false;
                }
                point = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        int wholeDigits = (point < 0 ? length : point) - start;
        boolean leadingZero = wholeDigits > 1 && text.charAt(start) == '0';
        return length - start > 0
                && length - start <= 39
                && !leadingZero
                && point != length - 1
                && (wholeDigits > 0 || point >= 0);
    }

    /**
     * The number with currency, percent and grouping taken away, or null when it is no number.
     * Grouping must be regular (1,234,567), and a leading zero before more digits marks an
     * identifier (ZIP and FIPS codes), not a number.
     */
    private static @Nullable String plainNumber(String text, NumberStyle style) {
        String t = text;
        if (t.isEmpty()) {
            return null;
        }
        String sign = "";
        if (t.charAt(0) == '-' || t.charAt(0) == '+') {
            sign = t.charAt(0) == '-' ? "-" : "";
            t = t.substring(1);
        }
        if (!t.isEmpty() && CURRENCY.indexOf(t.charAt(0)) >= 0) {
            t = t.substring(1).stripLeading();
        }
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        if (t.isEmpty() || !Character.isDigit(t.charAt(0)) && t.charAt(0) != style.decimalSeparator) {
            return null;
        }
        int decimal = t.indexOf(style.decimalSeparator);
        String whole = decimal < 0 ? t : t.substring(0, decimal);
        String fraction = decimal < 0 ? "" : t.substring(decimal + 1);
        if (whole.indexOf(style.groupingSeparator) >= 0) {
            String[] groups = whole.split(Pattern.quote(String.valueOf(style.groupingSeparator)), -1);
            if (groups[0].isEmpty() || groups[0].length() > 3) {
                return null;
            }
            for (int i = 1; i < groups.length; i++) {
                if (groups[i].length() != 3) {
                    return null;
                }
            }
            whole = String.join("", groups);
        }
        if (whole.length() > 1 && whole.charAt(0) == '0') {
            return null;
        }
        String exponent = "";
        int e = Math.max(fraction.indexOf('e'), fraction.indexOf('E'));
        if (e >= 0) {
            exponent = fraction.substring(e);
            fraction = fraction.substring(0, e);
            if (!exponent.matches("[eE][+-]?\\d{1,3}")) {
                return null;
            }
        }
        if (!(whole.isEmpty() || DIGITS.matcher(whole).matches())
                || !(fraction.isEmpty() || DIGITS.matcher(fraction).matches())
                || whole.isEmpty() && fraction.isEmpty()) {
            return null;
        }
        return sign
                + (whole.isEmpty() ? "0" : whole)
                + (decimal < 0 ? "" : style.decimalSeparator + fraction)
                + exponent;
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static DateTimeFormatter basicDate() {
        return new DateTimeFormatterBuilder()
                .appendValue(ChronoField.YEAR, 4)
                .appendValue(ChronoField.MONTH_OF_YEAR, 2)
                .appendValue(ChronoField.DAY_OF_MONTH, 2)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static CellParser date(String pattern, DateTimeFormatter formatter) {
        boolean basic = pattern.equals("uuuuMMdd");
        NumericDatePattern numeric = NumericDatePattern.compile(pattern);
        return new CellParser(ValueType.DATE, pattern, text -> {
            if (basic && text.length() != 8) {
                return null;
            }
            LocalDate date =
                    numeric != null ? (LocalDate) numeric.parse(text) : parse(formatter, text, LocalDate::from);
            if (date == null || (basic && (date.getYear() < 1800 || date.getYear() > 2200))) {
                return null;
            }
            return date;
        });
    }

    /** Accepts the date alone too (as midnight), so a column mixing both stays a timestamp column. */
    private static CellParser timestamp(String pattern) {
        DateTimeFormatter full = formatter(pattern);
        DateTimeFormatter dateOnly =
                formatter(pattern.substring(0, pattern.indexOf(pattern.contains("'T'") ? "'T'" : " ")));
        return new CellParser(ValueType.TIMESTAMP, pattern, text -> {
            LocalDateTime value = parse(full, text, LocalDateTime::from);
            if (value != null) {
                return value;
            }
            LocalDate date = parse(dateOnly, text, LocalDate::from);
            return date == null ? null : date.atStartOfDay();
        });
    }

    private static <T> @Nullable T parse(
            DateTimeFormatter formatter, String text, java.util.function.Function<TemporalAccessor, T> query) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        // a cheap check first: parseUnresolved reports a mismatch without throwing
        java.text.ParsePosition position = new java.text.ParsePosition(0);
        if (formatter.parseUnresolved(text, position) == null
                || position.getErrorIndex() >= 0
                || position.getIndex() != text.length()) {
            return null;
        }
        try {
            return query.apply(formatter.parse(text));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
