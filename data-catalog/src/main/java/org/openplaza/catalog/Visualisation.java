package org.openplaza.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A saved visualisation: what it is, whose, on which dataset and version, and its definition. */
public record Visualisation(
        long id,
        String title,
        String description,
        ChartType type,
        String definition,
        long datasetId,
        String datasetSlug,
        String datasetTitle,
        @Nullable Long versionId,
        boolean followsLatest,
        String author,
        String owner,
        Instant createdAt,
        long views,
        long likes,
        boolean hidden,
        @Nullable String hiddenReason) {}
