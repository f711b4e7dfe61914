package org.openplaza.catalog.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column labels as people read them, and the names the dataset store uses: generated, lower-case
 * ASCII, unique, never the user's text spliced into SQL.
 */
public final class ColumnNames {

    static final int MAX_NAME = 48;

    /** Names the dataset store gives a meaning of its own (DuckDB's row number), never a column's. */
    static final Set<String> RESERVED = Set.of("rowid");

    /** The beginning of the names the store's own queries give what they compute (opz_key, opz_m0). */
    static final String STORE_PREFIX = "opz_";

    private ColumnNames() {}

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Whether a name an official typed can be a column's name in the store as it is: lower-case
     * ASCII letters, digits and underscores, starting with a letter, at most 48 characters, and
     * not one the store reserves.
     */
    public static boolean isValidName(String name) {
        return name.length() <= MAX_NAME
                && NAME.matcher(name).matches()
                && !RESERVED.contains(name)
                && !name.startsWith(STORE_PREFIX);
    }

    /** Blank labels become "Column n"; a repeated label gets " (2)", " (3)"... */
    public static List<String> labels(List<String> raw) {
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String label = raw.get(i).strip().replaceAll("\\s+", " ");
            if (label.isEmpty()) {
                label = "Column " + (i + 1);
            }
            String unique = label;
            for (int n = 2; !seen.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = label + " (" + n + ")";
            }
            labels.add(unique);
        }
        return labels;
    }

    /**
     * {@code "no._of_cases"} becomes {@code no_of_cases}; a label in another script is written in
     * Latin letters first ({@code 측정일시} becomes {@code cheugjeong_ilsi}, {@code 交易年月}
     * {@code jiao_yi_nian_yue}); a label with neither letter nor digit becomes {@code column_3}; a
     * name that starts with a digit ({@code 2019}) or that the store reserves ({@code rowid},
     * {@code opz_…}) gets {@code c_} before it.
     */
    public static List<String> sqlNames(List<String> labels) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String name = Romanised.ascii(labels.get(i))
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "_")
                    .replaceAll("^_+|_+$", "");
            if (name.length() > MAX_NAME) {
                name = name.substring(0, MAX_NAME).replaceAll("_+$", "");
            }
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            } else if (Character.isDigit(name.charAt(0)) || RESERVED.contains(name) || name.startsWith(STORE_PREFIX)) {
                name = "c_" + name;
            }
            String unique = name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            names.add(unique);
        }
        return names;
    }
}
