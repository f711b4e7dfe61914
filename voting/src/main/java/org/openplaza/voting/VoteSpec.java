package org.openplaza.voting;

import java.time.Instant;
import java.util.List;
import java.util.Set;
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
        Instant closesAt,
        Eligibility eligibility,
        Rules rules) {

    public VoteSpec {
        options = List.copyOf(options);
    }

    /** A vote open to every verified citizen, with no quorum or threshold. */
    public VoteSpec(
            @Nullable Long proposalId,
            String question,
            Method method,
            List<Option> options,
            @Nullable Integer maxChoices,
            @Nullable Long budget,
            boolean allowChange,
            Instant opensAt,
            Instant closesAt) {
        this(
                proposalId,
                question,
                method,
                options,
                maxChoices,
                budget,
                allowChange,
                opensAt,
                closesAt,
                Eligibility.VERIFIED,
                Rules.NONE);
    }

    /**
     * A yes/no vote (with abstention) open to every verified citizen, with no quorum or threshold;
     * {@code allowChange} lets voters change their ballot until the close.
     */
    public static VoteSpec yesNo(
            @Nullable Long proposalId, String question, boolean allowChange, Instant opensAt, Instant closesAt) {
        return new VoteSpec(
                proposalId,
                question,
                Method.YES_NO,
                List.of(new Option("Yes", null), new Option("No", null), new Option("Abstain", null)),
                null,
                null,
                allowChange,
                opensAt,
                closesAt);
    }

    /**
     * A ranked vote over these options, open to every verified citizen, with no quorum or
     * threshold; {@code allowChange} lets voters change their ballot until the close.
     */
    public static VoteSpec ranked(
            String question, boolean allowChange, Instant opensAt, Instant closesAt, String... options) {
        return new VoteSpec(
                null,
                question,
                Method.RANKED,
                java.util.Arrays.stream(options).map(o -> new Option(o, null)).toList(),
                null,
                null,
                allowChange,
                opensAt,
                closesAt);
    }

    /** The same with the vote's rules. */
    public VoteSpec withRules(Rules other) {
        return new VoteSpec(
                proposalId,
                question,
                method,
                options,
                maxChoices,
                budget,
                allowChange,
                opensAt,
                closesAt,
                eligibility,
                other);
    }

    /** An option; projects of a budget vote carry their cost. */
    public record Option(String label, @Nullable Long cost) {}

    /**
     * Who may vote: verified citizens, optionally only residents of some districts (empty: all)
     * and of at least an age on the vote's closing day.
     */
    public record Eligibility(
            Set<String> districts, @Nullable Integer minAge) {
        public static final Eligibility VERIFIED = new Eligibility(Set.of(), null);

        public Eligibility {
            districts = Set.copyOf(districts);
        }
    }

    /**
     * What makes a vote carry: a turnout of at least a share of the electorate, and a leading
     * option with at least a share of the votes (for yes/no: of the yes and no votes). Either may
     * be absent.
     */
    public record Rules(
            @Nullable Integer quorumPercent, @Nullable Integer thresholdPercent) {
        public static final Rules NONE = new Rules(null, null);
    }
}
