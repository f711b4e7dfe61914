package org.openplaza.portal.votes;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;
import org.openplaza.voting.ChainCheck;
import org.openplaza.voting.InstantRunoff;
import org.openplaza.voting.Method;
import org.openplaza.voting.Results;

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
        outcome(results);
        add(votesChart(results));
        if (results.runoff() != null) {
            add(new RunoffResults(results.runoff()));
        }
        if (results.schulze() != null) {
            add(new SchulzeResults(results.schulze(), results.runoff()));
        }
        if (results.budget() != null) {
            add(new BudgetResults(results.budget()));
        }
        chain(results.chain());
    }

    /** Carried or not, who leads, the turnout, and the quorum and threshold where the vote has them. */
    private void outcome(Results results) {
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
    }

    private ResultChart votesChart(Results results) {
        return new ResultChart(
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
                getTranslation("results.option"));
    }

    /** Whether the ballots' chain is intact, and the signed checkpoints it was checked against. */
    private void chain(ChainCheck verified) {
        Paragraph chain = new Paragraph(
                verified.intact()
                        ? getTranslation("results.chain-intact", verified.ballots(), verified.headHash())
                        : getTranslation("results.chain-broken", verified.firstBadPosition()));
        chain.setId("results-chain");
        chain.addClassName(verified.intact() ? "hash" : "error");
        add(chain);
        if (verified.checkpoints() > 0) {
            Paragraph checkpoints =
                    new Paragraph(getTranslation("results.checkpoints", verified.checkpoints(), verified.signingKey()));
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
}
