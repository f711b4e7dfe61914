package org.openplaza.proposals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a proposal the user follows, an alert about a vote they answer for,
 * or about a dataset they publish; {@code title} is the proposal's title, the vote's question or
 * the dataset's title.
 */
public record Notification(
        long id,
        Subject subject,
        long subjectId,
        String title,
        Kind kind,
        @Nullable String detail,
        Instant createdAt,
        boolean read) {

    public enum Subject {
        PROPOSAL,
        VOTE,
        DATASET
    }

    public enum Kind {
        STATUS_CHANGED,
        ANSWERED,
        IMPLEMENTATION_UPDATE,
        REPLY,
        /** A vote's count is held for investigation; the detail is the reason. */
        COUNT_HELD,
        /** A dataset's source has started failing; the detail is why, as the publisher reads it. */
        SOURCE_FAILED,
        /**
         * A key figure the user watches went past their threshold; the detail is the dashboard,
         * the direction, the threshold, the value and its period, a line each.
         */
        FIGURE_CROSSED
    }
}
