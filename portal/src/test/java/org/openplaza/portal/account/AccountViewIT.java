package org.openplaza.portal.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
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
 * takes. (Signing out of other sessions and the authenticator app run in the browser in SessionsIT
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
