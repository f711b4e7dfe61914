package org.openplaza.voting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
            List<String> ranking) {

        /** Whether option i beats option j: its strongest path to j is stronger than j's to it. */
        public boolean beats(int i, int j) {
            return strongestPaths[i][j] > strongestPaths[j][i];
        }

        /**
         * The ranking with its ties: the first tier is the winners (beaten by nobody), each next
         * tier those beaten by nobody left once the tiers above are taken away. Options in one
         * tier are tied, in the order the vote lists them.
         */
        public List<List<String>> tiers() {
            int n = options.size();
            boolean[] placed = new boolean[n];
            List<List<String>> tiers = new ArrayList<>();
            int left = n;
            while (left > 0) {
                List<Integer> tier = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (placed[i]) {
                        continue;
                    }
                    boolean beaten = false;
                    for (int j = 0; j < n && !beaten; j++) {
                        beaten = j != i && !placed[j] && beats(j, i);
                    }
                    if (!beaten) {
                        tier.add(i);
                    }
                }
                if (tier.isEmpty()) { // cannot happen: Schulze's relation has no cycle
                    throw new IllegalStateException("no unbeaten option among those left");
                }
                tier.forEach(i -> placed[i] = true);
                left -= tier.size();
                tiers.add(tier.stream().map(options::get).toList());
            }
            return tiers;
        }

        /**
         * The option that beats every other head to head on the ballots themselves (more ballots
         * rank it above the other than the other above it), or null when preferences run in a
         * cycle or tie: the Condorcet winner, whom Schulze always elects when there is one.
         */
        public @Nullable String condorcetWinner() {
            int n = options.size();
            for (int i = 0; i < n; i++) {
                boolean all = true;
                for (int j = 0; j < n && all; j++) {
                    all = j == i || pairwise[i][j] > pairwise[j][i];
                }
                if (all) {
                    return options.get(i);
                }
            }
            return null;
        }
    }

    public static Result count(List<String> options, List<List<String>> ballots) {
        return count(options, Ballots.indices(options, ballots));
    }

    /** The same count over ballots given as option indices (0-based), in order of preference. */
    public static Result count(List<String> options, int[][] ballots) {
        int n = options.size();
        int[][] d = preferences(n, ballots);
        int[][] p = strongestPaths(d);
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

    /** d[i][j]: how many ballots rank option i above option j (an unranked option is above none). */
    private static int[][] preferences(int n, int[][] ballots) {
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
        return d;
    }

    /** p[i][j]: the strength of the strongest path from i to j (Floyd–Warshall on the widest paths). */
    private static int[][] strongestPaths(int[][] d) {
        int n = d.length;
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
        return p;
    }
}
