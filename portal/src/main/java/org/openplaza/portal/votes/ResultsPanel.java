package org.openplaza.portal.votes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;
import org.openplaza.portal.charts.ChartNumbers;
import org.openplaza.portal.charts.EChart;
import org.openplaza.voting.Budget;
import org.openplaza.voting.InstantRunoff;
import org.openplaza.voting.Method;
import org.openplaza.voting.Results;
import org.openplaza.voting.Schulze;

/**
 * The results of a counted vote: turnout against the electorate, quorum and threshold, the votes
 * per option, and what the method adds (the instant-runoff rounds with a chart of transfers and
 * the Schulze pairwise matrix, or the funded projects against the budget), each chart with its
 * numbers as a table, and the check of the ballot chain.
 */
class ResultsPanel extends VerticalLayout {

    private final Method method;
    private final List<String> options;

    /**
     * An option's name in the reader's language: a yes/no vote's three fixed answers are the
     * portal's words, whatever language they were stored in; any other option is as written.
     */
    private String name(String option) {
        return method == Method.YES_NO ? VoteLabels.yesNo(this, options.indexOf(option), option) : option;
    }

    ResultsPanel(Results results) {
        this.method = results.method();
        this.options = results.options();
        setPadding(false);
        setWidthFull();
        setId("results");
        add(new H2(getTranslation("results.title")));
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());
        percent.setMaximumFractionDigits(1);
        Paragraph outcome =
                new Paragraph(getTranslation(results.carried() ? "results.carried" : "results.not-carried"));
        outcome.setId("results-outcome");
        outcome.addClassName(results.carried() ? "success" : "error");
        add(outcome);
        String leading = leading(results, percent);
        if (leading != null) {
            Paragraph line = new Paragraph(leading);
            line.setId("results-leading");
            add(line);
        }
        Paragraph turnout = new Paragraph(getTranslation(
                "results.turnout", results.turnout(), results.electorate(), percent.format(results.turnoutShare())));
        turnout.setId("results-turnout");
        add(turnout);
        if (results.quorumMet() != null) {
            add(new Paragraph(getTranslation(
                    results.quorumMet() ? "results.quorum-met" : "results.quorum-missed",
                    results.rules().quorumPercent())));
        }
        if (results.thresholdMet() != null) {
            add(new Paragraph(getTranslation(
                    results.thresholdMet() ? "results.threshold-met" : "results.threshold-missed",
                    results.rules().thresholdPercent())));
        }
        add(chart(
                "results-votes",
                getTranslation(results.method() == Method.RANKED ? "results.first-preferences" : "results.votes"),
                ChartType.BAR_HORIZONTAL,
                new Grouped(
                        results.options().stream().map(this::name).toList(),
                        List.of(new Grouped.Series(
                                getTranslation("results.votes-series"),
                                results.options().stream()
                                        .map(o -> (Double)
                                                (double) results.votes().get(o))
                                        .toList()))),
                getTranslation("results.option")));
        if (results.runoff() != null) {
            add(runoff(results.runoff()));
        }
        if (results.schulze() != null) {
            add(schulze(results.schulze(), results.runoff()));
        }
        if (results.budget() != null) {
            add(budget(results.budget()));
        }
        Paragraph chain = new Paragraph(
                results.chain().intact()
                        ? getTranslation(
                                "results.chain-intact",
                                results.chain().ballots(),
                                results.chain().headHash())
                        : getTranslation("results.chain-broken", results.chain().firstBadPosition()));
        chain.setId("results-chain");
        chain.addClassName(results.chain().intact() ? "hash" : "error");
        add(chain);
        if (results.chain().checkpoints() > 0) {
            Paragraph checkpoints = new Paragraph(getTranslation(
                    "results.checkpoints",
                    results.chain().checkpoints(),
                    results.chain().signingKey()));
            checkpoints.setId("results-checkpoints");
            checkpoints.addClassName("hash");
            add(checkpoints);
        }
    }

    /**
     * What leads, and what its figure is a share of: yes or no among yes and no; an option among
     * the ballots; the instant-runoff winner's votes in the final round among all ballots, the
     * exhausted ones counted. A tie for the lead is named as such.
     */
    private String leading(Results results, NumberFormat percent) {
        String share = percent.format(results.leadingShare());
        if (results.leading() == null) {
            List<String> tied = tiedForMost(results);
            return tied.size() > 1
                    ? getTranslation(
                            "results.tie",
                            String.join(", ", tied.stream().map(this::name).toList()),
                            results.votes().get(tied.get(0)))
                    : null;
        }
        return switch (results.method()) {
            case YES_NO -> getTranslation("results.leading.yes-no", name(results.leading()), share);
            case SINGLE -> getTranslation("results.leading.single", results.leading(), share);
            case APPROVAL -> getTranslation("results.leading.approval", results.leading(), share);
            case RANKED -> {
                InstantRunoff.Result runoff = results.runoff();
                yield getTranslation(
                        "results.leading.ranked",
                        results.leading(),
                        runoff.winnerVotes(),
                        results.ballots(),
                        share,
                        runoff.last().exhausted());
            }
            case BUDGET -> null;
        };
    }

    /** The options with the most votes, when more than none; for the methods that lead by votes. */
    private static List<String> tiedForMost(Results results) {
        if (results.method() == Method.BUDGET || results.method() == Method.RANKED) {
            return List.of();
        }
        int most = results.options().stream()
                .mapToInt(o -> results.votes().get(o))
                .max()
                .orElse(0);
        if (most == 0) {
            return List.of();
        }
        List<String> options = new ArrayList<>(results.options());
        if (results.method() == Method.YES_NO) {
            options = options.subList(0, 2); // abstentions do not lead
        }
        return options.stream().filter(o -> results.votes().get(o) == most).toList();
    }

    private Component runoff(InstantRunoff.Result runoff) {
        Div box = new Div();
        box.setWidthFull();
        H3 heading = new H3(getTranslation("results.irv"));
        Paragraph winner = new Paragraph(
                runoff.winner() == null
                        ? getTranslation("results.irv-none")
                        : getTranslation(
                                "results.irv-winner",
                                runoff.winner(),
                                runoff.rounds().size()));
        winner.setId("results-irv-winner");
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
            String outcome;
            if (round.eliminated() == null) {
                outcome = "";
            } else if (round.tiedWithEliminated().isEmpty()) {
                outcome = " — " + getTranslation("results.eliminated", round.eliminated());
            } else {
                outcome = " — "
                        + getTranslation(
                                "results.eliminated-tie",
                                round.eliminated(),
                                String.join(", ", round.tiedWithEliminated()));
            }
            steps.add(new ListItem(getTranslation("results.round", i + 1) + ": " + votes + outcome));
        }
        box.add(
                heading,
                winner,
                steps,
                chart(
                        "results-irv-chart",
                        getTranslation("results.irv-chart"),
                        ChartType.BAR_STACKED_HORIZONTAL,
                        new Grouped(rounds, series),
                        getTranslation("results.round-column")));
        return box;
    }

    private Component schulze(Schulze.Result schulze, InstantRunoff.Result runoff) {
        Div box = new Div();
        box.setWidthFull();
        Paragraph winners = new Paragraph(
                schulze.winners().size() == 1
                        ? getTranslation(
                                "results.schulze-winner", schulze.winners().get(0))
                        : getTranslation("results.schulze-tie", String.join(", ", schulze.winners())));
        winners.setId("results-schulze-winner");
        Paragraph ranking = new Paragraph(getTranslation(
                "results.schulze-ranking",
                String.join(
                        " > ",
                        schulze.tiers().stream()
                                .map(tier -> String.join(" = ", tier))
                                .toList())));
        ranking.setId("results-schulze-ranking");
        String condorcetWinner = schulze.condorcetWinner();
        Paragraph condorcet = new Paragraph(
                condorcetWinner != null
                        ? getTranslation("results.condorcet-winner", condorcetWinner)
                        : getTranslation("results.condorcet-none"));
        condorcet.setId("results-condorcet");
        box.add(new H3(getTranslation("results.schulze")), winners, ranking, condorcet);
        if (runoff != null && runoff.winner() != null) {
            Paragraph methods = new Paragraph(
                    schulze.winners().equals(List.of(runoff.winner()))
                            ? getTranslation("results.methods-agree", runoff.winner())
                            : getTranslation(
                                    "results.methods-differ", runoff.winner(), String.join(", ", schulze.winners())));
            methods.setId("results-methods");
            box.add(methods);
        }
        // the pairwise matrix as a table: row option preferred to column option by that many ballots
        Element table = new Element("table");
        table.setAttribute("id", "results-matrix");
        table.getClassList().add("matrix");
        table.appendChild(new Element("caption").setText(getTranslation("results.matrix-caption")));
        Element head = new Element("tr");
        head.appendChild(new Element("td"));
        for (String option : schulze.options()) {
            head.appendChild(new Element("th").setAttribute("scope", "col").setText(option));
        }
        table.appendChild(head);
        for (int i = 0; i < schulze.options().size(); i++) {
            Element row = new Element("tr");
            row.appendChild(new Element("th")
                    .setAttribute("scope", "row")
                    .setText(schulze.options().get(i)));
            for (int j = 0; j < schulze.options().size(); j++) {
                row.appendChild(new Element("td").setText(i == j ? "—" : String.valueOf(schulze.pairwise()[i][j])));
            }
            table.appendChild(row);
        }
        Div matrix = new Div();
        matrix.getElement().appendChild(table);
        List<Grouped.Series> rows = new ArrayList<>();
        for (int i = 0; i < schulze.options().size(); i++) {
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < schulze.options().size(); j++) {
                values.add(i == j ? null : (double) schulze.pairwise()[i][j]);
            }
            rows.add(new Grouped.Series(schulze.options().get(i), values));
        }
        String title = getTranslation("results.matrix-chart");
        EChart heat =
                new EChart(title, ChartOptions.build(ChartType.HEATMAP, new Grouped(schulze.options(), rows), title));
        heat.setId("results-matrix-chart");
        heat.setHeight(Math.max(280, 60 * schulze.options().size() + 120) + "px");
        heat.setMaxWidth("720px");
        box.add(matrix, heat);
        return box;
    }

    private Component budget(Budget.Result budget) {
        Div box = new Div();
        box.setWidthFull();
        NumberFormat money = NumberFormat.getIntegerInstance(getLocale());
        Paragraph spent = new Paragraph(
                getTranslation("results.budget-spent", money.format(budget.spent()), money.format(budget.left())));
        spent.setId("results-budget");
        UnorderedList funded = new UnorderedList();
        funded.setId("results-funded");
        for (Budget.Project project : budget.funded()) {
            funded.add(new ListItem(getTranslation(
                    "results.funded-project", project.name(), money.format(project.cost()), project.votes())));
        }
        List<Budget.Project> all = new ArrayList<>(budget.funded());
        all.addAll(budget.unfunded());
        box.add(
                new H3(getTranslation("results.funded")),
                spent,
                funded,
                chart(
                        "results-budget-chart",
                        getTranslation("results.budget-chart"),
                        ChartType.BAR_STACKED_HORIZONTAL,
                        new Grouped(
                                all.stream().map(Budget.Project::name).toList(),
                                List.of(
                                        new Grouped.Series(
                                                getTranslation("results.funded-series"),
                                                all.stream()
                                                        .map(p ->
                                                                budget.funded().contains(p)
                                                                        ? (Double) (double) p.cost()
                                                                        : null)
                                                        .toList()),
                                        new Grouped.Series(
                                                getTranslation("results.unfunded-series"),
                                                all.stream()
                                                        .map(p ->
                                                                budget.funded().contains(p)
                                                                        ? null
                                                                        : (Double) (double) p.cost())
                                                        .toList()))),
                        getTranslation("results.project")));
        return box;
    }

    private Component chart(String id, String title, ChartType type, Grouped data, String dimension) {
        EChart chart = new EChart(title, ChartOptions.build(type, data, title));
        chart.setId(id);
        chart.setHeight(Math.max(200, ChartOptions.height(type, data)) + "px");
        ChartNumbers numbers = new ChartNumbers();
        numbers.show(data, dimension, getLocale());
        Details table = new Details(getTranslation("chart.as-table"), numbers);
        VerticalLayout box = new VerticalLayout(new H3(title), chart, table);
        box.setPadding(false);
        box.setWidthFull();
        return box;
    }
}
