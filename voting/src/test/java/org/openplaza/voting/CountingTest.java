package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers from published examples, ties and exhausted ballots included. */
class CountingTest {

    private static void add(List<List<String>> ballots, int times, String... ranking) {
        for (int i = 0; i < times; i++) {
            ballots.add(List.of(ranking));
        }
    }

    /** The capital of Tennessee, the textbook example (Wikipedia, "Instant-runoff voting"). */
    static List<List<String>> tennessee() {
        List<List<String>> ballots = new ArrayList<>();
        add(ballots, 42, "Memphis", "Nashville", "Chattanooga", "Knoxville");
        add(ballots, 26, "Nashville", "Chattanooga", "Knoxville", "Memphis");
        add(ballots, 15, "Chattanooga", "Knoxville", "Nashville", "Memphis");
        add(ballots, 17, "Knoxville", "Chattanooga", "Nashville", "Memphis");
        return ballots;
    }

    static final List<String> CITIES = List.of("Memphis", "Nashville", "Chattanooga", "Knoxville");

    @Test
    void instant_runoff_elects_knoxville_in_tennessee_after_two_eliminations() {
        InstantRunoff.Result result = InstantRunoff.count(CITIES, tennessee());
        assertThat(result.winner()).isEqualTo("Knoxville");
        assertThat(result.rounds()).hasSize(3);
        assertThat(result.rounds().get(0).votes())
                .containsEntry("Memphis", 42)
                .containsEntry("Nashville", 26)
                .containsEntry("Chattanooga", 15)
                .containsEntry("Knoxville", 17);
        assertThat(result.rounds().get(0).eliminated()).isEqualTo("Chattanooga");
        assertThat(result.rounds().get(1).votes()).containsEntry("Knoxville", 32);
        assertThat(result.rounds().get(1).eliminated()).isEqualTo("Nashville");
        assertThat(result.rounds().get(2).votes())
                .containsEntry("Knoxville", 58)
                .containsEntry("Memphis", 42);
    }

    @Test
    void schulze_elects_nashville_the_condorcet_winner_in_tennessee() {
        Schulze.Result result = Schulze.count(CITIES, tennessee());
        assertThat(result.winners()).containsExactly("Nashville");
        assertThat(result.ranking()).containsExactly("Nashville", "Chattanooga", "Knoxville", "Memphis");
        assertThat(result.pairwise()[1][0]).as("Nashville over Memphis").isEqualTo(58);
        assertThat(result.pairwise()[0][1]).as("Memphis over Nashville").isEqualTo(42);
    }

    /** The 45-voter example of Schulze's method (Wikipedia, "Schulze method", after Schulze 2011). */
    @Test
    void schulze_reproduces_the_published_example_matrix_and_ranking() {
        List<String> options = List.of("A", "B", "C", "D", "E");
        List<List<String>> ballots = new ArrayList<>();
        add(ballots, 5, "A", "C", "B", "E", "D");
        add(ballots, 5, "A", "D", "E", "C", "B");
        add(ballots, 8, "B", "E", "D", "A", "C");
        add(ballots, 3, "C", "A", "B", "E", "D");
        add(ballots, 7, "C", "A", "E", "B", "D");
        add(ballots, 2, "C", "B", "A", "D", "E");
        add(ballots, 7, "D", "C", "E", "B", "A");
        add(ballots, 8, "E", "B", "A", "D", "C");
        Schulze.Result result = Schulze.count(options, ballots);
        int[][] d = result.pairwise();
        assertThat(d[0]).containsExactly(0, 20, 26, 30, 22);
        assertThat(d[1]).containsExactly(25, 0, 16, 33, 18);
        assertThat(d[2]).containsExactly(19, 29, 0, 17, 24);
        assertThat(d[3]).containsExactly(15, 12, 28, 0, 14);
        assertThat(d[4]).containsExactly(23, 27, 21, 31, 0);
        int[][] p = result.strongestPaths();
        assertThat(p[0]).containsExactly(0, 28, 28, 30, 24);
        assertThat(p[1]).containsExactly(25, 0, 28, 33, 24);
        assertThat(p[2]).containsExactly(25, 29, 0, 29, 24);
        assertThat(p[3]).containsExactly(25, 28, 28, 0, 24);
        assertThat(p[4]).containsExactly(25, 28, 28, 31, 0);
        assertThat(result.winners()).containsExactly("E");
        assertThat(result.ranking()).containsExactly("E", "A", "C", "B", "D");
    }

    /** Ten ballots, six of which rank only options that go out: A wins with 4 of them. */
    private static List<List<String>> exhausting() {
        List<List<String>> ballots = new ArrayList<>();
        add(ballots, 4, "A");
        add(ballots, 3, "B");
        add(ballots, 2, "C");
        add(ballots, 1, "C", "B");
        return ballots;
    }

    @Test
    void exhausted_ballots_leave_the_count_and_a_majority_is_of_the_ballots_still_counting() {
        InstantRunoff.Result result = InstantRunoff.count(List.of("A", "B", "C"), exhausting());
        assertThat(result.rounds().get(0).eliminated()).isEqualTo("C");
        assertThat(result.rounds().get(1).exhausted())
                .as("the two C-only ballots")
                .isEqualTo(2);
        assertThat(result.rounds().get(1).votes()).containsEntry("A", 4).containsEntry("B", 4);
        // 4 of 8 counting is not more than half: B and A tie; B had fewer in round one and goes
        assertThat(result.rounds().get(1).eliminated()).isEqualTo("B");
        assertThat(result.winner()).isEqualTo("A");
    }

