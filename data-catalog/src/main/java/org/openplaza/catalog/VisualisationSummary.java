package org.openplaza.catalog;

import java.time.Instant;

/** A visualisation as the gallery lists it. */
public record VisualisationSummary(
        long id,
        String title,
        String datasetTitle,
        String author,
        Instant createdAt,
        ChartType type,
        String datasetSlug,
        long views,
        long likes,
        String organisation,
        String organisationSlug) {}
