package org.openplaza.portal.votes;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.openplaza.portal.layout.Formats;
import org.openplaza.voting.Method;
import org.openplaza.voting.VoteInfo;

/** What a vote asks and how: its counting method, window, who may vote, and the rules that make it carry. */
class VoteFacts extends Div {

    VoteFacts(VoteInfo vote) {
        setId("vote-facts");
        show(vote);
    }

    private void show(VoteInfo vote) {
        Div facts = this;
        facts.add(new Paragraph(getTranslation("vote.method." + vote.method().name())
                + (vote.method() == Method.APPROVAL && vote.maxChoices() != null
                        ? " " + getTranslation("vote.method.up-to", vote.maxChoices())
                        : "")));
        facts.add(new Paragraph(getTranslation(
                "vote.window",
                Formats.dateTime(vote.opensAt(), getLocale()),
                Formats.dateTime(vote.closesAt(), getLocale()))));
        String who = getTranslation("vote.eligible.verified");
        if (!vote.eligibility().districts().isEmpty()) {
            who += " "
                    + getTranslation(
                            "vote.eligible.districts",
                            String.join(", ", vote.eligibility().districts()));
        }
        if (vote.eligibility().minAge() != null) {
            who += " " + getTranslation("vote.eligible.age", vote.eligibility().minAge());
        }
        Paragraph eligible = new Paragraph(who);
        eligible.setId("vote-eligibility");
        facts.add(eligible);
        if (vote.rules().quorumPercent() != null) {
            facts.add(new Paragraph(
                    getTranslation("vote.rule.quorum", vote.rules().quorumPercent())));
        }
        if (vote.rules().thresholdPercent() != null) {
            facts.add(new Paragraph(
                    getTranslation("vote.rule.threshold", vote.rules().thresholdPercent())));
        }
        if (vote.allowChange()) {
            facts.add(new Paragraph(getTranslation("vote.rule.change")));
        }
    }
}
