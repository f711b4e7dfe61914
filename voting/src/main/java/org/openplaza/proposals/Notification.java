package org.openplaza.proposals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a proposal the user follows, or an alert about a vote they answer
 * for; {@code title} is the proposal's title or the vote's question.
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
        VOTE
    }

    public enum Kind {
        STATUS_CHANGED,
        ANSWERED,
        IMPLEMENTATION_UPDATE,
        REPLY,
        /** A vote's count is held for investigation; the detail is the reason. */
        COUNT_HELD
    }
}
