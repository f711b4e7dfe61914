package org.openplaza.portal.votes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.openplaza.platform.Refusal;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.voting.BallotService;
import org.openplaza.voting.Receipt;
import org.openplaza.voting.Standing;
import org.openplaza.voting.VoteInfo;

/**
 * Where a citizen votes: the ballot form of the vote's counting method (or why they may not vote),
 * a confirmation, the password again when the sign-in is old, and the refusal on the form; or,
 * having voted, the form that changes the ballot with its secret where changing is allowed.
 */
class BallotArea extends Div {

    private final BallotService ballots;
    private final RecentSignIn recentSignIn;
    private final long id;
    private final java.util.function.Consumer<Receipt> onCast;

    BallotArea(
            VoteInfo vote,
            BallotService ballots,
            RecentSignIn recentSignIn,
            java.util.function.Consumer<Receipt> onCast) {
        this.ballots = ballots;
        this.recentSignIn = recentSignIn;
        this.id = vote.id();
        this.onCast = onCast;
        setId("ballot-area");
        show(vote);
    }

    private void show(VoteInfo vote) {
        Div area = this;
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

    private void castNow(BallotForm form, Casting casting, TextField secretField) {
        try {
            Receipt receipt = casting.cast("");
            onCast.accept(receipt);
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
}
