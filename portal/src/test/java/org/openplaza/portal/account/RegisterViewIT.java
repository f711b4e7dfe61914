package org.openplaza.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.PasswordPolicy;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Registration's form without a browser: every field's problem at once, each on its field with
 * the rule spelt out, in English and Korean, and no account made. (The proof of work and the
 * sign-in that follow run in the browser: see the browser tests.)
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class RegisterViewIT {

    @Autowired
    AccountService accounts;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    Clock clock;

    private RegisterView form() {
        RegisterView view = new RegisterView(accounts, policy, clock, 1);
        UI.getCurrent().add(view);
        view.username.setValue("citizen");
        view.displayName.setValue("Another Kim");
        view.email.setValue("not an address");
        view.password.setValue("short");
        view.confirm.setValue("shorter");
        return view;
    }

    @Test
    void every_problem_is_shown_at_once_on_its_field_and_nothing_is_made() {
        RegisterView view = form();
        LocatorJ._click(view.submit);
        assertThat(view.username.getErrorMessage()).isEqualTo("This username is already taken.");
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter a valid email address.");
        assertThat(view.password.getErrorMessage())
                .isEqualTo("The password is too short: it needs at least " + policy.minLength() + " characters.");
        assertThat(view.confirm.getErrorMessage()).isEqualTo("The two passwords are not the same.");
        assertThat(view.displayName.isInvalid()).isFalse();
        assertThat(view.submit.isEnabled())
                .as("no check against automated sign-ups was started")
                .isTrue();

        UI.getCurrent().setLocale(Locale.KOREAN);
        RegisterView korean = form();
        LocatorJ._click(korean.submit);
        assertThat(korean.username.getErrorMessage()).isEqualTo("이미 사용 중인 사용자 이름입니다.");
        assertThat(korean.password.getErrorMessage()).contains(String.valueOf(policy.minLength()));
        assertThat(korean.confirm.getErrorMessage()).isEqualTo("두 비밀번호가 같지 않습니다.");
    }
}
