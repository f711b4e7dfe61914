package org.openplaza.voting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Instant-runoff voting. Each round counts every ballot for its highest-ranked option still in
 * the race; an option with more than half of the ballots still counting wins. Otherwise the option
 * with the fewest votes is eliminated. A tie for last place is broken by the earlier rounds (the
 * one with fewer votes in the latest round where they differ goes), and then by the order of the
 * options as listed in the vote, the last listed going first, so the count is the same for
 * everyone who recounts. Ballots with no option left are exhausted and counted as such.
 */
public final class InstantRunoff {

    private InstantRunoff() {}

    /** One round: votes per option still in the race, exhausted ballots, and who went out. */
    public record Round(
            Map<String, Integer> votes,
            int exhausted,
            @Nullable String eliminated) {

        /**
         * The other options that had as few votes as the eliminated one, when the tie rule chose
         * among them; empty when the eliminated option alone had the fewest.
         */
        public List<String> tiedWithEliminated() {
            if (eliminated == null) {
                return List.of();
            }
            int fewest = votes.get(eliminated);
            return votes.entrySet().stream()
                    .filter(e -> e.getValue() == fewest && !e.getKey().equals(eliminated))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /** The rounds and the winner (null when no ballot ranks anybody). */
    public record Result(List<Round> rounds, @Nullable String winner) {

        /** The last round, where the winner was found. */
        public Round last() {
            return rounds.get(rounds.size() - 1);
        }

        /** The winner's votes in the last round. */
        public int winnerVotes() {
            return winner == null ? 0 : last().votes().get(winner);
        }

        /**
         * Whether the winner had more than half of the ballots still counting in the last round;
         * false when the winner was the last option left after a tie was broken.
         */
        public boolean majority() {
            int counting =
                    last().votes().values().stream().mapToInt(Integer::intValue).sum();
            return winner != null && (long) winnerVotes() * 2 > counting;
        }
    }

    public static Result count(List<String> options, List<List<String>> ballots) {
        return count(options, Ballots.indices(options, ballots));
    }

    /** The same count over ballots given as option indices (0-based), in order of preference. */
    public static Result count(List<String> options, int[][] ballots) {
        int n = options.size();
        boolean[] running = new boolean[n];
        java.util.Arrays.fill(running, true);
        int left = n;
        List<Round> rounds = new ArrayList<>();
        List<int[]> history = new ArrayList<>();
        while (left > 0) {
            int[] tally = new int[n];
            int exhausted = 0;
            for (int[] ballot : ballots) {
                int choice = -1;
                for (int option : ballot) {
                    if (running[option]) {
                        choice = option;
                        break;
                    }
                }
                if (choice < 0) {
                    exhausted++;
                } else {
                    tally[choice]++;
                }
            }
            history.add(tally);
            Map<String, Integer> votes = new LinkedHashMap<>();
            int leader = -1;
            for (int i = 0; i < n; i++) {
                if (running[i]) {
                    votes.put(options.get(i), tally[i]);
                    if (leader < 0 || tally[i] > tally[leader]) {
                        leader = i;
                    }
                }
            }
            int counting = ballots.length - exhausted;
            if (counting == 0) {
                rounds.add(new Round(votes, exhausted, null));
                return new Result(rounds, null);
            }
            if ((long) tally[leader] * 2 > counting || left == 1) {
                rounds.add(new Round(votes, exhausted, null));
                return new Result(rounds, options.get(leader));
            }
            int out = lowest(running, history);
            rounds.add(new Round(votes, exhausted, options.get(out)));
            running[out] = false;
            left--;
        }
        return new Result(rounds, null);
    }

    /** The option to eliminate: fewest votes now, then in earlier rounds, then listed last. */
    private static int lowest(boolean[] running, List<int[]> history) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < running.length; i++) {
            if (running[i]) {
                candidates.add(i);
            }
        }
        for (int round = history.size() - 1; round >= 0 && candidates.size() > 1; round--) {
            int[] votes = history.get(round);
            int min = candidates.stream().mapToInt(o -> votes[o]).min().orElse(0);
            candidates.removeIf(o -> votes[o] != min);
        }
        return Collections.max(candidates);
    }
}
