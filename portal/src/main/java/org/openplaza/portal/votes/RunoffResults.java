package org.openplaza.portal.votes;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;
import org.openplaza.voting.InstantRunoff;

/** The instant-runoff count: its winner, each round with who was eliminated, and a chart of the rounds. */
class RunoffResults extends Div {

    RunoffResults(InstantRunoff.Result runoff) {
        setWidthFull();
        H3 heading = new H3(getTranslation("results.irv"));
        Paragraph winner = new Paragraph(
                runoff.winner() == null
                        ? getTranslation("results.irv-none")
                        : getTranslation(
                                "results.irv-winner",
                                runoff.winner(),
                                runoff.rounds().size()));
        winner.setId("results-irv-winner");
        add(heading, winner, steps(runoff), chart(runoff));
    }

    /** Each round's votes, with who was eliminated. */
    private UnorderedList steps(InstantRunoff.Result runoff) {
        UnorderedList steps = new UnorderedList();
        steps.setId("results-irv-rounds");
        for (int i = 0; i < runoff.rounds().size(); i++) {
            InstantRunoff.Round round = runoff.rounds().get(i);
            String votes = String.join(
                    ", ",
                    round.votes().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .toList());
            if (round.exhausted() > 0) {
                votes += "; " + getTranslation("results.round-exhausted", round.exhausted());
            }
            steps.add(new ListItem(getTranslation("results.round", i + 1) + ": " + votes + outcome(round)));
        }
        return steps;
    }

    private String outcome(InstantRunoff.Round round) {
        if (round.eliminated() == null) {
            return "";
        }
        if (round.tiedWithEliminated().isEmpty()) {
            return " — " + getTranslation("results.eliminated", round.eliminated());
        }
        return " — "
                + getTranslation(
                        "results.eliminated-tie", round.eliminated(), String.join(", ", round.tiedWithEliminated()));
    }

    /** The rounds as stacked bars: each option's votes and the ballots exhausted. */
    private ResultChart chart(InstantRunoff.Result runoff) {
        List<String> rounds = new ArrayList<>();
        for (int i = 0; i < runoff.rounds().size(); i++) {
            rounds.add(getTranslation("results.round", i + 1));
        }
        List<String> options = new ArrayList<>(runoff.rounds().get(0).votes().keySet());
        List<Grouped.Series> series = new ArrayList<>();
        for (String option : options) {
            series.add(new Grouped.Series(
                    option,
                    runoff.rounds().stream()
                            .map(r -> r.votes().containsKey(option)
                                    ? (Double) (double) r.votes().get(option)
                                    : null)
                            .toList()));
        }
        series.add(new Grouped.Series(
                getTranslation("results.exhausted"),
                runoff.rounds().stream()
                        .map(r -> (Double) (double) r.exhausted())
                        .toList()));
        return new ResultChart(
                "results-irv-chart",
                getTranslation("results.irv-chart"),
                ChartType.BAR_STACKED_HORIZONTAL,
                new Grouped(rounds, series),
                getTranslation("results.round-column"));
    }
}
