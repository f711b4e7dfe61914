package org.openplaza.portal.votes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.portal.Components.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openplaza.voting.ChainCheck;
import org.openplaza.voting.Method;
import org.openplaza.voting.Results;
import org.openplaza.voting.Tally;
import org.openplaza.voting.VoteSpec;

/**
 * What the results say, without a browser: each figure names what it is a share of, ties are
 * named as ties, exhausted ballots are counted, and the two ranked methods are told apart.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.openplaza.portal.MockUi.class)
class ResultsPanelTest {

    private static Results count(Method method, List<String> options, VoteSpec.Rules rules, String... ballots) {
        Tally.Count count = Tally.count(
                method,
                options,
                Arrays.asList(new Long[options.size()]),
                null,
                Arrays.stream(ballots).map(b -> Tally.parse(b, options.size())).toList());
        return Results.decide(
                1,
                method,
                options,
                ballots.length,
                ballots.length,
                count,
                20,
                rules,
                new ChainCheck(true, ballots.length, null, "0123456789abcdef0123", 0, "key"));
    }

    private static final VoteSpec.Rules NO_RULES = new VoteSpec.Rules(null, null);

    @Test
    void a_ranked_winner_is_given_with_its_final_round_votes_over_all_ballots_and_the_exhausted_named() {
        ResultsPanel panel = new ResultsPanel(count(
                Method.RANKED, List.of("A", "B", "C"), NO_RULES, "1", "1", "1", "1", "2", "2", "2", "3", "3", "3,2"));
        assertThat(text(panel, "results-leading"))
                .isEqualTo("Winner by instant runoff: A, ranked highest of those left on 4 of the 10 ballots in the"
                        + " final round (40%). 6 ballots were exhausted by then: they ranked no option still in the"
                        + " race, and count in the total.");
        assertThat(text(panel, "results-irv-rounds"))
                .contains("Round 1: A 4, B 3, C 3 — C eliminated: tied for the fewest votes with B")
                .contains("Round 2: A 4, B 4; 2 ballots exhausted — B eliminated: tied for the fewest votes with A")
                .contains("Round 3: A 4; 6 ballots exhausted");
    }

    @Test
    void a_schulze_tie_is_named_a_tie_and_the_outcome_follows_the_published_rule() {
        ResultsPanel panel =
                new ResultsPanel(count(Method.RANKED, List.of("N10", "N20", "N30"), NO_RULES, "1,3,2", "3,1,2"));
        assertThat(text(panel, "results-schulze-winner"))
                .isEqualTo("The Schulze method finds a tie between N10, N30: none of them beats another."
                        + " The vote's outcome follows instant runoff.");
        assertThat(text(panel, "results-schulze-ranking")).endsWith("N10 = N30 > N20");
        assertThat(text(panel, "results-condorcet")).startsWith("No option beats every other head to head");
        assertThat(text(panel, "results-irv-rounds"))
                .as("the instant-runoff tie broken by the published rule, and said so")
                .contains("N30 eliminated: tied for the fewest votes with N10");
        assertThat(text(panel, "results-methods"))
                .isEqualTo("The methods differ: instant runoff chooses N10, the Schulze method N10, N30."
                        + " The vote's outcome follows instant runoff, as its rules say.");
        assertThat(text(panel, "results-leading")).startsWith("Winner by instant runoff: N10, ");
    }

    @Test
    void a_condorcet_winner_is_named_and_agreeing_methods_say_so() {
        ResultsPanel panel =
                new ResultsPanel(count(Method.RANKED, List.of("A", "B", "C"), NO_RULES, "1,2,3", "1,3,2", "2,1,3"));
        assertThat(text(panel, "results-condorcet"))
                .isEqualTo("A beats every other option head to head: the Condorcet winner.");
        assertThat(text(panel, "results-methods")).isEqualTo("Both methods choose A.");
        assertThat(text(panel, "results-schulze-winner")).isEqualTo("Winner by the Schulze method: A");
    }

    @Test
    void yes_no_and_single_choice_say_what_their_share_is_of_and_name_a_tie() {
        ResultsPanel no =
                new ResultsPanel(count(Method.YES_NO, List.of("Yes", "No", "Abstain"), NO_RULES, "1", "2", "2", "3"));
        assertThat(text(no, "results-leading"))
                .isEqualTo("Leading: No, with 66.7% of the yes and no votes (abstentions count only for turnout).");
        ResultsPanel tie =
                new ResultsPanel(count(Method.SINGLE, List.of("A", "B", "C"), NO_RULES, "1", "2", "1", "2", "3"));
        assertThat(text(tie, "results-leading")).isEqualTo("No option leads: A, B tie with 2 votes each.");
        assertThat(text(tie, "results-outcome")).isEqualTo("The vote did not carry.");
        ResultsPanel single = new ResultsPanel(count(Method.SINGLE, List.of("A", "B"), NO_RULES, "1", "2", "1"));
        assertThat(text(single, "results-leading")).isEqualTo("Leading: A, chosen on 66.7% of the ballots.");
    }

    @Test
    void in_korean_every_sentence_is_korean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        ResultsPanel panel =
                new ResultsPanel(count(Method.RANKED, List.of("N10", "N20", "N30"), NO_RULES, "1,3,2", "3,1,2"));
        List<String> sentences = new java.util.ArrayList<>();
        collect(panel, sentences);
        assertThat(sentences).isNotEmpty();
        for (String sentence : sentences) {
            assertThat(sentence.replaceAll("N\\d\\d|[0-9a-f]{20}", ""))
                    .as("a Korean sentence of the results")
                    .doesNotContainPattern("[A-Za-z]{3,}")
                    .doesNotContain("!");
        }
    }

    private static void collect(Component root, List<String> sentences) {
        if (root instanceof Paragraph || root instanceof UnorderedList) {
            sentences.add(root.getElement().getTextRecursively());
        }
        root.getChildren().forEach(child -> collect(child, sentences));
    }
}
