package org.openplaza.proposals;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A proposal as its page shows it. */
public record Proposal(
        long id,
        Origin origin,
        ProposalStatus status,
        String title,
        String summary,
        String body,
        Category category,
        @Nullable String district,
        List<String> tags,
        String author,
        String authorUsername,
        @Nullable String organisation,
        int revision,
        Instant createdAt,
        @Nullable Instant publishedAt,
        @Nullable Instant supportDeadline,
        @Nullable Integer supportThreshold,
        int supports,
        int comments,
        List<Long> datasets,
        List<Long> visualisations,
        boolean hidden,
        @Nullable String hiddenReason) {

    public Proposal {
        tags = List.copyOf(tags);
        datasets = List.copyOf(datasets);
        visualisations = List.copyOf(visualisations);
    }

    /** Whether the proposal takes supports at this instant (a qualified one does until its deadline). */
    public boolean collecting(Instant now) {
        return (status == ProposalStatus.PUBLISHED || status == ProposalStatus.QUALIFIED)
                && supportDeadline != null
                && !now.isAfter(supportDeadline);
    }
}
