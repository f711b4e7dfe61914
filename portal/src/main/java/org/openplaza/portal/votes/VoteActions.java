package org.openplaza.portal.votes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.openplaza.portal.layout.ReasonDialog;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.voting.VoteCounting;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;

/**
 * What the official running a vote may do on its page: close it early (and start the count) while
 * it is open, cancel it before it closes; each with a reason, after the password again.
 */
class VoteActions extends HorizontalLayout {

    private final RecentSignIn recentSignIn;

    VoteActions(VoteInfo vote, VoteService votes, VoteCounting counting, RecentSignIn recentSignIn, Runnable reload) {
        this.recentSignIn = recentSignIn;
        long id = vote.id();
        HorizontalLayout actions = this;
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
                                reload.run();
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
                            reload)));
            cancel.setId("vote-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
    }

    /** An official's act on the vote (closing early, cancelling): binding for everyone. */
    private void withFreshPasswordForAll(Runnable then) {
        org.openplaza.portal.security.PasswordCheck.thenRun(recentSignIn, "reauth.why.binding", then);
    }
}
