package org.openplaza.voting;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A vote as anyone may see it: its question, options, rules and window, its state, the turnout
 * and the head of its ballot chain, and whether its count is held for investigation. Never a
 * partial result.
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
        @Nullable String openedBy,
        @Nullable Instant heldAt,
        @Nullable HoldReason heldReason,
        @Nullable SignedCount signedCount) {

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

    /** Why the count of a closed vote is held for investigation instead of becoming a result. */
    public enum HoldReason {
        /** A ballot's hash does not recompute, or the chain does not end at the head kept with the vote. */
        CHAIN_BROKEN,
        /** A checkpoint kept with the vote was not signed by the ballot-box key. */
        CHECKPOINT_FORGED,
        /** The chain does not pass through a signed checkpoint, or none vouches for its last ballots. */
        CHECKPOINT_MISSED,
        /** The ballots that would count are not exactly one per citizen in the participation register. */
        BALLOTS_AND_VOTERS_DIFFER,
        /** Ballots do not open with the vote's seal key: the key is gone, or sealed ballots were altered. */
        BALLOTS_UNREADABLE
    }

    public List<String> labels() {
        return options.stream().map(VoteSpec.Option::label).toList();
    }
}
