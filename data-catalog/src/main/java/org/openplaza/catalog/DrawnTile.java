package org.openplaza.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A dashboard's tile as its reader sees it now: the chart or the figure, or the reason it cannot
 * be drawn (a dataset or chart the reader may not see, or one that no longer fits), as a message key;
 * and when the data drawn last changed (a new version or pushed records).
 */
public record DrawnTile(
        Dashboard.Tile tile,
        @Nullable DrawnVisualisation chart,
        KeyFigure.@Nullable Value figure,
        @Nullable String problem,
        java.time.@Nullable Instant asOf) {}
