package org.openplaza.portal.votes;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.text.NumberFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.openplaza.voting.Method;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteSpec;

/**
 * The ballot, shaped by the vote's method: one choice (yes/no/abstain or single), up to k
 * choices, a ranking, or projects within a budget with a running total. Options are numbered
 * from 1, as the service and the published ballots number them.
 */
class BallotForm extends VerticalLayout {

    private final VoteInfo vote;
    private RadioButtonGroup<Integer> one;
    private CheckboxGroup<Integer> some;
    private RankingField ranking;
    private final Span total = new Span();

    BallotForm(VoteInfo vote) {
        this.vote = vote;
        setPadding(false);
        setId("ballot-form");
        List<Integer> numbers =
                IntStream.rangeClosed(1, vote.options().size()).boxed().toList();
        switch (vote.method()) {
            case YES_NO, SINGLE -> {
                one = new RadioButtonGroup<>(getTranslation("vote.ballot.choose-one"));
                one.setId("ballot-one");
                one.setItems(numbers);
                one.setItemLabelGenerator(this::label);
                one.addThemeName("vertical");
                add(one);
            }
            case APPROVAL -> {
                int max = vote.maxChoices() == null ? vote.options().size() : vote.maxChoices();
                some = new CheckboxGroup<>(getTranslation("vote.ballot.choose-up-to", max));
                some.setId("ballot-some");
                some.setItems(numbers);
                some.setItemLabelGenerator(this::label);
                some.addThemeName("vertical");
                add(some);
            }
            case RANKED -> {
                ranking = new RankingField(vote.labels());
                add(ranking);
            }
            case BUDGET -> {
                some = new CheckboxGroup<>(getTranslation("vote.ballot.choose-projects", money(vote.budget())));
                some.setId("ballot-some");
                some.setItems(numbers);
                some.setItemLabelGenerator(n -> label(n) + " — " + money(cost(n)));
                some.addThemeName("vertical");
                total.setId("ballot-total");
                total.getElement().setAttribute("aria-live", "polite");
                some.addValueChangeListener(e -> showTotal());
                showTotal();
                add(some, total);
            }
        }
    }

    private String label(int number) {
        return VoteLabels.of(this, vote).get(number - 1);
    }

    private long cost(int number) {
        Long cost = vote.options().get(number - 1).cost();
        return cost == null ? 0 : cost;
    }

    private String money(Long amount) {
        return NumberFormat.getIntegerInstance(getLocale()).format(amount == null ? 0 : amount);
    }

    private long spent() {
        return some.getValue().stream().mapToLong(this::cost).sum();
    }

    private void showTotal() {
        long spent = spent();
        long budget = vote.budget() == null ? 0 : vote.budget();
        total.setText(getTranslation("vote.ballot.total", money(spent), money(budget), money(budget - spent)));
        boolean over = spent > budget;
        total.getElement().getClassList().set("error", over);
        some.setInvalid(over);
        some.setErrorMessage(over ? getTranslation("vote.ballot.over-budget") : null);
    }

    /** The choices as 1-based option numbers, in ranking order for ranked votes. */
    List<Integer> choices() {
        return switch (vote.method()) {
            case YES_NO, SINGLE -> one.getValue() == null ? List.of() : List.of(one.getValue());
            case APPROVAL, BUDGET -> some.getValue().stream().sorted().toList();
            case RANKED -> ranking.choices();
        };
    }

    /** What the ballot says, in words, for the confirmation. */
    Paragraph summary() {
        List<Integer> choices = choices();
        String text = vote.method() == Method.RANKED
                ? String.join(
                        ", ",
                        IntStream.range(0, choices.size())
                                .mapToObj(i -> (i + 1) + ". " + label(choices.get(i)))
                                .toList())
                : String.join(", ", choices.stream().map(this::label).toList());
        Paragraph summary = new Paragraph(getTranslation("vote.confirm.summary", text));
        summary.setId("vote-confirm-summary");
        return summary;
    }

    static List<String> labels(VoteInfo vote) {
        return vote.options().stream().map(VoteSpec.Option::label).toList();
    }
}
