package org.openplaza.proposals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment in a proposal's discussion. A hidden comment keeps its place in the thread but its
 * text is only given to administrators; everybody else sees the reason.
 */
public record Comment(
        long id,
        @Nullable Long parentId,
        String author,
        String authorUsername,
        @Nullable String body,
        Instant createdAt,
        int score,
        boolean hidden,
        @Nullable String hiddenReason,
        int depth,
        @Nullable Instant editedAt,
        boolean deleted) {}
