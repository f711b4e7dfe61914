package org.openplaza.portal.votes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.openplaza.participationdata.Recount;
import org.openplaza.platform.Refusal;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.ReasonDialog;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.voting.BallotService;
import org.openplaza.voting.CheckpointService;
import org.openplaza.voting.CountService;
import org.openplaza.voting.Method;
import org.openplaza.voting.Receipt;
import org.openplaza.voting.Results;
import org.openplaza.voting.Standing;
import org.openplaza.voting.VoteCounting;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;
import org.springframework.security.core.context.SecurityContextHolder;

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
        add(heading, facts(vote), new org.openplaza.portal.layout.ShareBar("vote"));
        if (vote.proposalId() != null) {
            add(new Anchor("proposal/" + vote.proposalId(), getTranslation("vote.proposal-link")));
        }
        if ((vote.state() == VoteInfo.State.OPEN || vote.state() == VoteInfo.State.UPCOMING) && votes.mayManage(id)) {
            add(officialActions(vote));
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
                add(ballotArea(vote));
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

    private Div facts(VoteInfo vote) {
        Div facts = new Div();
        facts.setId("vote-facts");
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
        return facts;
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
        live.add(turnout, head, lastCheckpoint(), secrecy);
        follow(VoteInfo.State.OPEN, turnout, head);
        return live;
    }

    /** The last checkpoint the portal signed of this vote's box, with the key that checks it. */
    private Paragraph lastCheckpoint() {
        Paragraph text = new Paragraph(checkpoints
                .lastCheckpoint(id)
                .map(last -> getTranslation(
                        "vote.checkpoint",
                        last.ballots(),
                        last.headHash(),
                        Formats.dateTime(last.signedAt(), getLocale()),
                        last.signature(),
                        checkpoints.publicKey()))
                .orElseGet(() -> getTranslation("vote.checkpoint-none", checkpoints.publicKey())));
        text.setId("vote-checkpoint");
        text.addClassName("hash");
        return text;
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

    private HorizontalLayout officialActions(VoteInfo vote) {
        HorizontalLayout actions = new HorizontalLayout();
        if (vote.state() == VoteInfo.State.OPEN) {
            Button close = new Button(
                    getTranslation("vote.close-early"),
                    e -> withFreshPasswordForAll(() -> ReasonDialog.open(
                            getTranslation("vote.close-early"),
                            getTranslation("vote.reason"),
                            getTranslation("vote.close-early"),
                            "vote-close-reason",
                            2000,
                            false,
                            reason -> votes.closeEarly(id, reason),
                            () -> {
                                counting.start(id);
                                reload();
                            })));
            close.setId("vote-close");
            actions.add(close);
        }
        if ((vote.state() == VoteInfo.State.OPEN || vote.state() == VoteInfo.State.UPCOMING)) {
            Button cancel = new Button(
                    getTranslation("vote.cancel"),
                    e -> withFreshPasswordForAll(() -> ReasonDialog.open(
                            getTranslation("vote.cancel"),
                            getTranslation("vote.reason"),
                            getTranslation("vote.cancel"),
                            "vote-cancel-reason",
                            2000,
                            true,
                            reason -> votes.cancel(id, reason),
                            this::reload)));
            cancel.setId("vote-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        return actions;
    }

    private Div ballotArea(VoteInfo vote) {
        Div area = new Div();
        area.setId("ballot-area");
        area.add(new H2(getTranslation("vote.ballot")));
        Standing standing = ballots.standing(id);
        switch (standing) {
            case ELIGIBLE -> {
                BallotForm form = new BallotForm(vote);
                Button cast = new Button(
                        getTranslation("vote.cast"),
                        e -> confirm(form, secret -> ballots.cast(id, form.choices()), null));
                cast.setId("vote-cast");
                cast.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                area.add(form, cast);
            }
            case VOTED -> {
                Paragraph voted = new Paragraph(getTranslation("vote.standing.VOTED"));
                voted.setId("vote-standing");
                area.add(voted);
                if (vote.allowChange()) {
                    area.add(changeForm(vote));
                }
            }
            default -> {
                Paragraph why = new Paragraph(getTranslation("vote.standing." + standing.name()));
                why.setId("vote-standing");
                area.add(why);
                if (standing == Standing.SIGN_IN) {
                    area.add(new Anchor("login", getTranslation("nav.sign-in")));
                }
            }
        }
        return area;
    }

    private Div changeForm(VoteInfo vote) {
        Div change = new Div();
        change.add(new H2(getTranslation("vote.change")));
        TextField secret = new TextField(getTranslation("vote.change.secret"));
        secret.setId("vote-change-secret");
        secret.setWidth("24em");
        BallotForm form = new BallotForm(vote);
        Button go = new Button(
                getTranslation("vote.change.cast"),
                e -> confirm(form, unused -> ballots.change(id, secret.getValue(), form.choices()), secret));
        go.setId("vote-change");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.add(new Paragraph(getTranslation("vote.change.help")), secret, form, go);
        return change;
    }

    /** Something that casts a ballot and gives its receipt. */
    @FunctionalInterface
    private interface Casting {
        Receipt cast(String unused);
    }

    /** Confirmation, then the password if the sign-in is old, then the ballot. */
    private void confirm(BallotForm form, Casting casting, TextField secretField) {
        if (form.choices().isEmpty()) {
            showRefusal(form, "vote.error.empty");
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("vote.confirm.title"));
        dialog.add(form.summary(), new Paragraph(getTranslation("vote.confirm.final")));
        Button yes = new Button(getTranslation("vote.confirm.cast"), e -> {
            dialog.close();
            withFreshPassword(() -> castNow(form, casting, secretField));
        });
        yes.setId("vote-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button no = new Button(getTranslation("vote.confirm.back"), e -> dialog.close());
        no.setId("vote-confirm-back");
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void withFreshPassword(Runnable then) {
        org.openplaza.portal.security.PasswordCheck.thenRun(recentSignIn, "reauth.why", then);
    }

    /** An official's act on the vote (closing early, cancelling): binding for everyone. */
    private void withFreshPasswordForAll(Runnable then) {
        org.openplaza.portal.security.PasswordCheck.thenRun(recentSignIn, "reauth.why.binding", then);
    }

    private void castNow(BallotForm form, Casting casting, TextField secretField) {
        try {
            Receipt receipt = casting.cast("");
            removeAll();
            VoteInfo vote = votes.find(id).orElseThrow();
            add(new H1(vote.question()), receipt(receipt), live(vote));
            // the button pressed is gone with the ballot: the keyboard goes on to the receipt's heading
            getElement()
                    .executeJs("setTimeout(() => { const h = document.querySelector('#vote-receipt-box h2');"
                            + " if (h) { h.setAttribute('tabindex', '-1'); h.focus(); } }, 0)");
        } catch (Refusal refusal) {
            if (secretField != null && "vote.error.wrong-secret".equals(refusal.messageKey())) {
                secretField.setErrorMessage(getTranslation(refusal.messageKey()));
                secretField.setInvalid(true);
            } else {
                showRefusal(form, refusal.messageKey(), refusal.arguments().toArray());
            }
        }
    }

    private void showRefusal(BallotForm form, String key, Object... arguments) {
        form.getChildren()
                .filter(c -> c.getId().orElse("").equals("ballot-error"))
                .findFirst()
                .ifPresent(form::remove);
        Paragraph error = new Paragraph(getTranslation(key, arguments));
        error.setId("ballot-error");
        error.addClassName("error");
        error.getElement().setAttribute("role", "alert");
        form.add(error);
    }

    private Div receipt(Receipt receipt) {
        Div box = new Div();
        box.setId("vote-receipt-box");
        box.add(new H2(getTranslation("vote.receipt.title")));
        box.add(new Paragraph(getTranslation("vote.receipt.counted")));
        Paragraph code = new Paragraph(getTranslation("vote.receipt.code"));
        Span value = new Span(receipt.code());
        value.setId("vote-receipt");
        value.addClassName("hash");
        code.add(new Span(" "), value);
        box.add(code, new Paragraph(getTranslation("vote.receipt.help")));
        if (receipt.changeSecret() != null) {
            Paragraph secret = new Paragraph(getTranslation("vote.receipt.secret"));
            Span secretValue = new Span(receipt.changeSecret());
            secretValue.setId("vote-secret");
            secretValue.addClassName("hash");
            secret.add(new Span(" "), secretValue);
            box.add(secret, new Paragraph(getTranslation("vote.receipt.secret-help")));
        }
        Paragraph once = new Paragraph(
                getTranslation(receipt.changeSecret() == null ? "vote.receipt.once" : "vote.receipt.once-with-secret"));
        once.setId("vote-receipt-once");
        once.addClassName("error");
        box.add(once, keepActions(receipt));
        return box;
    }

    /**
     * Copy, print and download for the receipt and the secret, which are shown only this once:
     * all three happen in the browser, the text made here in the reader's language.
     */
    private com.vaadin.flow.component.Component keepActions(Receipt receipt) {
        StringBuilder text = new StringBuilder()
                .append(title)
                .append('\n')
                .append(getTranslation("vote.receipt.code"))
                .append(' ')
                .append(receipt.code())
                .append('\n');
        if (receipt.changeSecret() != null) {
            text.append(getTranslation("vote.receipt.secret"))
                    .append(' ')
                    .append(receipt.changeSecret())
                    .append('\n');
        }
        text.append('\n').append(getTranslation("vote.receipt.help")).append('\n');
        String kept = text.toString();
        Span status = new Span();
        status.setId("vote-receipt-status");
        status.getElement().setAttribute("role", "status");
        Button copy = new Button(getTranslation("vote.receipt.copy"), VaadinIcon.COPY.create());
        copy.setId("vote-receipt-copy");
        copy.addClickListener(e -> copy.getElement()
                .executeJs("return navigator.clipboard.writeText($0).then(() => true, () => false)", kept)
                .then(
                        Boolean.class,
                        done -> status.setText(getTranslation(
                                Boolean.TRUE.equals(done) ? "vote.receipt.copied" : "vote.receipt.copy-failed"))));
        Button print = new Button(getTranslation("vote.receipt.print"), VaadinIcon.PRINT.create());
        print.setId("vote-receipt-print");
        print.addClickListener(e -> print.getElement().executeJs("window.print()"));
        Button download = new Button(getTranslation("vote.receipt.download"), VaadinIcon.DOWNLOAD.create());
        download.setId("vote-receipt-download");
        download.addClickListener(e -> download.getElement()
                .executeJs(
                        "const link = document.createElement('a');"
                                + " link.href = URL.createObjectURL(new Blob([$0], {type: 'text/plain;charset=utf-8'}));"
                                + " link.download = $1; document.body.appendChild(link); link.click(); link.remove();",
                        kept,
                        "openplaza-vote-" + id + "-receipt.txt"));
        HorizontalLayout actions = new HorizontalLayout(copy, print, download, status);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        actions.addClassName("no-print");
        return actions;
    }

    /** A count that failed its checks: no result, and why in plain words. */
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
        area.add(published(vote, results.get()));
        return area;
    }

    private void stopPolling() {
        if (poll != null) {
            poll.remove();
            poll = null;
            UI.getCurrent().setPollInterval(-1);
        }
    }

    private Div published(VoteInfo vote, Results results) {
        Div box = new Div();
        box.add(new H2(getTranslation("results.open-data")));
        if (vote.ballotsDataset() == null) {
            box.add(new Paragraph(getTranslation("results.not-published")));
            return box;
        }
        Anchor dataset = new Anchor("dataset/" + vote.ballotsDataset(), getTranslation("results.dataset"));
        dataset.setId("results-dataset");
        box.add(new Paragraph(getTranslation("results.how-to-recount")), dataset);
        Div report = new Div();
        report.setId("recount-report");
        Button again = new Button(getTranslation("results.recount"));
        again.setId("results-recount");
        again.addClickListener(e -> {
            again.setEnabled(false);
            report.removeAll();
            report.add(new ProgressBar() {
                {
                    setIndeterminate(true);
                    getElement().setAttribute("aria-label", getTranslation("results.recounting"));
                }
            });
            UI ui = UI.getCurrent();
            ui.setPollInterval(500);
            var auth = SecurityContextHolder.getContext().getAuthentication();
            CompletableFuture.supplyAsync(() -> {
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(auth);
                        SecurityContextHolder.setContext(context);
                        try {
                            return recount.recount(vote, results);
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    })
                    .whenComplete((found, failure) -> ui.access(() -> {
                        ui.setPollInterval(-1);
                        again.setEnabled(true);
                        report.removeAll();
                        report.add(recountReport(found, failure));
                        counting.forget(id);
                    }));
        });
        box.add(again, report, lookUp());
        return box;
    }

    private Paragraph recountReport(Recount.Report found, Throwable failure) {
        Paragraph text;
        if (failure != null) {
            text = new Paragraph(getTranslation("results.recount-failed"));
        } else if (found.matches()) {
            text = new Paragraph(getTranslation("results.recount-matches", found.rows(), found.voters()));
        } else {
            StringBuilder why = new StringBuilder(getTranslation("results.recount-differs"));
            if (found.firstBadRow() != null) {
                why.append(' ').append(getTranslation("results.recount-bad-row", found.firstBadRow()));
            }
            if (found.rows() != found.voters()) {
                why.append(' ').append(getTranslation("results.recount-voters"));
            }
            if (Boolean.FALSE.equals(found.signatureHolds())) {
                why.append(' ').append(getTranslation("results.recount-signature"));
            }
            if (!found.countMatches()) {
                why.append(' ').append(getTranslation("results.recount-count"));
            }
            if (!found.box().intact()) {
                why.append(' ')
                        .append(getTranslation(
                                "results.chain-broken", found.box().firstBadPosition()));
            }
            text = new Paragraph(why.toString());
        }
        text.addClassName(failure == null && found.matches() ? "success" : "error");
        text.getElement().setAttribute("role", "status");
        return text;
    }

    private Div lookUp() {
        Div box = new Div();
        box.add(new H2(getTranslation("receipt.title")));
        TextField code = new TextField(getTranslation("receipt.code"));
        code.setId("receipt-code");
        code.setMaxLength(40);
        Div result = new Div();
        result.setId("receipt-result");
        Button find = new Button(getTranslation("receipt.find"), e -> {
            result.removeAll();
            Optional<CountService.Inclusion> found = counts.lookUp(id, code.getValue());
            if (found.isEmpty()) {
                result.add(new Paragraph(getTranslation("receipt.none")));
                return;
            }
            result.add(new Paragraph(getTranslation("receipt.counted")));
            CountService.Inclusion in = found.get();
            if (in.count() != null) {
                Paragraph proof = new Paragraph(getTranslation(
                        "receipt.proof",
                        in.position(),
                        in.count().boxBallots(),
                        in.ballotHash(),
                        in.path().isEmpty() ? "-" : String.join(" ", in.path()),
                        in.count().text(),
                        in.count().signature()));
                proof.setId("receipt-proof");
                proof.addClassName("hash");
                result.add(proof);
            }
        });
        find.setId("receipt-find");
        HorizontalLayout line = new HorizontalLayout(code, find);
        line.setAlignItems(Alignment.BASELINE);
        box.add(new Paragraph(getTranslation("receipt.help")), line, result);
        return box;
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
