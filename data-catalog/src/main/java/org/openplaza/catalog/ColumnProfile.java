package org.openplaza.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a column of a loaded table holds: empty cells, distinct values (approximate on big tables),
 * the range and, for numbers and dates, the mean; for text, the commonest values.
 */
public record ColumnProfile(
        String name,
        long nulls,
        long distinct,
        @Nullable String min,
        @Nullable String max,
        @Nullable String mean,
        List<ValueCount> topValues) {

    public record ValueCount(String value, long count) {}

    public ColumnProfile {
        topValues = List.copyOf(topValues);
    }
}
