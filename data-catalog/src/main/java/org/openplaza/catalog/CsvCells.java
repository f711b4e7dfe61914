package org.openplaza.catalog;

import java.util.regex.Pattern;

/**
 * Text for CSV files that people open in spreadsheets: a cell that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, tab or carriage return) is prefixed with {@code '},
 * unless it is a plain number such as {@code -5}.
 */
public final class CsvCells {

    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r]");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d+)*|\\.\\d+)([eE][+-]?\\d+)?%?");

    private CsvCells() {}

    public static String neutralised(String cell) {
        if (FORMULA_START.matcher(cell).find() && !NUMBER.matcher(cell).matches()) {
            return "'" + cell;
        }
        return cell;
    }
}
