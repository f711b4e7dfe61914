package org.openplaza.publishing;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.datastore.ColumnProfile;
import org.openplaza.importer.ValueType;

/** A column of a dataset's current version: its data dictionary entry and its profile. */
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
        List<ColumnProfile.ValueCount> topValues) {

    public DatasetColumn {
        topValues = List.copyOf(topValues);
    }
}
