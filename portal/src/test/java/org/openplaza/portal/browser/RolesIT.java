package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each demo role sees after signing in, and every main page scanned with axe-core. */
class RolesIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.openplaza.catalog.CatalogService catalog;

    @Test
    void an_anonymous_visitor_browses_the_public_pages_and_sees_the_demo_accounts() {
        open("/");
        assertThat(find("h1").getText()).isEqualTo("Open data and participation for everyone");
        int published = catalog.countPublishedDatasets();
        assertThat(published)
                .as("the five demo files and the three participation datasets, and what other tests published")
                .isGreaterThanOrEqualTo(8);
        assertThat(find("#count-datasets").getText()).isEqualTo(String.valueOf(published));
        assertThat(find("#demo-notice").getText()).contains("This is a demonstration");
        assertThat(present("#nav-catalog")).isTrue();
        assertThat(present("#nav-publish")).isFalse();
        assertThat(present("#nav-admin-users")).isFalse();
        assertThat(present("#sign-in-link")).isTrue();
        assertAccessible("home");
        for (String page :
                new String[] {"/catalog", "/visualisations", "/proposals", "/votes", "/login", "/register"}) {
            open(page);
            assertThat(find("h1").isDisplayed()).isTrue();
            assertAccessible(page);
        }
        open("/votes");
        assertThat((String) js("return getComputedStyle(document.querySelector('#votes-open a')).textDecorationLine"))
                .as("links in the list of votes are told apart without colour")
                .contains("underline");
        open("/proposals");
        assertThat(find("#open-votes").getText())
                .as("the demo vote, open for 30 days")
                .contains("Should the city introduce the congestion charge?");
    }

    @Test
    void a_citizen_sees_the_public_sections_but_neither_publish_nor_administration() {
        signIn("citizen", "plaza-citizen-demo");
        assertThat(find("#account-link").getText()).isEqualTo("citizen");
        assertThat(present("#nav-proposals")).isTrue();
        assertThat(present("#nav-publish")).isFalse();
        assertThat(present("#nav-admin-users")).isFalse();
        click("#account-link");
        assertThat(find("#account-details").getText())
                .contains("citizen")
                .contains("You are verified as a resident and may vote.");
        assertAccessible("account");
    }

    @Test
    void an_official_sees_the_publish_workspace() {
        signIn("official", "plaza-official-demo");
        assertThat(present("#nav-publish")).isTrue();
        assertThat(present("#nav-admin-users")).isFalse();
        click("#nav-publish");
        assertThat(find("#publish-title").getText()).isEqualTo("Publish");
        assertAccessible("publish");
        click("#account-link");
        assertThat(find("#tokens-grid").getText()).contains("Demo token (README example)");
        type("#token-name", "Weather office uploader");
        click("#token-create");
        assertThat(find("#token-secret").getText()).startsWith("Your new token, shown only this once: opz_");
        assertThat(find("#tokens-grid").getText()).contains("Weather office uploader");
        assertAccessible("account with API tokens");
    }

    @Test
    void an_administrator_sees_the_administration_with_users_and_the_audit_log() {
        signIn("admin", "plaza-admin-demo-key");
        assertThat(present("#nav-admin-users")).isTrue();
        assertThat(present("#nav-publish")).isFalse();
        open("/admin/users");
        assertThat(find("#users-grid").getText()).contains("newcomer").contains("official");
        assertAccessible("admin/users");
        open("/admin/audit");
        assertThat(find("#audit-grid").getText()).contains("SIGN_IN");
        assertAccessible("admin/audit");
    }
}
