package org.openplaza.portal.proposals;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.charts.ChartLabels;
import org.openplaza.portal.charts.EChart;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.ReasonDialog;
import org.openplaza.proposals.Answer;
import org.openplaza.proposals.Comment;
import org.openplaza.proposals.ContentReport;
import org.openplaza.proposals.DiscussionService;
import org.openplaza.proposals.Markdown;
import org.openplaza.proposals.ModerationService;
import org.openplaza.proposals.Origin;
import org.openplaza.proposals.Proposal;
import org.openplaza.proposals.ProposalException;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;
import org.openplaza.proposals.SupportState;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A proposal's page: its text (Markdown made safe), the evidence from the open data drawn live,
 * its support against the threshold with the days left, its lifecycle, its text's history,
 * implementation updates, official actions, and the threaded discussion. Hidden proposals and
 * comments keep their place with the moderator's reason instead of their text.
 */
@Route("proposal")
@AnonymousAllowed
public class ProposalView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ProposalService proposals;
    private final DiscussionService discussion;
    private final ModerationService moderation;
    private final VisualisationService visualisations;
    private final DatasetReader datasets;
    private final Clock clock;
    private final org.openplaza.voting.VoteService votes;
    private String title = "";
    private long id;

    public ProposalView(
            ProposalService proposals,
            DiscussionService discussion,
            ModerationService moderation,
            VisualisationService visualisations,
            DatasetReader datasets,
            Clock clock,
            org.openplaza.voting.VoteService votes) {
        this.proposals = proposals;
        this.discussion = discussion;
        this.moderation = moderation;
        this.visualisations = visualisations;
        this.datasets = datasets;
        this.clock = clock;
        this.votes = votes;
        setMaxWidth("1100px");
    }

    private static boolean hasRole(String role) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    private static boolean signedIn() {
        return !Audited.ANONYMOUS.equals(Audited.currentActor());
    }

    @Override
    public void setParameter(BeforeEvent event, Long proposalId) {
        id = proposalId;
        Proposal p = proposals.find(proposalId).orElseThrow(NotFoundException::new);
        title = p.hidden() && !hasRole("ADMIN") ? getTranslation("proposal.hidden.title") : p.title();
        render(p);
    }

    private void reload() {
        removeAll();
        render(proposals.find(id).orElseThrow(NotFoundException::new));
    }

    private void render(Proposal p) {
        removeAll();
        boolean admin = hasRole("ADMIN");
        boolean own = p.authorUsername().equals(Audited.currentActor());
        if (p.hidden()) {
            Paragraph hidden = new Paragraph(getTranslation("proposal.hidden", p.hiddenReason()));
            hidden.setId("proposal-hidden");
            hidden.addClassName("error");
            add(hidden);
            if (admin) {
                add(restoreButton("proposal-restore", ContentReport.Target.PROPOSAL, p.id()));
            }
            if (!admin && !own) {
                add(new Anchor("moderation", getTranslation("moderation.log.link")));
                return;
            }
        }
        H1 heading = new H1(p.title());
        heading.setId("proposal-heading");
        add(heading, badges(p), byline(p));
        if (p.status() != org.openplaza.proposals.ProposalStatus.DRAFT) {
            add(new org.openplaza.portal.layout.ShareBar("proposal"));
        }
        if (p.status() == ProposalStatus.DRAFT) {
            add(draftActions(p));
        }
        Paragraph summary = new Paragraph(p.summary());
        summary.setId("proposal-summary");
        summary.addClassName("lead");
        add(summary);
        if (p.origin() == Origin.CITIZEN && p.supportThreshold() != null) {
            add(support(p));
        }
        if (!p.body().isBlank()) {
            Html body = new Html("<div class=\"markdown\">" + Markdown.toHtml(p.body()) + "</div>");
            body.setId("proposal-body");
            add(body);
        }
        add(evidence(p));
        List<org.openplaza.voting.VoteInfo> held = votes.forProposal(p.id());
        votesOn(held);
        officialActions(p, held);
        add(lifecycle(p), updates(), revisions(p));
        if (p.status() != ProposalStatus.DRAFT) {
            add(actions(p, own), comments(p));
        }
    }

    private HorizontalLayout badges(Proposal p) {
        Span status = new Span(getTranslation("proposal.status." + p.status().name()));
        status.setId("proposal-status");
        status.getElement().getThemeList().add("badge");
        Span origin = new Span(getTranslation("proposal.origin." + p.origin().name()));
        origin.setId("proposal-origin");
        origin.getElement().getThemeList().add("badge contrast");
        Span category =
                new Span(getTranslation("proposal.category." + p.category().name()));
        category.getElement().getThemeList().add("badge contrast");
        HorizontalLayout badges = new HorizontalLayout(status, origin, category);
        if (p.district() != null) {
            Span district = new Span(p.district());
            district.getElement().getThemeList().add("badge contrast");
            badges.add(district);
        }
        for (String tag : p.tags()) {
            Anchor link = new Anchor("proposals?tag=" + tag, "#" + tag);
            badges.add(link);
        }
        badges.setAlignItems(FlexComponent.Alignment.CENTER);
        badges.getStyle().set("flex-wrap", "wrap");
        return badges;
    }

    private Paragraph byline(Proposal p) {
        String by = p.organisation() == null ? p.author() : p.author() + " (" + p.organisation() + ")";
        Paragraph byline = new Paragraph(
                p.publishedAt() == null
                        ? getTranslation("proposal.byline.draft", by)
                        : getTranslation("proposal.byline", by, Formats.date(p.publishedAt(), getLocale())));
        byline.setId("proposal-byline");
        return byline;
    }

    private HorizontalLayout draftActions(Proposal p) {
        HorizontalLayout actions = new HorizontalLayout();
        Paragraph note = new Paragraph(getTranslation("proposal.draft.note"));
        note.setId("proposal-draft-note");
        Anchor edit = new Anchor("proposals/edit/" + p.id(), getTranslation("proposal.edit"));
        edit.setId("proposal-edit");
        Button publish = new Button(
                getTranslation("proposal.publish"),
                e -> org.openplaza.portal.layout.Confirm.then(
                        this,
                        "proposal-publish",
                        "proposal.publish.confirm-heading",
                        "proposal.publish.confirm-text",
                        "proposal.publish",
                        () -> {
                            try {
                                proposals.publish(p.id());
                                reload();
                            } catch (ProposalException ex) {
                                error(ex);
                            }
                        }));
        publish.setId("proposal-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        actions.add(note, edit, publish);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        return actions;
    }

    /** The progress bar of supports against the threshold, the days left, and the support button. */
    private VerticalLayout support(Proposal p) {
        VerticalLayout box = new VerticalLayout();
        box.setId("proposal-support");
        box.setPadding(false);
        SupportState state = proposals.supportState(p.id());
        int threshold = Math.max(1, state.threshold());
        ProgressBar bar = new ProgressBar(0, threshold, Math.min(state.supports(), threshold));
        bar.setId("proposal-progress");
        String counts = getTranslation("proposal.supports", state.supports(), threshold);
        bar.getElement().setAttribute("aria-label", counts);
        Paragraph figures = new Paragraph(counts);
        figures.setId("proposal-supports");
        box.add(figures, bar);
        if (p.collecting(clock.instant()) && p.supportDeadline() != null) {
            long days = Math.max(
                    0, Duration.between(clock.instant(), p.supportDeadline()).toDays());
            Paragraph left = new Paragraph(
                    getTranslation("proposal.days-left", days, Formats.dateTime(p.supportDeadline(), getLocale())));
            left.setId("proposal-days-left");
            box.add(left);
        }
        if (p.collecting(clock.instant()) && !p.hidden()) {
            if (!signedIn()) {
                Anchor signIn = new Anchor("login", getTranslation("proposal.support.sign-in"));
                signIn.setId("proposal-support-sign-in");
                box.add(signIn);
            } else if (hasRole("CITIZEN")) {
                Button button =
                        new Button(getTranslation(state.supporting() ? "proposal.withdraw" : "proposal.support"), e -> {
                            try {
                                SupportState after =
                                        state.supporting() ? proposals.withdraw(p.id()) : proposals.support(p.id());
                                if (after.supporting() && !after.counted()) {
                                    Notification.show(getTranslation("proposal.support.unverified"));
                                }
                                reload();
                            } catch (ProposalException ex) {
                                error(ex);
                            }
                        });
                button.setId(state.supporting() ? "proposal-withdraw" : "proposal-support-button");
                if (!state.supporting()) {
                    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                }
                box.add(button);
                if (state.supporting()) {
                    Paragraph mine = new Paragraph(
                            getTranslation(state.counted() ? "proposal.support.yours" : "proposal.support.unverified"));
                    mine.setId("proposal-support-yours");
                    box.add(mine);
                }
            }
        }
        return box;
    }

    /** Datasets and saved visualisations offered as evidence, drawn from the open data now. */
    private VerticalLayout evidence(Proposal p) {
        VerticalLayout box = new VerticalLayout();
        box.setId("proposal-evidence");
        box.setPadding(false);
        if (p.datasets().isEmpty() && p.visualisations().isEmpty()) {
            box.setVisible(false);
            return box;
        }
        box.add(new H2(getTranslation("proposal.evidence")));
        for (Long datasetId : p.datasets()) {
            datasets.byId(datasetId)
                    .ifPresent(d -> box.add(new Paragraph(
                            new Text(getTranslation("proposal.evidence.dataset") + " "),
                            new Anchor(
                                    "dataset/" + d.slug(),
                                    d.metadata().in(getLocale().getLanguage()).title()))));
        }
        for (Long visualisationId : p.visualisations()) {
            try {
                DrawnVisualisation drawn = visualisations.draw(visualisationId).orElse(null);
                if (drawn == null || drawn.visualisation().hidden()) {
                    continue;
                }
                var v = drawn.visualisation();
                var data = ChartLabels.readable(drawn, this::getTranslation);
                EChart chart = new EChart(
                        v.title(), ChartOptions.build(drawn.definition().type(), data, v.title()));
                chart.setHeight(ChartOptions.height(drawn.definition().type(), data) + "px");
                chart.addClassName("evidence-chart");
                box.add(new H3(new Anchor("visualisation/" + v.id(), v.title())), chart);
            } catch (DataAccessException e) {
                box.add(new Paragraph(getTranslation("chart.error.failed")));
            }
        }
        return box;
    }

    /** The votes held on the proposal, with links to their pages. */
    private void votesOn(List<org.openplaza.voting.VoteInfo> held) {
        if (held.isEmpty()) {
            return;
        }
        add(new H2(getTranslation("proposal.votes")));
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.setId("proposal-votes");
        list.addClassName("link-list");
        for (var vote : held) {
            Anchor link = new Anchor("vote/" + vote.id(), vote.question());
            list.add(new com.vaadin.flow.component.html.ListItem(
                    link,
                    new Span(
                            " — " + getTranslation("votes.state." + vote.state().name()))));
        }
        add(list);
    }

    private void officialActions(Proposal p, List<org.openplaza.voting.VoteInfo> held) {
        if (!hasRole("OFFICIAL") || p.hidden() || !proposals.mayActFor(p.id())) {
            return; // officials act on government proposals of their own organisations only
        }
        // a new vote, or a result recorded by hand, only when no vote on it stands
        boolean noVote = held.stream().allMatch(v -> v.state() == org.openplaza.voting.VoteInfo.State.CANCELLED);
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("proposal-official");
        if (p.status() == ProposalStatus.QUALIFIED) {
            Button answer = new Button(getTranslation("proposal.answer"), e -> openAnswer(p));
            answer.setId("proposal-answer");
            answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(answer);
        }
        if (p.status() == ProposalStatus.SCHEDULED && noVote) {
            Button vote = new Button(
                    getTranslation("proposal.open-vote"),
                    e -> getUI().ifPresent(ui -> ui.navigate(
                            "votes/new",
                            com.vaadin.flow.router.QueryParameters.of("proposal", String.valueOf(p.id())))));
            vote.setId("proposal-open-vote");
            vote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(vote);
        }
        if (p.status() == ProposalStatus.SCHEDULED && noVote) {
            Button result = new Button(getTranslation("proposal.result"), e -> openResult(p));
            result.setId("proposal-result");
            actions.add(result);
        }
        if (p.status().implementing()) {
            Button update = new Button(getTranslation("proposal.update"), e -> openUpdate(p));
            update.setId("proposal-post-update");
            actions.add(update);
        }
        if (actions.getComponentCount() > 0) {
            add(actions);
        }
    }

    private void openAnswer(Proposal p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("proposal.answer"));
        RadioButtonGroup<Answer> choice = new RadioButtonGroup<>(getTranslation("proposal.answer.choice"));
        choice.setId("proposal-answer-choice");
        choice.setItems(Answer.values());
        choice.setItemLabelGenerator(a -> getTranslation("proposal.answer." + a.name()));
        choice.setValue(Answer.SCHEDULE_VOTE);
        TextArea reason = new TextArea(getTranslation("proposal.answer.reason"));
        reason.setId("proposal-answer-reason");
        reason.setHelperText(getTranslation("proposal.answer.reason.help"));
        reason.setWidth("32em");
        reason.setMaxLength(4000);
        dialog.add(new VerticalLayout(choice, reason));
        Button send = new Button(getTranslation("proposal.answer.send"), e -> {
            try {
                proposals.answer(p.id(), choice.getValue(), reason.getValue());
                dialog.close();
                reload();
            } catch (ProposalException ex) {
                reason.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                reason.setInvalid(true);
            }
        });
        send.setId("proposal-answer-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private void openResult(Proposal p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("proposal.result"));
        RadioButtonGroup<Boolean> adopted = new RadioButtonGroup<>(getTranslation("proposal.result.choice"));
        adopted.setId("proposal-result-choice");
        adopted.setItems(true, false);
        adopted.setItemLabelGenerator(a -> getTranslation(a ? "proposal.status.ADOPTED" : "proposal.status.REJECTED"));
        adopted.setValue(true);
        TextArea note = new TextArea(getTranslation("proposal.result.note"));
        note.setId("proposal-result-note");
        note.setWidth("32em");
        dialog.add(new VerticalLayout(adopted, note));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                proposals.recordResult(p.id(), adopted.getValue(), note.getValue());
                dialog.close();
                reload();
            } catch (ProposalException ex) {
                note.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                note.setInvalid(true);
            }
        });
        save.setId("proposal-result-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openUpdate(Proposal p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("proposal.update"));
        TextArea body = new TextArea(getTranslation("proposal.update.body"));
        body.setId("proposal-update-body");
        body.setWidth("32em");
        body.setMaxLength(5000);
        Checkbox done = new Checkbox(getTranslation("proposal.update.done"));
        done.setId("proposal-update-done");
        dialog.add(new VerticalLayout(body, done));
        Button save = new Button(getTranslation("proposal.update.post"), e -> {
            try {
                proposals.postUpdate(p.id(), body.getValue(), done.getValue());
                dialog.close();
                reload();
            } catch (ProposalException ex) {
                body.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                body.setInvalid(true);
            }
        });
        save.setId("proposal-update-post");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
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

    private HorizontalLayout actions(Proposal p, boolean own) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("proposal-actions");
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (!signedIn()) {
            return actions;
        }
        boolean following = proposals.following(p.id());
        Button follow = new Button(getTranslation(following ? "proposal.unfollow" : "proposal.follow"), e -> {
            proposals.follow(p.id(), !following);
            reload();
        });
        follow.setId("proposal-follow");
        follow.getElement().setAttribute("aria-pressed", String.valueOf(following));
        actions.add(follow);
        if (own && (p.status() == ProposalStatus.PUBLISHED || p.status() == ProposalStatus.QUALIFIED) && !p.hidden()) {
            Anchor edit = new Anchor("proposals/edit/" + p.id(), getTranslation("proposal.edit"));
            edit.setId("proposal-edit");
            actions.add(edit);
        }
        if (!own && !p.hidden()) {
            Button report = new Button(
                    getTranslation("proposal.report"), e -> openReport(ContentReport.Target.PROPOSAL, p.id()));
            report.setId("proposal-report");
            report.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(report);
        }
        return actions;
    }

    private void openReport(ContentReport.Target target, long targetId) {
        ReasonDialog.open(
                getTranslation("moderation.report.heading"),
                getTranslation("moderation.report.reason"),
                getTranslation("moderation.report.send"),
                "report-reason",
                1000,
                false,
                reason -> moderation.report(target, targetId, reason),
                () -> Notification.show(getTranslation("moderation.report.sent"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS));
    }

    /** The threaded discussion, a box to comment, and per comment: reply, votes, report. */
    private VerticalLayout comments(Proposal p) {
        VerticalLayout box = new VerticalLayout();
        box.setId("proposal-comments");
        box.setPadding(false);
        var thread = discussion.thread(p.id());
        box.add(new H2(getTranslation("proposal.comments", thread.size())));
        if (signedIn() && !p.hidden()) {
            box.add(commentForm(null));
        } else if (!signedIn()) {
            box.add(new Anchor("login", getTranslation("proposal.comment.sign-in")));
        }
        Map<Long, Integer> myVotes = discussion.myVotes(p.id());
        for (Comment c : thread) {
            box.add(comment(c, myVotes.getOrDefault(c.id(), 0), p));
        }
        return box;
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
                        reload();
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
        if (hasRole("ADMIN") && (c.editedAt() != null || c.deleted())) {
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
            if (hasRole("ADMIN")) {
                item.add(restoreButton("comment-restore-" + c.id(), ContentReport.Target.COMMENT, c.id()));
            }
            return item;
        }
        item.add(new Html("<div class=\"markdown\">" + Markdown.toHtml(c.body()) + "</div>"));
        if (!signedIn() || p.hidden()) {
            return item;
        }
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        boolean own = c.authorUsername().equals(Audited.currentActor());
        if (!own) {
            Button up = new Button(getTranslation("proposal.comment.up"), e -> {
                discussion.vote(c.id(), myVote == 1 ? 0 : 1);
                reload();
            });
            up.setId("comment-up-" + c.id());
            up.getElement().setAttribute("aria-pressed", String.valueOf(myVote == 1));
            Button down = new Button(getTranslation("proposal.comment.down"), e -> {
                discussion.vote(c.id(), myVote == -1 ? 0 : -1);
                reload();
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
                    getTranslation("proposal.comment.report"), e -> openReport(ContentReport.Target.COMMENT, c.id()));
            report.setId("comment-report-" + c.id());
            report.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(report);
        }
        item.add(actions);
        return item;
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
                reload();
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
                            reload();
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

    /** Administrators show hidden content again, with a reason for the public log. */
    private Button restoreButton(String buttonId, ContentReport.Target target, long targetId) {
        Button restore = new Button(
                getTranslation("moderation.restore"),
                e -> ReasonDialog.open(
                        getTranslation("moderation.restore"),
                        getTranslation("moderation.restore.reason"),
                        getTranslation("moderation.restore"),
                        "restore-reason",
                        500,
                        false,
                        reason -> moderation.restore(target, targetId, reason),
                        this::reload));
        restore.setId(buttonId);
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return restore;
    }

    private void error(ProposalException e) {
        Notification.show(getTranslation(e.messageKey(), e.arguments().toArray()))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
