package org.openplaza.voting;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a closed vote, counted from the ballots that count (those not replaced by their
 * voter), with the vote's rules applied.
 *
 * <p>The leading option and its share: for yes/no, "yes" or "no" and its share among yes and no
 * (abstentions count for turnout only; the threshold is on the share of yes); for single choice and approval, the option with most
 * votes (none on a tie) and its votes over the ballots; for ranked votes, the instant-runoff winner
 * and its votes in the last round over all ballots, the exhausted ones included. Budgets have no
 * leading option.
 *
 * <p>A vote carries when its quorum (if any) is met and: for yes/no, yes reaches the threshold
 * (without one, more yes than no); otherwise there is a leading option (a funded project for a
 * budget) reaching the threshold if there is one.
 */
public record Results(
        long voteId,
        Method method,
        List<String> options,
        int turnout,
        int ballots,
        Tally.Count count,
        int electorate,
        VoteSpec.Rules rules,
        @Nullable Boolean quorumMet,
        @Nullable Boolean thresholdMet,
        @Nullable String leading,
        double leadingShare,
        boolean carried,
        ChainCheck chain) {

    public Map<String, Integer> votes() {
        return count.votes();
    }

    public InstantRunoff.@Nullable Result runoff() {
        return count.runoff();
    }

    public Schulze.@Nullable Result schulze() {
        return count.schulze();
    }

    public Budget.@Nullable Result budget() {
        return count.budget();
    }

    /** Turnout as a share (0–1) of the electorate. */
    public double turnoutShare() {
        return electorate == 0 ? 0 : (double) turnout / electorate;
    }

    public static Results decide(
            long voteId,
            Method method,
            List<String> options,
            int turnout,
            int ballots,
            Tally.Count count,
            int electorate,
            VoteSpec.Rules rules,
            ChainCheck chain) {
        Boolean quorumMet = rules.quorumPercent() == null
                ? null
                : (long) turnout * 100 >= (long) rules.quorumPercent() * electorate && turnout > 0;
        Lead lead = lead(method, options, ballots, count);
        String leading = lead.option();
        double share = lead.share();
        double leadingShare =
                method == Method.YES_NO && leading != null && leading.equals(options.get(1)) ? 1 - share : share;
        Boolean thresholdMet = rules.thresholdPercent() == null || method == Method.BUDGET
                ? null
                : share * 100 >= rules.thresholdPercent() - 1e-9;
        boolean carried = carried(method, options, count, quorumMet, thresholdMet, lead);
        return new Results(
                voteId,
                method,
                options,
                turnout,
                ballots,
                count,
                electorate,
                rules,
                quorumMet,
                thresholdMet,
                leading,
                leadingShare,
                carried,
                chain);
    }

    /**
     * The option ahead (null on a tie or without votes) and the share the threshold is checked on:
     * yes among yes and no, or the leading option's share of the ballots.
     */
    private record Lead(@Nullable String option, double share) {}

    private static Lead lead(Method method, List<String> options, int ballots, Tally.Count count) {
        List<Integer> votes = options.stream().map(count.votes()::get).toList();
        switch (method) {
            case YES_NO -> {
                int yes = votes.get(0);
                int no = votes.get(1);
                String ahead = yes > no ? options.get(0) : no > yes ? options.get(1) : null;
                return new Lead(ahead, yes + no == 0 ? 0 : (double) yes / (yes + no));
            }
            case SINGLE, APPROVAL -> {
                int max = votes.stream().mapToInt(Integer::intValue).max().orElse(0);
                if (max > 0 && votes.stream().filter(v -> v == max).count() == 1) {
                    return new Lead(options.get(votes.indexOf(max)), ballots == 0 ? 0 : (double) max / ballots);
                }
                return new Lead(null, 0);
            }
            case RANKED -> {
                InstantRunoff.Result runoff = count.runoff();
                if (runoff != null && runoff.winner() != null) {
                    // over every ballot, the exhausted ones included: a winner by a majority of
                    // the few ballots left is not presented as the choice of all
                    return new Lead(runoff.winner(), ballots == 0 ? 0 : (double) runoff.winnerVotes() / ballots);
                }
                return new Lead(null, 0);
            }
            default -> {
                return new Lead(null, 0);
            }
        }
    }

    /** Whether the vote carried: never short of its quorum; yes past the threshold (or ahead); a funded project. */
    private static boolean carried(
            Method method,
            List<String> options,
            Tally.Count count,
            @Nullable Boolean quorumMet,
            @Nullable Boolean thresholdMet,
            Lead lead) {
        if (Boolean.FALSE.equals(quorumMet)) {
            return false;
        }
        if (method == Method.YES_NO) {
            return thresholdMet != null
                    ? thresholdMet && lead.share() > 0
                    : options.get(0).equals(lead.option());
        }
        if (method == Method.BUDGET) {
            return count.budget() != null && !count.budget().funded().isEmpty();
        }
        return lead.option() != null && !Boolean.FALSE.equals(thresholdMet);
    }
}
