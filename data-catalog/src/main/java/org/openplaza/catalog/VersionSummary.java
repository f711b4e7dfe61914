package org.openplaza.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One version of a dataset: its distribution facts and how its columns differ from the version
 * before (added, removed, retyped). A live version holds records pushed through the API rather
 * than an imported file: its rows change, and it has no original file. A version fetched from an
 * address keeps it as {@code sourceUrl}. A live version whose table a client dropped
 * ({@code tableDropped}) has no rows and takes none until it is made again.
 */
public record VersionSummary(
        long id,
        int number,
        long rows,
        long bytes,
        String sha256,
        String encoding,
        String originalFilename,
        Instant createdAt,
        List<String> added,
        List<String> removed,
        List<String> retyped,
        String mediaType,
        String format,
        boolean live,
        @org.jspecify.annotations.Nullable String sourceUrl,
        boolean tableDropped) {

    public VersionSummary {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        retyped = List.copyOf(retyped);
    }
}
