package org.openplaza.portal.proposals;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.List;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.layout.Formats;
import org.openplaza.proposals.ContentReport;
import org.openplaza.proposals.DiscussionService;
import org.openplaza.proposals.Markdown;
import org.openplaza.proposals.ModerationService;
import org.openplaza.proposals.Origin;
import org.openplaza.proposals.Proposal;
import org.openplaza.proposals.ProposalException;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;

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

    @Override
    public void setParameter(BeforeEvent event, Long proposalId) {
        id = proposalId;
        Proposal p = proposals.find(proposalId).orElseThrow(NotFoundException::new);
        title = p.hidden() && !ProposalRoles.hasRole("ADMIN") ? getTranslation("proposal.hidden.title") : p.title();
        render(p);
    }

    private void reload() {
        removeAll();
        render(proposals.find(id).orElseThrow(NotFoundException::new));
    }

    private void render(Proposal p) {
        removeAll();
        boolean admin = ProposalRoles.hasRole("ADMIN");
        boolean own = p.authorUsername().equals(Audited.currentActor());
        if (p.hidden()) {
            Paragraph hidden = new Paragraph(getTranslation("proposal.hidden", p.hiddenReason()));
            hidden.setId("proposal-hidden");
            hidden.addClassName("error");
            add(hidden);
            if (admin) {
                add(ModerationButtons.restoreButton(
                        this, moderation, "proposal-restore", ContentReport.Target.PROPOSAL, p.id(), this::reload));
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
            add(new SupportPanel(proposals, clock, p, this::reload));
        }
        if (!p.body().isBlank()) {
            Html body = new Html("<div class=\"markdown\">" + Markdown.toHtml(p.body()) + "</div>");
            body.setId("proposal-body");
            add(body);
        }
        add(new EvidencePanel(datasets, visualisations, p));
        List<org.openplaza.voting.VoteInfo> held = votes.forProposal(p.id());
        votesOn(held);
        add(new OfficialActions(proposals, p, held, this::reload));
        add(new ProposalRecord(proposals, p));
        if (p.status() != ProposalStatus.DRAFT) {
            add(actions(p, own), new ProposalDiscussion(discussion, moderation, p, this::reload));
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

    private HorizontalLayout actions(Proposal p, boolean own) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("proposal-actions");
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (!ProposalRoles.signedIn()) {
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
                    getTranslation("proposal.report"),
                    e -> ModerationButtons.openReport(this, moderation, ContentReport.Target.PROPOSAL, p.id()));
            report.setId("proposal-report");
            report.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(report);
        }
        return actions;
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
