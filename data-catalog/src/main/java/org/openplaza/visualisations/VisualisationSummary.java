package org.openplaza.visualisations;

import java.time.Instant;

/** A visualisation as the gallery lists it. */
public record VisualisationSummary(
        long id,
        String title,
        String datasetTitle,
        String author,
        Instant createdAt,
        org.openplaza.charts.ChartType type,
        String datasetSlug,
        long views) {}
