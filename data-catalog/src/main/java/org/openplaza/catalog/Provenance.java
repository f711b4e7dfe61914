package org.openplaza.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a harvested dataset comes from: the source, the record's identifier and page there, when
 * it was first and last harvested, when it went from the source (it is then withdrawn here), and
 * the files it links to there.
 */
public record Provenance(
        long sourceId,
        String sourceTitle,
        String sourceUrl,
        String originalId,
        @Nullable String originalUrl,
        Instant firstHarvested,
        Instant lastHarvested,
        @Nullable Instant removedAt,
        List<Link> links) {

    /** A file at the source: its title, format as the source gives it, and address (http or https). */
    public record Link(String title, @Nullable String format, String url) {}

    public Provenance {
        links = List.copyOf(links);
    }
}
