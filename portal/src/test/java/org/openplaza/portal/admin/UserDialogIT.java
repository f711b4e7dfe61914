package org.openplaza.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.Account;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.Registration;
import org.openplaza.accounts.Role;
import org.openplaza.accounts.SecondFactors;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.security.RecentSignIn;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An account opened by an administrator, without a browser: a resident verified with her district
 * and date of birth, the administrator's own administrator role kept with the reason said (in
 * Korean too), and an official who reaches the dialog's save anyway refused by the service. (The
 * password asked again before a binding change runs in the browser in AdministrationIT.)
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class UserDialogIT {

    @Autowired
    AccountService accounts;

    @Autowired
    RecentSignIn recentSignIn;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    Clock clock;

    private final AtomicInteger saved = new AtomicInteger();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Signed in just now: a binding change asks no password again. */
    private void signedInJustNowAs(String username, String... roles) {
        MockUi.signIn(username, roles);
        VaadinSession.getCurrent().getSession().setAttribute(RecentSignIn.ATTRIBUTE, clock.instant());
    }

    private Account account(String username) {
        return accounts.search(username, 0, 10).stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow();
    }

    private UserDialog dialogFor(Account account) {
        UserDialog dialog = new UserDialog(accounts, account, saved::incrementAndGet, recentSignIn, secondFactors);
        UI.getCurrent().add(dialog);
        dialog.open();
        return dialog;
    }

    @Test
    void an_administrator_verifies_a_resident_with_her_district_and_date_of_birth() {
        String username = "resident" + System.nanoTime() % 1_000_000_000L;
        accounts.register(
                new Registration(username, "Resident " + username, username + "@example.org", "a long passphrase 42"));
        signedInJustNowAs("admin", "ADMIN");
        UserDialog dialog = dialogFor(account(username));
        assertThat(dialog.verified.getValue()).isFalse();
        assertThat(dialog.roles.getValue()).containsExactly(Role.CITIZEN);

        dialog.verified.setValue(true);
        dialog.district.setValue("  Gangnam-gu ");
        dialog.birthDate.setValue(LocalDate.of(1990, 5, 17));
        LocatorJ._click(dialog.save);

        NotificationsKt.expectNotifications("The account was updated.");
        assertThat(saved).hasValue(1);
        assertThat(dialog.isOpened()).isFalse();
        Account after = account(username);
        assertThat(after.verifiedResident()).isTrue();
        assertThat(after.district()).isEqualTo("Gangnam-gu");
        assertThat(after.birthDate()).isEqualTo(LocalDate.of(1990, 5, 17));
    }

    @Test
    void an_administrator_keeps_their_own_administrator_role_and_is_told_why() {
        signedInJustNowAs("admin", "ADMIN");
        UserDialog dialog = dialogFor(account("admin"));
        dialog.roles.setValue(EnumSet.of(Role.CITIZEN));
        LocatorJ._click(dialog.save);
        NotificationsKt.expectNotifications("You cannot remove your own administrator role.");
        assertThat(dialog.isOpened()).as("open, to mend the choice").isTrue();
        assertThat(saved).hasValue(0);
        assertThat(account("admin").roles()).contains(Role.ADMIN);

        UI.getCurrent().setLocale(Locale.KOREAN);
        UserDialog korean = dialogFor(account("admin"));
        korean.roles.setValue(EnumSet.of(Role.CITIZEN));
        LocatorJ._click(korean.save);
        NotificationsKt.expectNotifications("자신의 관리자 역할은 없앨 수 없습니다.");
    }

    @Test
    void an_official_who_reaches_the_save_anyway_is_refused_by_the_service() {
        signedInJustNowAs("admin", "ADMIN");
        UserDialog dialog = dialogFor(account("citizen"));
        dialog.roles.setValue(EnumSet.of(Role.CITIZEN, Role.ADMIN));
        // the screen is the administrators' only, and so is building it; the save is checked again
        SecurityContextHolder.clearContext();
        signedInJustNowAs("official", "OFFICIAL", "CITIZEN");
        assertThatThrownBy(() -> LocatorJ._click(dialog.save))
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(AccessDeniedException.class),
                        e -> assertThat(e).hasRootCauseInstanceOf(AccessDeniedException.class));

        signedInJustNowAs("admin", "ADMIN");
        assertThat(account("citizen").roles()).doesNotContain(Role.ADMIN);
    }
}
