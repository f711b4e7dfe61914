package org.openplaza.catalog.importer;

import java.util.List;

/**
 * Streaming type inference for one column: every parser that has accepted all values so far stays
 * a candidate; at the end the first remaining one in order of preference wins, and a column no
 * parser fits all through is text. Null tokens say nothing about the type.
 */
public final class TypeInference {

    private final List<CellParser> parsers;
    private long candidates;
    private long nulls;
    private long values;
    private int scale;
    private final java.util.Map<String, Long> markers = new java.util.HashMap<>();

    public TypeInference(List<CellParser> parsers) {
        if (parsers.size() > 63) {
            throw new IllegalArgumentException("too many parsers");
        }
        this.parsers = parsers;
        this.candidates = (1L << parsers.size()) - 1;
    }

    public void accept(String cell) {
        if (CellParser.isNull(cell)) {
            nulls++;
            String marker = cell.strip();
            if (!marker.isEmpty()) {
                markers.merge(marker, 1L, Long::sum);
            }
            return;
        }
        values++;
        long remaining = candidates;
        while (remaining != 0) {
            int i = Long.numberOfTrailingZeros(remaining);
            remaining &= remaining - 1;
            Object value = parsers.get(i).read(cell);
            if (value == null) {
                candidates &= ~(1L << i);
            } else if (value instanceof java.math.BigDecimal decimal) {
                scale = Math.max(scale, decimal.scale());
            }
        }
    }

    /** The most digits after the decimal separator seen in a decimal value, at most 18. */
    public int scale() {
        return Math.min(scale, 18);
    }

    public long nulls() {
        return nulls;
    }

    /** How many cells held each null marker, as written. */
    public java.util.Map<String, Long> markers() {
        return markers;
    }

    /** The winning parser, or null when the column is text (or holds no value at all). */
    public CellParser result() {
        if (values == 0 || candidates == 0) {
            return null;
        }
        return parsers.get(Long.numberOfTrailingZeros(candidates));
    }
}
