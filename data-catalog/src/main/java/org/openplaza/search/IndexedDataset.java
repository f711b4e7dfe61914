package org.openplaza.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the index holds of one published dataset. */
record IndexedDataset(
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
        java.util.Map<String, org.openplaza.publishing.DatasetMetadata.Translation> translations) {}
