package org.openplaza.portal.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountException;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.ApiTokenService;
import org.openplaza.accounts.PasswordPolicy;
import org.openplaza.accounts.Registration;
import org.openplaza.accounts.SecondFactors;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.portal.security.Sessions;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A citizen's own account page without a browser: each problem of a new password marked on the
 * field it belongs to (in English and Korean) with the password unchanged, then a change that
 * takes; whether the account may vote; an official's API token created, its secret shown once,
 * and revoked. (Signing out of other sessions and the authenticator app run in the browser in SessionsIT
 * and SecondFactorIT.)
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class AccountViewIT {

    private static final String PASSWORD = "a long passphrase 42";

    @Autowired
    AccountService accounts;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    Sessions sessions;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    RecentSignIn recentSignIn;

    private String username;

    @BeforeEach
    void aNewCitizen() {
        username = "acct" + System.nanoTime() % 1_000_000_000L;
        accounts.register(new Registration(username, "Account " + username, username + "@example.org", PASSWORD));
        MockUi.signIn(username, "CITIZEN");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private AccountView page() {
        AccountView view =
                new AccountView(accounts, policy, tokens, visualisations, sessions, secondFactors, recentSignIn);
        UI.getCurrent().add(view);
        return view;
    }

    private static void change(AccountView view, String current, String next, String again) {
        view.currentPassword.setValue(current);
        view.newPassword.setValue(next);
        view.confirm.setValue(again);
        _click(view.change);
    }

    @Test
    void the_details_say_whether_the_account_may_vote_and_only_officials_and_administrators_have_tokens() {
        AccountView unverified = page();
        assertThat(_get(unverified, VerticalLayout.class, spec -> spec.withId("account-details"))
                        .getElement()
                        .getTextRecursively())
                .contains(username)
                .contains("You are not yet verified as a resident; you can take part in everything but votes.");
        assertThat(_find(unverified, TokensPanel.class)).isEmpty();

        MockUi.signIn("citizen", "CITIZEN");
        AccountView citizen = page();
        assertThat(_get(citizen, VerticalLayout.class, spec -> spec.withId("account-details"))
                        .getElement()
                        .getTextRecursively())
                .contains("You are verified as a resident and may vote.");

        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        assertThat(_find(page(), TokensPanel.class)).hasSize(1);
    }

    @Test
    void an_official_creates_a_token_whose_secret_is_shown_once_and_revokes_it() {
        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        TokensPanel panel = _get(page(), TokensPanel.class);
        int before = GridKt._size(panel.grid);
        _click(panel.create);
        assertThat(panel.name.isInvalid()).as("a token needs a name").isTrue();
        assertThat(panel.name.getErrorMessage()).isNotBlank();
        assertThat(panel.secret.isVisible()).isFalse();

        String name = "Sensor uploader " + System.nanoTime();
        panel.name.setValue(name);
        _click(panel.create);
        assertThat(panel.name.isInvalid()).isFalse();
        assertThat(panel.secret.isVisible()).isTrue();
        String secret = panel.secret.getText().replaceFirst("^.*(opz_\\S+).*$", "$1");
        assertThat(panel.secret.getText()).startsWith("Your new token, shown only this once: opz_");
        assertThat(tokens.authenticate(secret))
                .as("the secret shown is the token's")
                .isPresent();
        assertThat(GridKt._size(panel.grid)).isEqualTo(before + 1);
        int row = tokens.mine().stream().map(t -> t.name()).toList().indexOf(name);
        assertThat(GridKt._getFormattedRow(panel.grid, row).get(0)).isEqualTo(name);

        _click(_get(
                GridKt._getCellComponent(panel.grid, row, "status"), com.vaadin.flow.component.button.Button.class));
        assertThat(tokens.authenticate(secret)).as("revoked").isEmpty();
        assertThat(((com.vaadin.flow.component.html.Paragraph) GridKt._getCellComponent(panel.grid, row, "status"))
                        .getText())
                .isEqualTo("Revoked");

        TokensPanel again = _get(page(), TokensPanel.class);
        assertThat(again.secret.isVisible())
                .as("shown once: not on the next visit")
                .isFalse();
    }

    @Test
    void each_problem_of_a_new_password_is_marked_on_its_field_and_nothing_changes() {
        AccountView view = page();
        change(view, PASSWORD, "another long phrase 7", "another long phrase 8");
        assertThat(view.confirm.isInvalid()).isTrue();
        assertThat(view.confirm.getErrorMessage()).isEqualTo("The two passwords are not the same.");

        change(view, "not my password", "another long phrase 7", "another long phrase 7");
        assertThat(view.confirm.isInvalid()).as("mended").isFalse();
        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("The current password is not correct.");

        change(view, PASSWORD, "short", "short");
        assertThat(view.currentPassword.isInvalid()).isFalse();
        assertThat(view.newPassword.isInvalid()).isTrue();
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("The password is too short.");

        change(view, PASSWORD, PASSWORD, PASSWORD);
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("The new password must differ from the current one.");
        NotificationsKt.expectNoNotifications();

        UI.getCurrent().setLocale(Locale.KOREAN);
        AccountView korean = page();
        change(korean, "not my password", "another long phrase 7", "another long phrase 7");
        assertThat(korean.currentPassword.getErrorMessage()).isEqualTo("현재 비밀번호가 올바르지 않습니다.");

        assertThatThrownBy(() -> accounts.changePassword("another long phrase 7", "yet another long phrase 9"))
                .as("the password is still the first one")
                .isInstanceOf(AccountException.class);
    }

    @Test
    void a_good_new_password_takes_and_the_fields_are_emptied() {
        AccountView view = page();
        change(view, PASSWORD, "another long phrase 7", "another long phrase 7");
        NotificationsKt.expectNotifications("Your password was changed.");
        assertThat(view.currentPassword.getValue()).isEmpty();
        assertThat(view.newPassword.getValue()).isEmpty();
        assertThat(view.confirm.getValue()).isEmpty();
        assertThat(view.newPassword.isInvalid()).isFalse();
        // the new one is the current one now
        accounts.changePassword("another long phrase 7", "yet another long phrase 9");
    }
}
