package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The demo roles' first pages in the browser, each scanned with axe-core: the home page as a
 * visitor sees it, an official's account with its API tokens, the administrator's list of
 * accounts. Each role's menu is tested without a browser (MainLayoutIT); the other main pages are
 * scanned in the browser test of their own flow.
 */
class RolesIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.openplaza.catalog.CatalogService catalog;

    @Test
    void an_anonymous_visitor_sees_the_home_page_and_the_demo_accounts() {
        open("/");
        assertThat(find("h1").getText()).isEqualTo("Open data and participation for everyone");
        int published = catalog.countPublishedDatasets();
        assertThat(published)
                .as("the five demo files and the three participation datasets, and what other tests published")
                .isGreaterThanOrEqualTo(8);
        assertThat(find("#count-datasets").getText()).isEqualTo(String.valueOf(published));
        assertThat(find("#demo-notice").getText()).contains("This is a demonstration");
        assertThat(present("#sign-in-link")).isTrue();
        assertAccessible("home");
        open("/votes");
        assertThat((String) js("return getComputedStyle(document.querySelector('#votes-open a')).textDecorationLine"))
                .as("links in the list of votes are told apart without colour")
                .contains("underline");
    }

    @Test
    void an_official_creates_an_api_token_on_the_account_page() {
        // through the sign-in page's form and the code page, as a person signs in
        signInWithTheForm("official", "plaza-official-demo");
        click("#account-link");
        assertThat(find("#account-details").getText()).contains("official");
        assertThat(find("#tokens-grid").getText()).contains("Demo token (README example)");
        type("#token-name", "Weather office uploader");
        click("#token-create");
        assertThat(find("#token-secret").getText()).startsWith("Your new token, shown only this once: opz_");
        assertThat(find("#tokens-grid").getText()).contains("Weather office uploader");
        assertAccessible("account with API tokens");
    }

    @Test
    void an_administrator_lists_the_accounts() {
        signIn("admin", "plaza-admin-demo-key");
        open("/admin/users");
        assertThat(find("#users-grid").getText()).contains("newcomer").contains("official");
        assertAccessible("admin/users");
    }
}
