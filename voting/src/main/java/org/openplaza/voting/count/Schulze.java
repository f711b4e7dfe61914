package org.openplaza.voting.count;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Schulze method (Markus Schulze, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method", 2011). {@code d[i][j]} is the number of
 * ballots that rank option i above option j (an option ranked counts above every unranked one;
 * unranked options are tied). {@code p[i][j]} is the strength of the strongest path from i to j,
 * computed with the widest-path variant of Floyd–Warshall. Option i beats j when p[i][j] > p[j][i];
 * the winners are those nobody beats, and the ranking orders options by how many they beat.
 */
public final class Schulze {

    private Schulze() {}

    public record Result(
            List<String> options,
            int[][] pairwise,
            int[][] strongestPaths,
            List<String> winners,
            List<String> ranking) {}

    public static Result count(List<String> options, List<List<String>> ballots) {
        return count(options, Ballots.indices(options, ballots));
    }

    /** The same count over ballots given as option indices (0-based), in order of preference. */
    public static Result count(List<String> options, int[][] ballots) {
        int n = options.size();
        int[][] d = new int[n][n];
        int[] rank = new int[n];
        for (int[] ballot : ballots) {
            java.util.Arrays.fill(rank, Integer.MAX_VALUE);
            for (int position = 0; position < ballot.length; position++) {
                if (rank[ballot[position]] == Integer.MAX_VALUE) {
                    rank[ballot[position]] = position;
                }
            }
            for (int i = 0; i < n; i++) {
                if (rank[i] == Integer.MAX_VALUE) {
                    continue; // an unranked option is above nothing
                }
                int[] row = d[i];
                for (int j = 0; j < n; j++) {
                    if (rank[i] < rank[j]) {
                        row[j]++;
                    }
                }
            }
        }
        int[][] p = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    p[i][j] = d[i][j] > d[j][i] ? d[i][j] : 0;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (i == k) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (j != i && j != k) {
                        p[i][j] = Math.max(p[i][j], Math.min(p[i][k], p[k][j]));
                    }
                }
            }
        }
        int[] beats = new int[n];
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean beaten = false;
            for (int j = 0; j < n; j++) {
                if (i != j && p[i][j] > p[j][i]) {
                    beats[i]++;
                }
                if (i != j && p[j][i] > p[i][j]) {
                    beaten = true;
                }
            }
            if (!beaten) {
                winners.add(options.get(i));
            }
        }
        List<String> ranking = new ArrayList<>(options);
        ranking.sort(Comparator.comparingInt((String o) -> -beats[options.indexOf(o)])
                .thenComparingInt(options::indexOf));
        return new Result(List.copyOf(options), d, p, winners, ranking);
    }
}
