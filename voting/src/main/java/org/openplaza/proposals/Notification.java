package org.openplaza.proposals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something that happened to a proposal the user follows. */
public record Notification(
        long id,
        long proposalId,
        String proposalTitle,
        Kind kind,
        @Nullable String detail,
        Instant createdAt,
        boolean read) {

    public enum Kind {
        STATUS_CHANGED,
        ANSWERED,
        IMPLEMENTATION_UPDATE,
        REPLY
    }
}
