package org.openplaza.publishing;

import java.time.Instant;
import java.util.List;

/**
 * One version of a dataset: its distribution facts and how its columns differ from the version
 * before (added, removed, retyped).
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
        String format) {

    public VersionSummary {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        retyped = List.copyOf(retyped);
    }
}
