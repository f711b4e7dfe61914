package org.openplaza.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a dataset refreshes itself from: the address, how often, on whose behalf, what the server
 * said last time (for conditional requests), and how the last fetches went.
 *
 * @param lastError the message key of the last fetch's failure; null once a fetch succeeds
 * @param lastErrorArguments that message's arguments
 * @param failures failed fetches in a row
 */
public record DatasetSource(
        long datasetId,
        String url,
        Duration every,
        String owner,
        @Nullable String etag,
        @Nullable String lastModified,
        Instant nextDueAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Instant lastSuccessAt,
        @Nullable Instant lastChangeAt,
        @Nullable String lastError,
        List<String> lastErrorArguments,
        int failures) {

    /** Whether the last fetch failed. */
    public boolean failing() {
        return lastError != null;
    }
}
