package org.openplaza.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A dataset as its public page shows it: metadata, publisher and the figures of its current version. */
public record DatasetPage(
        long id,
        String slug,
        String state,
        DatasetMetadata metadata,
        String organisation,
        String organisationSlug,
        @Nullable Instant issued,
        Instant modified,
        @Nullable Long currentVersionId,
        long rows,
        long views,
        long downloads) {

    public boolean published() {
        return "PUBLISHED".equals(state);
    }
}
