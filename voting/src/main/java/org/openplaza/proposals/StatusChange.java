package org.openplaza.proposals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of a proposal's lifecycle: from where to where, when, by whom, why, and by which vote. */
public record StatusChange(
        @Nullable ProposalStatus from,
        ProposalStatus to,
        Instant at,
        @Nullable String actor,
        @Nullable String reason,
        @Nullable Long voteId) {}
