package org.openplaza.catalog.importer;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ValueType;

/**
 * Periods as statistical offices write them: months ({@code 2012-03}, Eurostat's {@code 2012M03}),
 * ISO and epidemiological weeks ({@code 2012-W01}, {@code 2012W01}) and quarters ({@code 2012-Q1}, {@code 2012Q1}).
 * Each is stored as the date it begins (the first of the month or quarter, the Monday of the
 * week), so that the chart builder groups it by week, month, quarter or year and filters it by
 * date; the column's format keeps the form, so the table and the downloads show each value as the
 * file wrote it.
 */
public final class Periods {

    /**
     * Years, as the headings of a wide table turned long; never inferred from a column's values
     * (a column of years stays whole numbers).
     */
    public static final String YEAR = "uuuu";

    private static final Pattern YEAR_FORM = Pattern.compile("(1[5-9]|2[0-9])\\d\\d");

    public static final String MONTH = "uuuu-MM";
    public static final String EUROSTAT_MONTH = "uuuu'M'MM";
    public static final String WEEK = "YYYY-'W'ww";

    /**
     * Epidemiological weeks (as in Singapore's and the US CDC's bulletins): Sunday to Saturday,
     * the first being the one that holds 4 January. Tried after ISO weeks, so that a file of
     * weeks is read as ISO weeks unless one of its weeks exists only in this calendar (2014-W53).
     */
    public static final String EPI_WEEK = "epi:YYYY-'W'ww";

    private static final java.time.temporal.WeekFields EPI = java.time.temporal.WeekFields.of(DayOfWeek.SUNDAY, 4);
    public static final String QUARTER = "uuuu-'Q'q";

    private static final Pattern MONTH_FORM = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern EUROSTAT_FORM = Pattern.compile("(\\d{4})M(\\d{2})");
    private static final Pattern WEEK_FORM = Pattern.compile("(\\d{4})-?W(\\d{1,2})");
    private static final Pattern QUARTER_FORM = Pattern.compile("(\\d{4})-?Q([1-4])");

    private Periods() {}

    /** The parsers of periods, each a date parser whose format names the period's form. */
    public static List<CellParser> parsers() {
        return List.of(
                new CellParser(ValueType.DATE, MONTH, text -> month(MONTH_FORM.matcher(text))),
                new CellParser(ValueType.DATE, EUROSTAT_MONTH, text -> month(EUROSTAT_FORM.matcher(text))),
                new CellParser(ValueType.DATE, WEEK, text -> week(text, java.time.temporal.WeekFields.ISO)),
                new CellParser(ValueType.DATE, EPI_WEEK, text -> week(text, EPI)),
                new CellParser(ValueType.DATE, QUARTER, Periods::quarter));
    }

    /** The day a month, ISO week or quarter in any of the forms above begins; null for anything else. */
    public static @Nullable LocalDate parse(String text) {
        for (CellParser parser : parsers()) {
            if (parser.read(text) instanceof LocalDate date) {
                return date;
            }
        }
        return null;
    }

    /** As {@link #parse}, and a year ({@code 2018}) as its first day. */
    public static @Nullable LocalDate parseWithYears(String text) {
        String t = text.strip();
        if (YEAR_FORM.matcher(t).matches()) {
            return LocalDate.of(Integer.parseInt(t), 1, 1);
        }
        return parse(t);
    }

    /** The format of a period heading: {@link #YEAR}, {@link #MONTH}, …; empty for anything else. */
    public static String formatWithYears(String text) {
        String t = text.strip();
        if (YEAR_FORM.matcher(t).matches()) {
            return YEAR;
        }
        for (CellParser parser : parsers()) {
            if (parser.read(t) != null) {
                return parser.format();
            }
        }
        return "";
    }

    private static @Nullable LocalDate month(Matcher m) {
        if (!m.matches()) {
            return null;
        }
        int month = Integer.parseInt(m.group(2));
        return month < 1 || month > 12 ? null : LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
    }

    /** The first day of a week-based year: that of the week holding 4 January. */
    private static LocalDate firstDay(int year, java.time.temporal.WeekFields weeks) {
        return LocalDate.of(year, 1, 4).with(weeks.dayOfWeek(), 1);
    }

    private static @Nullable LocalDate week(String text, java.time.temporal.WeekFields weeks) {
        Matcher m = WEEK_FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        try {
            LocalDate first = firstDay(year, weeks);
            long inYear = java.time.temporal.ChronoUnit.WEEKS.between(first, firstDay(year + 1, weeks));
            return week < 1 || week > inYear ? null : first.plusWeeks(week - 1L);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable LocalDate quarter(String text) {
        Matcher m = QUARTER_FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
    }

    /** Whether a column of this format holds periods rather than days. */
    public static boolean isPeriod(@Nullable String format) {
        return YEAR.equals(format)
                || MONTH.equals(format)
                || EUROSTAT_MONTH.equals(format)
                || WEEK.equals(format)
                || EPI_WEEK.equals(format)
                || QUARTER.equals(format);
    }

    /** The period a stored date begins, in the column's form; the date itself for other formats. */
    public static String text(LocalDate date, @Nullable String format) {
        if (format == null) {
            return date.toString();
        }
        return switch (format) {
            case YEAR -> String.valueOf(date.getYear());
            case MONTH -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
            case EUROSTAT_MONTH -> String.format("%dM%02d", date.getYear(), date.getMonthValue());
            case WEEK ->
                String.format(
                        "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case EPI_WEEK ->
                String.format("%d-W%02d", date.get(EPI.weekBasedYear()), date.get(EPI.weekOfWeekBasedYear()));
            case QUARTER -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
            default -> date.toString();
        };
    }
}
