package org.openplaza.voting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The count of a set of ballots, as the portal makes it when a vote closes and as anyone can
 * remake it from the published ballots: votes per option for every method (for ranked ballots,
 * first preferences), instant runoff and Schulze for ranked votes, the funded projects for budgets.
 * Ballots are given in their stored form: option numbers from 1, "2,5" for a set, "3>1>2" for a
 * ranking.
 */
public final class Tally {

    private Tally() {}

    /** What the ballots say; only the parts that fit the method are set. */
    public record Count(
            Map<String, Integer> votes,
            InstantRunoff.@Nullable Result runoff,
            Schulze.@Nullable Result schulze,
            Budget.@Nullable Result budget) {

        /** The same count, matrices compared by their entries. */
        public boolean sameAs(Count other) {
            return votes.equals(other.votes)
                    && Objects.equals(runoff, other.runoff)
                    && Objects.equals(budget, other.budget)
                    && (schulze == null
                            ? other.schulze == null
                            : other.schulze != null
                                    && schulze.winners().equals(other.schulze.winners())
                                    && schulze.ranking().equals(other.schulze.ranking())
                                    && Arrays.deepEquals(schulze.pairwise(), other.schulze.pairwise())
                                    && Arrays.deepEquals(schulze.strongestPaths(), other.schulze.strongestPaths()));
        }
    }

    /** Parses one stored ballot into 0-based option indices. */
    public static int[] parse(String choices, int options) {
        String[] parts = choices.strip().split("[,>]");
        int[] result = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int option = Integer.parseInt(parts[i].strip()) - 1;
            if (option < 0 || option >= options) {
                throw new IllegalArgumentException("no option " + parts[i]);
            }
            result[i] = option;
        }
        return result;
    }

    public static Count count(
            Method method,
            List<String> options,
            List<@Nullable Long> costs,
            @Nullable Long budget,
            List<int[]> ballots) {
        int n = options.size();
        int[] first = new int[n];
        for (int[] ballot : ballots) {
            if (method == Method.RANKED) {
                if (ballot.length > 0) {
                    first[ballot[0]]++;
                }
            } else {
                for (int choice : ballot) {
                    first[choice]++;
                }
            }
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            votes.put(options.get(i), first[i]);
        }
        InstantRunoff.Result runoff = null;
        Schulze.Result schulze = null;
        Budget.Result funded = null;
        if (method == Method.RANKED) {
            int[][] rankings = ballots.toArray(int[][]::new);
            runoff = InstantRunoff.count(options, rankings);
            schulze = Schulze.count(options, rankings);
        } else if (method == Method.BUDGET) {
            List<Budget.Project> projects = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Long cost = costs.get(i);
                projects.add(new Budget.Project(options.get(i), cost == null ? 0 : cost, first[i]));
            }
            funded = Budget.fund(projects, budget == null ? Long.MAX_VALUE : budget);
        }
        return new Count(votes, runoff, schulze, funded);
    }
}
