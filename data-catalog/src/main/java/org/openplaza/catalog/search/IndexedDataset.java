package org.openplaza.catalog.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the index holds of one published dataset. */
public record IndexedDataset(
        long id,
        String slug,
        String title,
        String description,
        String organisation,
        List<String> keywords,
        List<String> themes,
        String licence,
        @Nullable String format,
        List<String> columnLabels,
        @Nullable Instant issued,
        Instant modified,
        long rows,
        long views,
        long downloads,
        java.util.Map<String, org.openplaza.catalog.DatasetMetadata.Translation> translations) {}
