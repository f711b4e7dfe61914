package org.openplaza.voting;

import java.util.List;

/** Ballots as option indices, the form the counts work on. */
final class Ballots {

    private Ballots() {}

    /** Each ranking of labels as 0-based indices; labels not among the options are dropped. */
    static int[][] indices(List<String> options, List<List<String>> ballots) {
        int[][] result = new int[ballots.size()][];
        for (int b = 0; b < ballots.size(); b++) {
            result[b] = ballots.get(b).stream()
                    .mapToInt(options::indexOf)
                    .filter(i -> i >= 0)
                    .toArray();
        }
        return result;
    }
}
