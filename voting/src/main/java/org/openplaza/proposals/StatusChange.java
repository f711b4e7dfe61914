package org.openplaza.proposals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of a proposal's lifecycle: from where to where, when, by whom and why. */
public record StatusChange(
        @Nullable ProposalStatus from,
        ProposalStatus to,
        Instant at,
        @Nullable String actor,
        @Nullable String reason) {}
