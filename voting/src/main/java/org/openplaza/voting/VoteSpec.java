package org.openplaza.voting;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an official opens a vote with. */
public record VoteSpec(
        @Nullable Long proposalId,
        String question,
        Method method,
        List<Option> options,
        @Nullable Integer maxChoices,
        @Nullable Long budget,
        boolean allowChange,
        Instant opensAt,
        Instant closesAt) {

    public VoteSpec {
        options = List.copyOf(options);
    }

    /** An option; projects of a budget vote carry their cost. */
    public record Option(String label, @Nullable Long cost) {}
}
