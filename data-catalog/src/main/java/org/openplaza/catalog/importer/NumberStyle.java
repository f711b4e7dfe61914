package org.openplaza.catalog.importer;

/**
 * How a file writes numbers. Files separated by semicolons are written the continental way
 * ({@code 1.234,5}); the rest the English way ({@code 1,234.5}).
 */
public enum NumberStyle {
    DECIMAL_POINT('.', ','),
    DECIMAL_COMMA(',', '.');

    public final char decimalSeparator;
    public final char groupingSeparator;

    NumberStyle(char decimalSeparator, char groupingSeparator) {
        this.decimalSeparator = decimalSeparator;
        this.groupingSeparator = groupingSeparator;
    }

    public static NumberStyle forDelimiter(char delimiter) {
        return delimiter == ';' ? DECIMAL_COMMA : DECIMAL_POINT;
    }
}
