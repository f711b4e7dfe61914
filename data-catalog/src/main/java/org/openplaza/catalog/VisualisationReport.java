package org.openplaza.catalog;

import java.time.Instant;

/** An open report on a visualisation, as administrators see it in their queue. */
public record VisualisationReport(
        long id,
        long visualisationId,
        String title,
        String author,
        String reporter,
        String reason,
        Instant reportedAt,
        boolean hidden) {}
