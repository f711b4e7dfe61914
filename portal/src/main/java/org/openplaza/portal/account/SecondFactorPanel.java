package org.openplaza.portal.account;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.openplaza.accounts.AccountException;
import org.openplaza.accounts.PendingSignIn;
import org.openplaza.accounts.SecondFactors;
import org.openplaza.portal.security.PasswordCheck;
import org.openplaza.portal.security.RecentSignIn;

/**
 * Two-step sign-in on the account page: whether it is on, setting up an app (or a new phone), new
 * recovery codes, and, for citizens, turning it off. Each change asks for the password again when
 * the sign-in is old. Recovery codes are shown once, when made.
 */
class SecondFactorPanel extends VerticalLayout {

    final Paragraph status = new Paragraph();
    final Button setUp = new Button();
    final Button renew = new Button();
    final Button turnOff = new Button();

    private final SecondFactors secondFactors;

    SecondFactorPanel(SecondFactors secondFactors, RecentSignIn recentSignIn) {
        this.secondFactors = secondFactors;
        setId("second-factor");
        setPadding(false);
        status.setId("second-factor-status");
        setUp.setId("second-factor-set-up");
        setUp.addClickListener(e -> PasswordCheck.thenRun(recentSignIn, "second-factor.reauth", this::offer));
        renew.setId("second-factor-renew");
        renew.setText(getTranslation("second-factor.renew"));
        renew.addClickListener(e -> PasswordCheck.thenRun(
                recentSignIn, "second-factor.reauth", () -> showCodes(secondFactors.renewMyRecoveryCodes())));
        turnOff.setId("second-factor-turn-off");
        turnOff.setText(getTranslation("second-factor.turn-off"));
        turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
        turnOff.addClickListener(e -> PasswordCheck.thenRun(recentSignIn, "second-factor.reauth", this::turnOff));
        FlexLayout actions = new FlexLayout(setUp, renew, turnOff);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("actions");
        add(
                new H2(getTranslation("second-factor.title")),
                new Paragraph(getTranslation("second-factor.intro")),
                status,
                actions);
        refresh();
    }

    /** The codes made as this session's sign-in set up its first app, shown here once. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        var session = VaadinSession.getCurrent() == null
                ? null
                : VaadinSession.getCurrent().getSession();
        if (session != null && session.getAttribute(PendingSignIn.FRESH_RECOVERY_CODES) instanceof List<?> codes) {
            session.removeAttribute(PendingSignIn.FRESH_RECOVERY_CODES);
            showCodes(codes.stream().map(String::valueOf).toList());
        }
    }

    private void refresh() {
        SecondFactors.Status mine = secondFactors.mine();
        status.setText(
                mine.enrolled()
                        ? getTranslation("second-factor.on", mine.recoveryCodesLeft())
                        : getTranslation(mine.required() ? "second-factor.required" : "second-factor.off"));
        setUp.setText(getTranslation(mine.enrolled() ? "second-factor.new-phone" : "second-factor.set-up"));
        if (!mine.enrolled()) {
            setUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            setUp.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        renew.setVisible(mine.enrolled());
        turnOff.setVisible(mine.enrolled() && !mine.required());
    }

    private void offer() {
        SecondFactors.Enrolment enrolment = secondFactors.offerMine();
        Dialog dialog = new Dialog();
        dialog.setId("second-factor-dialog");
        dialog.setHeaderTitle(getTranslation("second-step.setup.title"));
        TextField code = new TextField(getTranslation("second-step.setup.code"));
        code.setId("second-factor-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(40);
        Button confirm = new Button(getTranslation("second-factor.confirm"), e -> {
            try {
                List<String> codes = secondFactors.enrolMine(enrolment, code.getValue());
                dialog.close();
                refresh();
                showCodes(codes);
            } catch (AccountException wrong) {
                code.setErrorMessage(getTranslation(wrong.messageKey()));
                code.setInvalid(true);
            }
        });
        confirm.setId("second-factor-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new AuthenticatorSetup(enrolment), code);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
        code.focus();
    }

    private void turnOff() {
        try {
            secondFactors.removeMine();
        } catch (AccountException refused) {
            Notification.show(getTranslation(refused.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        refresh();
        Notification.show(getTranslation("second-factor.turned-off"))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** New recovery codes, shown once with what they are for. */
    private void showCodes(List<String> codes) {
        Dialog dialog = new Dialog();
        dialog.setId("recovery-codes-dialog");
        dialog.setHeaderTitle(getTranslation("second-factor.codes.title"));
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        codes.forEach(c -> list.add(new ListItem(c)));
        Button done = new Button(getTranslation("second-factor.codes.done"), e -> {
            dialog.close();
            refresh();
        });
        done.setId("recovery-codes-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("second-factor.codes.text")), list);
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }
}
