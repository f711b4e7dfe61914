package org.openplaza.portal.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.openplaza.accounts.Account;
import org.openplaza.accounts.AccountException;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.ApiTokenService;
import org.openplaza.accounts.PasswordPolicy;
import org.openplaza.accounts.Role;
import org.openplaza.accounts.SecondFactors;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.portal.security.RecentSignIn;

/**
 * The signed-in user's own account: what it holds, changing the password, two-step sign-in, where
 * they are signed in, and an official's API tokens.
 */
@Route("account")
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    final Paragraph mustChange = new Paragraph();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button change = new Button();

    private final AccountService accounts;
    private final org.openplaza.portal.security.Sessions sessions;
    private final VerticalLayout signedIn = new VerticalLayout();

    public AccountView(
            AccountService accounts,
            PasswordPolicy policy,
            ApiTokenService tokens,
            org.openplaza.catalog.VisualisationService visualisations,
            org.openplaza.portal.security.Sessions sessions,
            SecondFactors secondFactors,
            RecentSignIn recentSignIn) {
        this.accounts = accounts;
        this.sessions = sessions;
        setMaxWidth("44rem");
        Account account = accounts.current().orElseThrow();
        add(new H1(getTranslation("account.title")));
        mustChange.setId("must-change-password");
        mustChange.setText(getTranslation("account.must-change"));
        mustChange.addClassName("notice");
        mustChange.setVisible(account.mustChangePassword());
        add(mustChange, details(account), mine(visualisations));

        org.openplaza.portal.layout.PasswordReveal.localised(currentPassword);
        org.openplaza.portal.layout.PasswordReveal.localised(newPassword);
        org.openplaza.portal.layout.PasswordReveal.localised(confirm);
        currentPassword.setId("current-password");
        currentPassword.setLabel(getTranslation("account.current-password"));
        newPassword.setId("new-password");
        newPassword.setLabel(getTranslation("account.new-password"));
        newPassword.setHelperText(getTranslation("register.password.help", policy.minLength()));
        confirm.setId("confirm-password");
        confirm.setLabel(getTranslation("register.confirm"));
        change.setId("change-password");
        change.setText(getTranslation("account.change-password"));
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> changePassword());
        FormLayout form = new FormLayout(currentPassword, newPassword, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H2(getTranslation("account.change-password")), form, change);
        signedIn.setId("account-sessions");
        signedIn.setPadding(false);
        add(new SecondFactorPanel(secondFactors, recentSignIn));
        add(signedIn);
        showSessions(account.username());
        if (account.has(Role.OFFICIAL) || account.has(Role.ADMIN)) {
            add(new TokensPanel(tokens));
        }
    }

    /** The user's own visualisations; hidden ones say why, so the owner learns of it here too. */
    private VerticalLayout mine(org.openplaza.catalog.VisualisationService visualisations) {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("account-visualisations");
        list.add(new H2(getTranslation("account.visualisations")));
        var own = visualisations.mine();
        if (own.isEmpty()) {
            list.add(new Paragraph(getTranslation("account.visualisations.none")));
        }
        for (var v : own) {
            Paragraph item =
                    new Paragraph(new com.vaadin.flow.component.html.Anchor("visualisation/" + v.id(), v.title()));
            item.add(new com.vaadin.flow.component.Text(
                    " · " + getTranslation("account.visualisations.figures", v.views(), v.likes())));
            if (v.hidden()) {
                com.vaadin.flow.component.html.Span hidden = new com.vaadin.flow.component.html.Span(
                        getTranslation("visualisation.hidden", v.hiddenReason()));
                hidden.addClassName("error");
                item.add(new com.vaadin.flow.component.Text(" · "), hidden);
            }
            list.add(item);
        }
        return list;
    }

    private VerticalLayout details(Account account) {
        VerticalLayout details = new VerticalLayout();
        details.setPadding(false);
        details.setSpacing(false);
        details.setId("account-details");
        details.add(new Paragraph(getTranslation("account.username") + ": " + account.username()));
        details.add(new Paragraph(getTranslation("account.display-name") + ": " + account.displayName()));
        details.add(new Paragraph(getTranslation("account.email") + ": " + account.email()));
        String roles = account.roles().stream()
                .sorted()
                .map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(", "));
        details.add(new Paragraph(getTranslation("account.roles") + ": " + roles));
        details.add(new Paragraph(
                getTranslation(account.verifiedResident() ? "account.verified.yes" : "account.verified.no")));
        return details;
    }

    /** Where the user is signed in, with a way to end every session but this one. */
    private void showSessions(String username) {
        signedIn.removeAll();
        signedIn.add(new H2(getTranslation("account.sessions")));
        var list = new com.vaadin.flow.component.html.UnorderedList();
        list.setId("account-session-list");
        var mine = sessions.of(username);
        for (var session : mine) {
            String when = Formats.dateTime(session.lastUsed(), getLocale());
            list.add(new com.vaadin.flow.component.html.ListItem(
                    session.current()
                            ? getTranslation("account.sessions.this", when)
                            : getTranslation("account.sessions.other", when)));
        }
        signedIn.add(list);
        Button others = new Button(getTranslation("account.sessions.end-others"), e -> {
            int ended = sessions.endOthers(username);
            Notification.show(getTranslation("account.sessions.ended", ended))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            showSessions(username);
        });
        others.setId("sign-out-others");
        others.setEnabled(mine.size() > 1);
        signedIn.add(others);
    }

    private void changePassword() {
        newPassword.setInvalid(false);
        currentPassword.setInvalid(false);
        confirm.setInvalid(false);
        if (!newPassword.getValue().equals(confirm.getValue())) {
            confirm.setErrorMessage(getTranslation("register.error.confirm-mismatch"));
            confirm.setInvalid(true);
            return;
        }
        try {
            accounts.changePassword(currentPassword.getValue(), newPassword.getValue());
        } catch (AccountException e) {
            PasswordField field = "currentPassword".equals(e.field()) ? currentPassword : newPassword;
            field.setErrorMessage(getTranslation(e.messageKey()));
            field.setInvalid(true);
            return;
        }
        VaadinSession.getCurrent().setAttribute(PasswordChangeGate.CHANGED, Boolean.TRUE);
        mustChange.setVisible(false);
        currentPassword.clear();
        newPassword.clear();
        confirm.clear();
        showSessions(accounts.current().orElseThrow().username());
        Notification done = Notification.show(getTranslation("account.password-changed"));
        done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        done.setId("password-changed");
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "account.title");
    }
}
