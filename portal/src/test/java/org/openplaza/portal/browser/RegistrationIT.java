package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A visitor registers as a citizen, and the server's refusals reach the form. */
class RegistrationIT extends BrowserTest {

    private void fill(String username, String email, String password, String confirm) {
        open("/register");
        type("#register-username", username);
        type("#register-display-name", "María José Ortega");
        type("#register-email", email);
        type("#register-password", password);
        type("#register-confirm", confirm);
        click("#register-submit");
    }

    @Test
    void a_new_citizen_registers_and_is_signed_in_at_once() {
        fill("maria.ortega", "maria@example.org", "amber kettle drifts north", "amber kettle drifts north");
        waiting().until(d -> present("#account-link"));
        waitForVaadin();
        assertThat(find("#account-link").getText()).isEqualTo("maria.ortega");
        click("#account-link");
        assertThat(find("#account-details").getText())
                .contains("María José Ortega")
                .contains("You are not yet verified as a resident");
    }

    @Test
    void every_fields_problem_shows_at_once_with_the_minimum_password_length() {
        open("/register");
        assertThat(find("#register-password").getText())
                .as("the rule before typing")
                .containsIgnoringCase("at least 15 characters");
        fill("official", "not an address", "short", "shorter");
        assertThat(fieldError("#register-username")).isEqualTo("This username is already taken.");
        assertThat(fieldError("#register-email")).isNotBlank();
        assertThat(fieldError("#register-password")).contains("15");
        assertThat(fieldError("#register-confirm")).isEqualTo("The two passwords are not the same.");
        assertThat(js("return document.activeElement && document.activeElement.closest('#register-username') !== null"))
                .as("the focus on the first problem")
                .isEqualTo(true);
        assertAccessible("register with every error");
    }

    @Test
    void a_common_password_is_refused_with_a_clear_message() {
        fill("weak.choice", "weak@example.org", "passwordpassword", "passwordpassword");
        assertThat(fieldError("#register-password")).startsWith("This password is too common or too easy to guess");
        assertThat(currentPath()).isEqualTo("/register");
        assertAccessible("register with errors");
    }

    @Test
    void a_taken_username_and_mismatched_passwords_are_refused() {
        fill("official", "someone@example.org", "amber kettle drifts north", "amber kettle drifts north");
        assertThat(fieldError("#register-username")).isEqualTo("This username is already taken.");

        fill("another.name", "another@example.org", "amber kettle drifts north", "amber kettle drifts south");
        assertThat(fieldError("#register-confirm")).isEqualTo("The two passwords are not the same.");
    }

    @Test
    void a_browser_that_fakes_the_work_against_automated_sign_ups_is_refused() {
        open("/register");
        // a script that answers the proof of work without doing it: every hash "starts with zeros"
        js("crypto.subtle.digest = async () => new Uint8Array(32).buffer;");
        type("#register-username", "fake.worker");
        type("#register-display-name", "Fake Worker");
        type("#register-email", "fake.worker@example.org");
        type("#register-password", "amber kettle drifts north");
        type("#register-confirm", "amber kettle drifts north");
        click("#register-submit");
        assertThat(fieldError("#register-password"))
                .isEqualTo("The check that stops automated sign-ups did not pass. Please press Register again.");
        assertThat(currentPath()).isEqualTo("/register");
        signIn("fake.worker", "amber kettle drifts north");
        assertThat(currentPath()).as("no account was made").isEqualTo("/login?error");
    }
}
