package org.openplaza.visualisations;

import org.jspecify.annotations.Nullable;
import org.openplaza.datastore.Grouped;

/**
 * A visualisation with its points, computed on the version it follows. When the latest version
 * no longer fits the chart (a column removed or retyped), the chart falls back to the version it
 * was built on and {@code problem} says what broke.
 */
public record DrawnVisualisation(
        Visualisation visualisation,
        ChartDefinition definition,
        Grouped data,
        long versionId,
        @Nullable String problem) {}
