package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A production start: nothing is seeded, the first administrator comes from configuration and
 * must choose a new password before doing anything else.
 */
@ActiveProfiles("prod")
@TestPropertySource(
        properties = {
            "openplaza.accounts.bootstrap-admin.username=chief",
            "openplaza.accounts.bootstrap-admin.password=initial secret from the environment",
            "openplaza.accounts.bootstrap-admin.email=chief@city.example"
        })
class FirstAdministratorIT extends BrowserTest {

    @Test
    void the_bootstrapped_administrator_must_change_the_password_before_anything_else() {
        open("/");
        assertThat(present("#demo-notice"))
                .as("prod seeds nothing and says nothing of demo accounts")
                .isFalse();
        assertThat(present("#demo-badge")).as("nor calls itself a demo").isFalse();
        signIn("citizen", "plaza-citizen-demo");
        assertThat(currentPath()).isEqualTo("/login?error");

        signIn("chief", "initial secret from the environment");
        assertThat(currentPath()).isEqualTo("/account");
        assertThat(find("#must-change-password").getText())
                .isEqualTo("You must choose a new password before you continue.");
        open("/admin/users");
        assertThat(currentPath())
                .as("every other page leads back to the account page")
                .isEqualTo("/account");
        assertThat(present("#users-grid")).isFalse();
        assertThat(find("#must-change-password").isDisplayed()).isTrue();

        type("#current-password", "initial secret from the environment");
        type("#new-password", "granite orchard whispers slowly");
        type("#confirm-password", "granite orchard whispers slowly");
        click("#change-password");
        assertThat(find("vaadin-notification-card").getText()).isEqualTo("Your password was changed.");
        open("/admin/users");
        assertThat(find("#users-grid").getText()).contains("chief");

        click("#sign-out");
        signIn("chief", "granite orchard whispers slowly");
        assertThat(currentPath()).isEqualTo("/");
    }
}
