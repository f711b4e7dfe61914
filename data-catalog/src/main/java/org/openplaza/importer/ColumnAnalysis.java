package org.openplaza.importer;

/**
 * What the importer found in one column.
 *
 * @param label the header text as written (several header lines joined), or "Column n" when blank
 * @param name the generated SQL-safe name of the column in the dataset store
 * @param type the narrowest type every value of the column fits
 * @param format the date pattern or number style the values are written in
 * @param scale the most digits after the decimal separator, for decimal columns
 * @param nulls how many cells are empty or a null token
 */
public record ColumnAnalysis(
        int index, String label, String name, ValueType type, String format, int scale, long nulls) {}
