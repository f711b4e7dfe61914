package org.openplaza.voting;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.voting.count.Budget;
import org.openplaza.voting.count.InstantRunoff;
import org.openplaza.voting.count.Schulze;

/**
 * The count of a closed vote from the ballots that count (those not replaced by their voter):
 * votes per option for yes/no, single choice and approval; instant runoff and Schulze for ranked
 * votes; the funded projects for budgets. Only the part that fits the method is set.
 */
public record Results(
        long voteId,
        Method method,
        List<String> options,
        int turnout,
        int ballots,
        Map<String, Integer> votes,
        InstantRunoff.@Nullable Result runoff,
        Schulze.@Nullable Result schulze,
        Budget.@Nullable Result budget,
        ChainCheck chain) {}
