package org.openplaza.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dashboard: a title, a description, whose it is, and its tiles in order. Anybody may see a
 * dashboard that is not hidden ({@code hiddenReason} null); what each tile shows is drawn for its
 * reader, so a tile of a dataset or chart the reader may not see shows nothing of it. A hidden
 * dashboard is shown to its owner, with the administrator's reason, and to administrators.
 */
public record Dashboard(
        long id,
        String title,
        String description,
        String owner,
        String author,
        Instant createdAt,
        Instant updatedAt,
        boolean featured,
        List<Tile> tiles,
        @Nullable String hiddenReason) {

    public Dashboard {
        tiles = List.copyOf(tiles);
    }

    /** The datasets the dashboard's tiles are drawn from: when one changes, they are drawn again. */
    public java.util.Set<Long> datasets() {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        tiles.forEach(t -> ids.add(t.datasetId()));
        return ids;
    }

    /**
     * A tile: a saved visualisation ({@code visualisationId}) or a key figure ({@code figure}),
     * exactly one of them, with the dataset it is drawn from. A wide tile spans two columns.
     */
    public record Tile(
            long id,
            String title,
            boolean wide,
            long datasetId,
            @Nullable Long visualisationId,
            @Nullable KeyFigure figure) {}

    /** A dashboard as lists show it. */
    public record Summary(
            long id, String title, String description, String author, Instant updatedAt, int tiles, boolean featured) {}
}
