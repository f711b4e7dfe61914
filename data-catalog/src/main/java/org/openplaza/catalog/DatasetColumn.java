package org.openplaza.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A column of a dataset's current version: its data dictionary entry and its profile, with the
 * null markers its cells held in the file ({@code "." → 12}), which the store keeps as NULL.
 */
public record DatasetColumn(
        int position,
        String name,
        String label,
        ValueType type,
        String description,
        @Nullable Long nulls,
        @Nullable Long distinct,
        @Nullable String min,
        @Nullable String max,
        @Nullable String mean,
        List<ColumnProfile.ValueCount> topValues,
        String format,
        java.util.Map<String, Long> nullMarkers) {

    public DatasetColumn {
        topValues = List.copyOf(topValues);
        nullMarkers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(nullMarkers));
    }

    /** A value of this column as the table shows it: periods as the file wrote them. */
    public String text(Object value) {
        if (value instanceof java.time.LocalDate date) {
            return org.openplaza.catalog.importer.Periods.text(date, format);
        }
        return value.toString();
    }

    /** Whether the column holds months, weeks or quarters, stored as the day each begins. */
    public boolean holdsPeriods() {
        return org.openplaza.catalog.importer.Periods.isPeriod(format);
    }

    private static final java.util.regex.Pattern YEAR_WORDS =
            java.util.regex.Pattern.compile("(?iu)year|\\byr\\b|연도|년도|년$|^년|年|jahr|ann[ée]e|año|anno|jaar");

    /**
     * Whether the column holds years: whole numbers from 1000 to 2999 under a name that says
     * year (in English, Korean, Chinese and the main European languages). Years read without a
     * thousands separator: 2024, not 2,024.
     */
    public boolean holdsYears() {
        if (type != ValueType.INTEGER || min == null || max == null) {
            return false;
        }
        try {
            long low = Long.parseLong(min.strip());
            long high = Long.parseLong(max.strip());
            return low >= 1000
                    && high <= 2999
                    && (YEAR_WORDS.matcher(name).find()
                            || YEAR_WORDS.matcher(label).find());
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
