package org.openplaza.portal.proposals;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.portal.layout.Formats;
import org.openplaza.proposals.Comment;
import org.openplaza.proposals.ContentReport;
import org.openplaza.proposals.DiscussionService;
import org.openplaza.proposals.Markdown;
import org.openplaza.proposals.ModerationService;
import org.openplaza.proposals.Proposal;
import org.openplaza.proposals.ProposalException;

/**
 * A proposal's threaded discussion: a box to comment, and per comment its byline, text (Markdown
 * made safe), votes, reply, the author's edit and delete, a report, and for administrators the
 * texts it had and a restore of what moderators hid.
 */
class ProposalDiscussion extends VerticalLayout {

    private final DiscussionService discussion;
    private final ModerationService moderation;
    private final Proposal p;
    private final long id;
    private final Runnable reload;

    ProposalDiscussion(DiscussionService discussion, ModerationService moderation, Proposal p, Runnable reload) {
        this.discussion = discussion;
        this.moderation = moderation;
        this.p = p;
        this.id = p.id();
        this.reload = reload;
        setId("proposal-comments");
        setPadding(false);
        var thread = discussion.thread(p.id());
        add(new H2(getTranslation("proposal.comments", thread.size())));
        if (ProposalRoles.signedIn() && !p.hidden()) {
            add(commentForm(null));
        } else if (!ProposalRoles.signedIn()) {
            add(new Anchor("login", getTranslation("proposal.comment.sign-in")));
        }
        Map<Long, Integer> myVotes = discussion.myVotes(p.id());
        for (Comment c : thread) {
            add(comment(c, myVotes.getOrDefault(c.id(), 0), p));
        }
    }

    private VerticalLayout commentForm(@Nullable Long parent) {
        TextArea text = new TextArea(getTranslation(parent == null ? "proposal.comment" : "proposal.reply"));
        text.setId(parent == null ? "comment-text" : "reply-text-" + parent);
        text.setWidthFull();
        text.setMaxLength(5000);
        text.setHelperText(getTranslation("proposal.comment.help"));
        Button post =
                new Button(getTranslation(parent == null ? "proposal.comment.post" : "proposal.reply.post"), e -> {
                    try {
                        discussion.comment(id, parent, text.getValue());
                        reload.run();
                    } catch (ProposalException ex) {
                        text.setErrorMessage(
                                getTranslation(ex.messageKey(), ex.arguments().toArray()));
                        text.setInvalid(true);
                    }
                });
        post.setId(parent == null ? "comment-post" : "reply-post-" + parent);
        VerticalLayout form = new VerticalLayout(text, post);
        form.setPadding(false);
        return form;
    }

    private Div comment(Comment c, int myVote, Proposal p) {
        Div item = new Div();
        item.setId("comment-" + c.id());
        item.addClassName("comment");
        item.getStyle().set("margin-left", (c.depth() * 2) + "em");
        Paragraph byline = new Paragraph(getTranslation(
                "proposal.comment.byline", c.author(), Formats.dateTime(c.createdAt(), getLocale()), c.score()));
        byline.addClassName("comment-byline");
        if (c.editedAt() != null && !c.deleted()) {
            byline.add(new com.vaadin.flow.component.Text(
                    " · " + getTranslation("proposal.comment.edited", Formats.dateTime(c.editedAt(), getLocale()))));
        }
        item.add(byline);
        if (ProposalRoles.hasRole("ADMIN") && (c.editedAt() != null || c.deleted())) {
            item.add(history(c));
        }
        if (c.deleted()) {
            Paragraph gone = new Paragraph(getTranslation("proposal.comment.deleted"));
            gone.setId("comment-deleted-" + c.id());
            gone.addClassName("hint");
            item.add(gone);
            return item;
        }
        if (c.hidden()) {
            Paragraph hidden = new Paragraph(getTranslation("proposal.hidden", c.hiddenReason()));
            hidden.addClassName("hidden-content");
            item.add(hidden);
            if (c.body() != null) {
                item.add(new Html("<div class=\"markdown moderated\">" + Markdown.toHtml(c.body()) + "</div>"));
            }
            if (ProposalRoles.hasRole("ADMIN")) {
                item.add(ModerationButtons.restoreButton(
                        this, moderation, "comment-restore-" + c.id(), ContentReport.Target.COMMENT, c.id(), reload));
            }
            return item;
        }
        item.add(new Html("<div class=\"markdown\">" + Markdown.toHtml(c.body()) + "</div>"));
        if (!ProposalRoles.signedIn() || p.hidden()) {
            return item;
        }
        item.add(actions(c, myVote));
        return item;
    }

