package org.openplaza.portal.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.accounts.PendingSignIn;
import org.openplaza.accounts.SecondFactors;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The second step of signing in without a browser, by its address: without a sign-in half done it
 * sends the browser back to the password; with one, it asks for the app's code (or a recovery code)
 * in a form posted to the second-step filter, says why a code was refused or held back, and for an
 * official without an app first shows the key to add to one. (The codes themselves are checked in
 * SecondFactorIT, in the browser, and in the module's tests.)
 */
@ExtendWith(MockUi.class)
@RunningPortal
class SecondStepViewIT {

    private static void halfSignedIn(String username, String role, SecondFactors.@Nullable Enrolment enrolment) {
        var passed = new UsernamePasswordAuthenticationToken(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(passed, enrolment, Instant.now()));
    }

    private static String message(SecondStepView view) {
        return view.message.isVisible() ? view.message.getText() : "";
    }

    @Test
    void without_a_sign_in_half_done_the_page_sends_the_browser_back_to_the_password() {
        UI.getCurrent().navigate("login/code");
        assertThat(_find(LoginView.class)).hasSize(1);
        assertThat(_find(SecondStepView.class)).isEmpty();
    }

    @Test
    void a_citizen_half_signed_in_is_asked_for_the_apps_code_in_a_form_posted_to_the_second_step() {
        halfSignedIn("citizen", "CITIZEN", null);
        SecondStepView view = MockUi.navigate("login/code", SecondStepView.class);
        assertThat(_get(view, H1.class).getText()).isEqualTo("Enter your sign-in code");
        SecondStepView.Form form = _get(view, SecondStepView.Form.class, spec -> spec.withId("second-step-form"));
        assertThat(form.getElement().getAttribute("method")).isEqualTo("post");
        assertThat(form.getElement().getAttribute("action")).isEqualTo("login/code");
        Input code = _get(form, Input.class, spec -> spec.withId("second-step-code"));
        assertThat(code.getElement().getAttribute("name")).isEqualTo("code");
        assertThat(code.getElement().getAttribute("autocomplete")).isEqualTo("one-time-code");
        assertThat(_get(form, NativeLabel.class).getText()).isEqualTo("Code from your app, or a recovery code");
        assertThat(message(view)).isEmpty();
        assertThat(_find(view, AuthenticatorSetup.class)).isEmpty();
    }

    @Test
    void a_wrong_code_and_too_many_are_each_said_in_an_alert() {
        halfSignedIn("citizen", "CITIZEN", null);
        SecondStepView wrong = MockUi.navigate("login/code?error", SecondStepView.class);
        assertThat(message(wrong)).startsWith("That code is not right.");
        assertThat(wrong.message.getElement().getAttribute("role")).isEqualTo("alert");
        UI.getCurrent().navigate("");
        SecondStepView held = MockUi.navigate("login/code?throttled", SecondStepView.class);
        assertThat(message(held)).startsWith("Too many wrong codes have been given for this account.");
    }

    @Test
    void an_official_without_an_app_is_shown_the_key_to_add_first() {
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        halfSignedIn(
                "official",
                "OFFICIAL",
                new SecondFactors.Enrolment(
                        "official",
                        secret,
                        "otpauth://totp/OpenPlaza:official?secret=" + secret + "&issuer=OpenPlaza"));
        SecondStepView view = MockUi.navigate("login/code?error", SecondStepView.class);
        assertThat(_get(view, H1.class).getText()).isEqualTo("Set up two-step sign-in");
        assertThat(_get(view, Span.class, spec -> spec.withId("authenticator-key"))
                        .getText()
                        .replace(" ", ""))
                .isEqualTo(secret);
        assertThat(_get(view, NativeLabel.class).getText()).isEqualTo("Six-digit code from the app");
        assertThat(message(view)).startsWith("That code does not match the key.");
    }

    @Test
    void the_page_speaks_korean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        halfSignedIn("citizen", "CITIZEN", null);
        SecondStepView view = MockUi.navigate("login/code", SecondStepView.class);
        assertThat(_get(view, H1.class).getText()).isEqualTo("로그인 코드 입력");
    }
}
