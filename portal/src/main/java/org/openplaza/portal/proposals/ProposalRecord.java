package org.openplaza.portal.proposals;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.openplaza.portal.layout.Formats;
import org.openplaza.proposals.Markdown;
import org.openplaza.proposals.Proposal;
import org.openplaza.proposals.ProposalService;

/**
 * What became of a proposal: its lifecycle step by step with official reasons and the votes held,
 * the implementation updates, and every published text of it.
 */
class ProposalRecord extends VerticalLayout {

    private final ProposalService proposals;
    private final long id;

    ProposalRecord(ProposalService proposals, Proposal p) {
        this.proposals = proposals;
        this.id = p.id();
        setPadding(false);
        add(lifecycle(p), updates(), revisions(p));
    }

    /** The lifecycle as it happened, with official reasons. */
    private VerticalLayout lifecycle(Proposal p) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("proposal-history");
        var history = proposals.history(p.id());
        if (history.isEmpty()) {
            box.setVisible(false);
            return box;
        }
        box.add(new H2(getTranslation("proposal.history")));
        OrderedList steps = new OrderedList();
        for (var change : history) {
            ListItem step = new ListItem(getTranslation(
                    "proposal.history.step",
                    getTranslation("proposal.status." + change.to().name()),
                    Formats.dateTime(change.at(), getLocale())));
            if (change.actor() != null) {
                step.add(new Text(" · " + change.actor()));
            }
            if (change.voteId() != null) {
                step.add(new Text(" · "));
                Anchor vote =
                        new Anchor("vote/" + change.voteId(), getTranslation("proposal.history.vote", change.voteId()));
                vote.setId("proposal-history-vote-" + change.voteId());
                step.add(vote);
            }
            if (change.reason() != null) {
                Paragraph reason = new Paragraph(change.reason());
                reason.addClassName("answer");
                step.add(reason);
            }
            steps.add(step);
        }
        box.add(steps);
        return box;
    }

    private VerticalLayout updates() {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("proposal-updates");
        var updates = proposals.updates(id);
        if (updates.isEmpty()) {
            box.setVisible(false);
            return box;
        }
        box.add(new H2(getTranslation("proposal.updates")));
        for (var update : updates) {
            Div item = new Div();
            item.add(new Paragraph(getTranslation(
                    update.done() ? "proposal.update.done.byline" : "proposal.update.byline",
                    update.author(),
                    Formats.date(update.postedAt(), getLocale()))));
            item.add(new Html("<div class=\"markdown\">" + Markdown.toHtml(update.body()) + "</div>"));
            box.add(item);
        }
        return box;
    }

    /** Every published text, so readers can see what changed and when. */
    private Component revisions(Proposal p) {
        var revisions = proposals.revisions(p.id());
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        for (var revision : revisions) {
            list.add(new Paragraph(getTranslation(
                    "proposal.revision",
                    revision.number(),
                    Formats.dateTime(revision.editedAt(), getLocale()),
                    revision.editor(),
                    revision.title())));
        }
        Details details = new Details(getTranslation("proposal.revisions", revisions.size()), list);
        details.setId("proposal-revisions");
        details.setVisible(revisions.size() > 1);
        return details;
    }
}
