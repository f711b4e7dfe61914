package org.openplaza.portal.votes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.openplaza.participationdata.Recount;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.ReasonDialog;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.voting.BallotService;
import org.openplaza.voting.CheckpointService;
import org.openplaza.voting.CountService;
import org.openplaza.voting.Receipt;
import org.openplaza.voting.Results;
import org.openplaza.voting.VoteCounting;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;

/**
 * A vote's page. While it is open: the question, its rules, the turnout and the live head of the
 * ballot chain, and for an eligible citizen the ballot, a confirmation (with the password asked
 * again after 30 minutes), then the receipt. Once it closes: the count with its progress, the
 * results, the published ballots, a recount from them and looking up a receipt. Officials close a
 * vote early or cancel it with a reason.
 */
@Route("vote")
@AnonymousAllowed
public class VoteView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final CheckpointService checkpoints;

    private final VoteService votes;
    private final BallotService ballots;
    private final CountService counts;
    private final VoteCounting counting;
    private final Recount recount;
    private final RecentSignIn recentSignIn;
    private String title = "";
    private long id;
    private com.vaadin.flow.shared.Registration poll;
    private com.vaadin.flow.shared.Registration livePoll;

    public VoteView(
            VoteService votes,
            BallotService ballots,
            CountService counts,
            VoteCounting counting,
            Recount recount,
            RecentSignIn recentSignIn,
            CheckpointService checkpoints) {
        this.votes = votes;
        this.checkpoints = checkpoints;
        this.ballots = ballots;
        this.counts = counts;
        this.counting = counting;
        this.recount = recount;
        this.recentSignIn = recentSignIn;
        setMaxWidth("1000px");
    }

    @Override
    public void setParameter(BeforeEvent event, Long voteId) {
        id = voteId;
        VoteInfo vote = votes.find(voteId).orElseThrow(NotFoundException::new);
        title = vote.question();
        render(vote);
    }

    private void reload() {
        render(votes.find(id).orElseThrow(NotFoundException::new));
    }

    private void render(VoteInfo vote) {
        removeAll();
        stopLive();
        H1 heading = new H1(vote.question());
        heading.setId("vote-heading");
        add(heading, new VoteFacts(vote), new org.openplaza.portal.layout.ShareBar("vote"));
        if (vote.proposalId() != null) {
            add(new Anchor("proposal/" + vote.proposalId(), getTranslation("vote.proposal-link")));
        }
        if ((vote.state() == VoteInfo.State.OPEN || vote.state() == VoteInfo.State.UPCOMING) && votes.mayManage(id)) {
            add(new VoteActions(vote, votes, counting, recentSignIn, this::reload));
        }
        switch (vote.state()) {
            case UPCOMING -> {
                Paragraph upcoming =
                        new Paragraph(getTranslation("vote.upcoming", Formats.dateTime(vote.opensAt(), getLocale())));
                upcoming.setId("vote-upcoming");
                add(upcoming);
                follow(VoteInfo.State.UPCOMING, null, null);
            }
            case OPEN -> {
                add(live(vote));
                add(new BallotArea(vote, ballots, recentSignIn, this::showReceipt));
            }
            case CLOSED -> {
                if (vote.closedEarlyReason() != null) {
                    add(new Paragraph(getTranslation("vote.closed-early", vote.closedEarlyReason())));
                }
                add(vote.heldReason() != null ? held(vote.heldReason()) : closed(vote));
                if (vote.heldReason() != null && counts.mayCountAgain()) {
                    add(countAgain());
                }
            }
            case CANCELLED -> {
                Paragraph cancelled = new Paragraph(getTranslation("vote.cancelled", vote.cancelReason()));
                cancelled.setId("vote-cancelled");
                cancelled.addClassName("error");
                add(cancelled);
            }
        }
    }

    private Div live(VoteInfo vote) {
        Div live = new Div();
        Paragraph turnout = new Paragraph(getTranslation("vote.turnout", vote.turnout()));
        turnout.setId("vote-turnout");
        Paragraph head = new Paragraph(getTranslation(
                "vote.head", vote.headHash() == null ? getTranslation("vote.head-empty") : vote.headHash()));
        head.setId("vote-head");
        head.addClassName("hash");
        Paragraph secrecy = new Paragraph(getTranslation("vote.only-turnout"));
        secrecy.addClassName("hint");
        live.add(turnout, head, new CheckpointLine(checkpoints, id), secrecy);
        follow(VoteInfo.State.OPEN, turnout, head);
        return live;
    }

    /**
     * Keeps the turnout and the head of the chain current while the page is open (every 10 s),
     * without touching a ballot being filled in; when the vote leaves this state (it opens, or it
     * closes) the page is drawn again for the new one.
     */
    private void follow(
            VoteInfo.State state,
            com.vaadin.flow.component.html.@org.jspecify.annotations.Nullable Paragraph turnout,
            com.vaadin.flow.component.html.@org.jspecify.annotations.Nullable Paragraph head) {
        UI ui = UI.getCurrent();
        if (livePoll != null) {
            livePoll.remove();
        }
        ui.setPollInterval(10_000);
        livePoll = ui.addPollListener(e -> votes.find(id).ifPresent(now -> {
            if (turnout != null) {
                turnout.setText(getTranslation("vote.turnout", now.turnout()));
            }
            if (head != null) {
                head.setText(getTranslation(
                        "vote.head", now.headHash() == null ? getTranslation("vote.head-empty") : now.headHash()));
            }
            if (now.state() != state) {
                stopLive();
                reload();
            }
        }));
    }

    private void stopLive() {
        if (livePoll != null) {
            livePoll.remove();
            livePoll = null;
            UI.getCurrent().setPollInterval(-1);
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (livePoll != null) {
            livePoll.remove();
            livePoll = null;
        }
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** The ballot is in: the page becomes its receipt, with the turnout and the chain's head still live. */
    private void showReceipt(Receipt receipt) {
        removeAll();
        VoteInfo vote = votes.find(id).orElseThrow();
        add(new H1(vote.question()), new ReceiptBox(receipt, title, id), live(vote));
        // the button pressed is gone with the ballot: the keyboard goes on to the receipt's heading
        getElement()
                .executeJs("setTimeout(() => { const h = document.querySelector('#vote-receipt-box h2');"
                        + " if (h) { h.setAttribute('tabindex', '-1'); h.focus(); } }, 0)");
    }

    /** For administrators, once a held count has been investigated: count it again. */
    private Button countAgain() {
        Button again = new Button(
                getTranslation("results.count-again"),
                e -> ReasonDialog.open(
                        getTranslation("results.count-again"),
                        getTranslation("results.count-again-reason"),
                        getTranslation("results.count-again"),
                        "vote-count-again-reason",
                        1900,
                        false,
                        reason -> counts.countAgain(id, reason),
                        () -> {
                            counting.start(id);
                            reload();
                        }));
        again.setId("vote-count-again");
        return again;
    }

    private Paragraph held(VoteInfo.HoldReason reason) {
        Paragraph held = new Paragraph(getTranslation("results.held", getTranslation("results.held." + reason.name())));
        held.setId("results-held");
        held.addClassName("error");
        return held;
    }

    private Div closed(VoteInfo vote) {
        Div area = new Div();
        area.setId("vote-closed");
        area.setWidthFull();
        Optional<Results> results = counting.results(id);
        if (results.isEmpty()) {
            VoteCounting.Progress progress = counting.progress(id);
            if (progress != null && progress.failed()) {
                Paragraph failed = new Paragraph(getTranslation("results.failed"));
                failed.addClassName("error");
                area.add(failed);
                return area;
            }
            Paragraph counting = new Paragraph(getTranslation(
                    "results.counting",
                    progress == null ? 0 : progress.done(),
                    progress == null ? 0 : progress.total()));
            counting.setId("results-counting");
            ProgressBar bar = new ProgressBar(0, 1, progress == null ? 0 : progress.fraction());
            bar.getElement().setAttribute("aria-labelledby", "results-counting");
            area.add(counting, bar);
            UI ui = UI.getCurrent();
            ui.setPollInterval(700);
            if (poll == null) {
                poll = ui.addPollListener(e -> {
                    if (this.counting.progress(id) == null
                            || this.counting.results(id).isPresent()) {
                        stopPolling();
                        reload();
                    }
                });
            }
            return area;
        }
        stopPolling();
        area.add(new ResultsPanel(results.get()));
        area.add(new PublishedBallots(vote, results.get(), recount, counts, counting));
        return area;
    }

    private void stopPolling() {
        if (poll != null) {
            poll.remove();
            poll = null;
            UI.getCurrent().setPollInterval(-1);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
