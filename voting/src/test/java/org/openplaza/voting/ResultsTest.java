package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the results say of a yes/no vote: the leading answer with its own share, and the threshold on yes. */
class ResultsTest {

    private static Results yesNo(VoteSpec.Rules rules, String... ballots) {
        List<String> options = List.of("Yes", "No", "Abstain");
        Tally.Count count = Tally.count(
                Method.YES_NO,
                options,
                Arrays.asList(null, null, null),
                null,
                Arrays.stream(ballots).map(b -> Tally.parse(b, 3)).toList());
        return Results.decide(
                1,
                Method.YES_NO,
                options,
                ballots.length,
                ballots.length,
                count,
                10,
                rules,
                new ChainCheck(true, ballots.length, null, null, 0, "key"));
    }

    @Test
    void when_no_leads_its_own_share_is_given_and_the_vote_does_not_carry() {
        Results results = yesNo(new VoteSpec.Rules(null, null), "1", "2", "2");
        assertThat(results.leading()).isEqualTo("No");
        assertThat(results.leadingShare())
                .as("two thirds said no")
                .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(results.carried()).isFalse();
    }

    @Test
    void a_ranked_winner_is_given_its_share_of_all_ballots_the_exhausted_ones_included() {
        List<String> options = List.of("A", "B", "C");
        List<String> ballots = List.of("1", "1", "1", "1", "2", "2", "2", "3", "3", "3,2");
        Tally.Count count = Tally.count(
                Method.RANKED,
                options,
                Arrays.asList(null, null, null),
                null,
                ballots.stream().map(b -> Tally.parse(b, 3)).toList());
        Results results = Results.decide(
                1,
                Method.RANKED,
                options,
                10,
                10,
                count,
                20,
                new VoteSpec.Rules(null, 50),
                new ChainCheck(true, 10, null, null, 0, "key"));
        assertThat(results.leading()).isEqualTo("A");
        assertThat(results.leadingShare())
                .as("A's 4 of the 10 ballots, not 4 of the 4 still counting in the last round")
                .isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(results.thresholdMet()).as("40% is short of a 50% threshold").isFalse();
        assertThat(results.carried()).isFalse();
    }

    @Test
    void the_threshold_is_on_the_share_of_yes_among_yes_and_no() {
        Results results = yesNo(new VoteSpec.Rules(null, 60), "1", "1", "2", "3");
        assertThat(results.leading()).isEqualTo("Yes");
        assertThat(results.leadingShare()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(results.thresholdMet()).isTrue();
        assertThat(results.carried()).isTrue();
        Results short_ = yesNo(new VoteSpec.Rules(null, 70), "1", "1", "2", "3");
        assertThat(short_.thresholdMet()).isFalse();
        assertThat(short_.carried()).isFalse();
    }
}
