package org.openplaza.proposals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A proposal as lists show it. */
public record ProposalSummary(
        long id,
        Origin origin,
        ProposalStatus status,
        String title,
        String summary,
        Category category,
        @Nullable String district,
        String author,
        @Nullable Instant publishedAt,
        @Nullable Instant supportDeadline,
        @Nullable Integer supportThreshold,
        int supports,
        int comments) {}
