package org.openplaza.catalog;

import org.openplaza.catalog.importer.CellParser;

/**
 * What the importer found in one column.
 *
 * @param label the header text as written (several header lines joined), or "Column n" when blank
 * @param name the generated SQL-safe name of the column in the dataset store
 * @param type the narrowest type every value of the column fits
 * @param format the date pattern or number style the values are written in
 * @param scale the most digits after the decimal separator, for decimal columns
 * @param nulls how many cells are empty or a null token
 * @param nullMarkers how many cells held each null marker other than an empty cell, as written
 *     ({@code -}, {@code .}, {@code x}, {@code na}…): statistical offices give them meanings of
 *     their own (Destatis: {@code -} nothing, {@code .} unknown or secret)
 */
public record ColumnAnalysis(
        int index,
        String label,
        String name,
        ValueType type,
        String format,
        int scale,
        long nulls,
        java.util.Map<String, Long> nullMarkers) {

    public ColumnAnalysis {
        nullMarkers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(nullMarkers));
    }

    public ColumnAnalysis(int index, String label, String name, ValueType type, String format, int scale, long nulls) {
        this(index, label, name, type, format, scale, nulls, java.util.Map.of());
    }

    /** This column under another label and store name. */
    public ColumnAnalysis named(String newLabel, String newName) {
        return new ColumnAnalysis(index, newLabel, newName, type, format, scale, nulls, nullMarkers);
    }

    /** Whether the column's values are a month and a day without a year ({@code 11.06.}). */
    public boolean yearless() {
        return CellParser.YEARLESS.equals(format);
    }

    /** The date format of a yearless column once the official has said which year it belongs to. */
    public static String yearlessIn(int year) {
        return CellParser.yearlessIn(year);
    }
}
