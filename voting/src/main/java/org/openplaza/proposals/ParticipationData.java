package org.openplaza.proposals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Participation as open data: every public proposal with its status and counts, supports per
 * proposal and day, and every step of the proposals' lifecycles with the officials' answers.
 * Drafts and hidden proposals are left out; who supported what never is in it.
 */
public record ParticipationData(List<ProposalRow> proposals, List<SupportDay> supportsPerDay, List<Step> steps) {

    public record ProposalRow(
            long id,
            Origin origin,
            ProposalStatus status,
            String title,
            Category category,
            @Nullable String district,
            @Nullable String organisation,
            @Nullable Instant publishedAt,
            @Nullable Instant supportDeadline,
            @Nullable Integer supportThreshold,
            int supports,
            int comments) {}

    /** Supports given to a proposal on one day (UTC), verified or not. */
    public record SupportDay(long proposalId, LocalDate day, int supports) {}

    /** A lifecycle step; official answers carry their published reason. */
    public record Step(
            long proposalId,
            Instant at,
            @Nullable ProposalStatus from,
            ProposalStatus to,
            @Nullable String reason) {}
}
