package org.openplaza.voting.count;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            @Nullable String eliminated) {}

    /** The rounds and the winner (null when no ballot ranks anybody). */
    public record Result(List<Round> rounds, @Nullable String winner) {}

    public static Result count(List<String> options, List<List<String>> ballots) {
        Set<String> running = new LinkedHashSet<>(options);
        List<Round> rounds = new ArrayList<>();
        List<Map<String, Integer>> history = new ArrayList<>();
        while (!running.isEmpty()) {
            Map<String, Integer> votes = new LinkedHashMap<>();
            running.forEach(o -> votes.put(o, 0));
            int exhausted = 0;
            for (List<String> ballot : ballots) {
                String choice =
                        ballot.stream().filter(running::contains).findFirst().orElse(null);
                if (choice == null) {
                    exhausted++;
                } else {
                    votes.merge(choice, 1, Integer::sum);
                }
            }
            history.add(votes);
            int counting = ballots.size() - exhausted;
            String leader = votes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
            if (counting == 0) {
                rounds.add(new Round(votes, exhausted, null));
                return new Result(rounds, null);
            }
            if (votes.get(leader) * 2 > counting || running.size() == 1) {
                rounds.add(new Round(votes, exhausted, null));
                return new Result(rounds, leader);
            }
            String out = lowest(new ArrayList<>(running), history, options);
            rounds.add(new Round(votes, exhausted, out));
            running.remove(out);
        }
        return new Result(rounds, null);
    }

    /** The option to eliminate: fewest votes now, then in earlier rounds, then listed last. */
    private static String lowest(List<String> running, List<Map<String, Integer>> history, List<String> options) {
        List<String> candidates = new ArrayList<>(running);
        for (int round = history.size() - 1; round >= 0 && candidates.size() > 1; round--) {
            Map<String, Integer> votes = history.get(round);
            int min = candidates.stream()
                    .mapToInt(o -> votes.getOrDefault(o, 0))
                    .min()
                    .orElse(0);
            candidates.removeIf(o -> votes.getOrDefault(o, 0) != min);
        }
        return Collections.max(candidates, java.util.Comparator.comparingInt(options::indexOf));
    }
}