    /**
     * What a signed-in reader may do with a comment: vote it up or down, reply and report another's;
     * reply, edit and delete their own.
     */
    private HorizontalLayout actions(Comment c, int myVote) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        boolean own = c.authorUsername().equals(Audited.currentActor());
        if (!own) {
            Button up = new Button(getTranslation("proposal.comment.up"), e -> {
                discussion.vote(c.id(), myVote == 1 ? 0 : 1);
                reload.run();
            });
            up.setId("comment-up-" + c.id());
            up.getElement().setAttribute("aria-pressed", String.valueOf(myVote == 1));
            Button down = new Button(getTranslation("proposal.comment.down"), e -> {
                discussion.vote(c.id(), myVote == -1 ? 0 : -1);
                reload.run();
            });
            down.setId("comment-down-" + c.id());
            down.getElement().setAttribute("aria-pressed", String.valueOf(myVote == -1));
            up.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            down.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(up, down);
        }
        Details reply = new Details(getTranslation("proposal.reply"), commentForm(c.id()));
        reply.setId("comment-reply-" + c.id());
        actions.add(reply);
        if (own) {
            actions.add(editComment(c), deleteComment(c));
        }
        if (!own) {
            Button report = new Button(
                    getTranslation("proposal.comment.report"),
                    e -> ModerationButtons.openReport(this, moderation, ContentReport.Target.COMMENT, c.id()));
            report.setId("comment-report-" + c.id());
            report.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(report);
        }
        return actions;
    }

    /** The author's own "Edit": the text in a box, saved in place. */
    private Details editComment(Comment c) {
        TextArea text = new TextArea(getTranslation("proposal.comment"));
        text.setId("comment-edit-text-" + c.id());
        text.setValue(c.body());
        text.setWidthFull();
        text.setMaxLength(5000);
        Button save = new Button(getTranslation("proposal.comment.edit.save"), e -> {
            try {
                discussion.editComment(c.id(), text.getValue());
                reload.run();
            } catch (ProposalException ex) {
                text.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                text.setInvalid(true);
            }
        });
        save.setId("comment-edit-save-" + c.id());
        VerticalLayout form = new VerticalLayout(text, save);
        form.setPadding(false);
        Details edit = new Details(getTranslation("proposal.comment.edit"), form);
        edit.setId("comment-edit-" + c.id());
        return edit;
    }

    /** The author's own "Delete", after a question. */
    private Button deleteComment(Comment c) {
        Button delete = new Button(
                getTranslation("proposal.comment.delete"),
                e -> org.openplaza.portal.layout.Confirm.then(
                        this,
                        "comment-delete-" + c.id(),
                        "proposal.comment.delete.heading",
                        "proposal.comment.delete.text",
                        "proposal.comment.delete",
                        () -> {
                            discussion.deleteComment(c.id());
                            reload.run();
                        }));
        delete.setId("comment-delete-" + c.id());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return delete;
    }

    /** For administrators: the texts an edited or deleted comment had, each escaped as Markdown is. */
    private Details history(Comment c) {
        var revisions = discussion.history(c.id());
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        for (var revision : revisions) {
            list.add(
                    new Paragraph(getTranslation(
                            "proposal.comment.history.item", Formats.dateTime(revision.replacedAt(), getLocale()))),
                    new Html("<div class=\"markdown moderated\">" + Markdown.toHtml(revision.body()) + "</div>"));
        }
        Details history = new Details(getTranslation("proposal.comment.history", revisions.size()), list);
        history.setId("comment-history-" + c.id());
        return history;
    }
}
