package org.openplaza.voting;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A vote as anyone may see it: its question, options, rules and window, its state, the turnout
 * and the head of its ballot chain. Never a partial result.
 */
public record VoteInfo(
        long id,
        @Nullable Long proposalId,
        String question,
        Method method,
        List<VoteSpec.Option> options,
        @Nullable Integer maxChoices,
        @Nullable Long budget,
        boolean allowChange,
        Instant opensAt,
        Instant closesAt,
        VoteSpec.Eligibility eligibility,
        VoteSpec.Rules rules,
        State state,
        @Nullable String closedEarlyReason,
        @Nullable String cancelReason,
        int turnout,
        @Nullable String headHash,
        @Nullable Boolean carried,
        @Nullable Integer electorate,
        @Nullable Instant finalisedAt,
        @Nullable String ballotsDataset,
        @Nullable String openedBy) {

    public VoteInfo {
        options = List.copyOf(options);
    }

    /** Where a vote is in its life. */
    public enum State {
        UPCOMING,
        OPEN,
        CLOSED,
        CANCELLED
    }

    public List<String> labels() {
        return options.stream().map(VoteSpec.Option::label).toList();
    }
}