    @Test
    void a_round_names_the_options_its_eliminated_one_was_tied_with_and_the_winner_may_lack_a_majority() {
        InstantRunoff.Result result = InstantRunoff.count(List.of("A", "B", "C"), exhausting());
        assertThat(result.rounds().get(0).tiedWithEliminated())
                .as("B had 3 like C")
                .containsExactly("B");
        assertThat(result.rounds().get(1).tiedWithEliminated()).containsExactly("A");
        assertThat(result.last().tiedWithEliminated()).isEmpty();
        assertThat(result.winnerVotes())
                .as("A's 4, of 10 ballots with 6 exhausted")
                .isEqualTo(4);
        assertThat(result.last().exhausted()).isEqualTo(6);

        List<List<String>> clear = new ArrayList<>();
        add(clear, 3, "A");
        add(clear, 1, "B");
        InstantRunoff.Result majority = InstantRunoff.count(List.of("A", "B"), clear);
        assertThat(majority.majority()).isTrue();
        assertThat(majority.rounds().get(0).tiedWithEliminated()).isEmpty();
    }

    @Test
    void schulze_names_a_tie_as_a_tie_in_its_winners_and_its_ranking() {
        List<List<String>> ballots = new ArrayList<>();
        add(ballots, 1, "N10", "N30", "N20");
        add(ballots, 1, "N30", "N10", "N20");
        Schulze.Result result = Schulze.count(List.of("N10", "N20", "N30"), ballots);
        assertThat(result.winners()).containsExactly("N10", "N30");
        assertThat(result.tiers())
                .as("N10 and N30 tied on top, N20 beaten by both")
                .containsExactly(List.of("N10", "N30"), List.of("N20"));
        assertThat(result.condorcetWinner()).isNull();
        assertThat(result.beats(0, 1)).isTrue();
        assertThat(result.beats(0, 2)).isFalse();
        assertThat(result.beats(2, 0)).isFalse();
    }

    @Test
    void a_condorcet_cycle_is_settled_by_the_strongest_paths_or_left_a_tie_when_all_are_equal() {
        List<List<String>> ballots = new ArrayList<>();
        // A over B 6:3, B over C 7:2, C over A 5:4: a cycle whose weakest link is C over A
        add(ballots, 4, "A", "B", "C");
        add(ballots, 3, "B", "C", "A");
        add(ballots, 2, "C", "A", "B");
        Schulze.Result cycle = Schulze.count(List.of("A", "B", "C"), ballots);
        assertThat(cycle.condorcetWinner())
                .as("nobody beats everyone head to head")
                .isNull();
        assertThat(cycle.winners()).containsExactly("A");
        assertThat(cycle.tiers()).containsExactly(List.of("A"), List.of("B"), List.of("C"));

        List<List<String>> even = new ArrayList<>();
        add(even, 1, "A", "B", "C");
        add(even, 1, "B", "C", "A");
        add(even, 1, "C", "A", "B");
        Schulze.Result tie = Schulze.count(List.of("A", "B", "C"), even);
        assertThat(tie.winners()).containsExactly("A", "B", "C");
        assertThat(tie.tiers()).containsExactly(List.of("A", "B", "C"));

        assertThat(Schulze.count(CITIES, tennessee()).condorcetWinner()).isEqualTo("Nashville");
    }

    @Test
    void a_tie_for_last_place_in_every_round_eliminates_the_option_listed_last() {
        List<List<String>> ballots = new ArrayList<>();
        add(ballots, 3, "A", "B");
        add(ballots, 2, "B", "A");
        add(ballots, 2, "C", "A");
        InstantRunoff.Result result = InstantRunoff.count(List.of("A", "B", "C"), ballots);
        assertThat(result.rounds().get(0).eliminated()).isEqualTo("C");
        assertThat(result.winner()).isEqualTo("A");
        // and the count does not depend on the order ballots come in
        List<List<String>> shuffled = new ArrayList<>(ballots);
        Collections.reverse(shuffled);
        assertThat(InstantRunoff.count(List.of("A", "B", "C"), shuffled)).isEqualTo(result);
    }

    @Test
    void no_ballots_elect_nobody() {
        assertThat(InstantRunoff.count(List.of("A", "B"), List.of()).winner()).isNull();
        assertThat(Schulze.count(List.of("A", "B"), List.of()).winners()).containsExactly("A", "B");
    }

    @Test
    void budgets_fund_the_most_voted_projects_that_still_fit() {
        Budget.Result result = Budget.fund(
                List.of(
                        new Budget.Project("Playground", 60_000, 10),
                        new Budget.Project("Library", 50_000, 8),
                        new Budget.Project("Benches", 30_000, 7),
                        new Budget.Project("Fountain", 5_000, 0)),
                100_000);
        assertThat(result.funded()).extracting(Budget.Project::name).containsExactly("Playground", "Benches");
        assertThat(result.unfunded()).extracting(Budget.Project::name).containsExactly("Library", "Fountain");
        assertThat(result.spent()).isEqualTo(90_000);
        assertThat(result.left()).isEqualTo(10_000);
    }

    @Test
    void equal_votes_fund_the_cheaper_project_first() {
        Budget.Result result =
                Budget.fund(List.of(new Budget.Project("Dear", 80, 5), new Budget.Project("Cheap", 30, 5)), 100);
        assertThat(result.funded()).extracting(Budget.Project::name).containsExactly("Cheap");
    }
}
