package org.openplaza.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A visualisation with its points, computed on the version it follows. When the latest version
 * no longer fits the chart (a column removed or retyped), the chart falls back to the version it
 * was built on and {@code problem} says what broke. {@code labels} are the drawn version's column
 * labels by generated name, for naming axes and series.
 */
public record DrawnVisualisation(
        Visualisation visualisation,
        ChartDefinition definition,
        Grouped data,
        long versionId,
        @Nullable String problem,
        java.util.Map<String, String> labels) {

    public DrawnVisualisation {
        labels = java.util.Map.copyOf(labels);
    }

    /** The label the publisher gave a column of the drawn version; its generated name if none. */
    public String label(@Nullable String column) {
        if (column == null) {
            return "";
        }
        String label = labels.get(column);
        return label == null || label.isBlank() ? column : label;
    }
}
