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

    /** The longest a failing source waits between fetches, unless its own rhythm is longer. */
    public static final Duration LONGEST_WAIT = Duration.ofDays(1);

    /**
     * How long after a fetch the next one is due: the source's own rhythm, doubled for each
     * failure in a row (a server that is down is not asked every quarter of an hour all night), up
     * to a day or the rhythm when that is longer.
     */
    public Duration nextWait() {
        Duration longest = every.compareTo(LONGEST_WAIT) > 0 ? every : LONGEST_WAIT;
        Duration wait = every;
        for (int i = 0; i < failures && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** Whether the last fetch failed. */
    public boolean failing() {
        return lastError != null;
    }
}
