package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pages check the role on the server: typing an address is no way around hidden links. */
class AccessControlIT extends BrowserTest {

    @Test
    void a_citizen_opening_an_officials_or_administrators_address_is_refused() throws Exception {
        signIn("citizen", "plaza-citizen-demo");
        open("/publish");
        assertThat(find("#access-denied").getText()).isEqualTo("Access denied");
        assertThat(present("#publish-title")).isFalse();
        assertAccessible("access denied");
        open("/admin/users");
        assertThat(find("#access-denied").getText()).isEqualTo("Access denied");
        assertThat(present("#users-grid")).isFalse();
        for (String denied : new String[] {"/publish", "/admin/users", "/admin/audit"}) {
            var first = fetchInThisSession(denied);
            assertThat(first.statusCode()).as("the first load of %s", denied).isEqualTo(403);
            assertThat(first.body())
                    .as("still the page shell, which draws the denial")
                    .containsIgnoringCase("<html");
        }
        assertThat(fetchInThisSession("/account").statusCode())
                .as("a page the citizen may open")
                .isEqualTo(200);
        assertThat(fetchInThisSession("/catalog").statusCode()).isEqualTo(200);
    }

    @Test
    void an_official_cannot_open_the_administration() throws Exception {
        signIn("official", "plaza-official-demo");
        open("/admin/audit");
        assertThat(find("#access-denied").isDisplayed()).isTrue();
        assertThat(present("#audit-grid")).isFalse();

        java.net.http.HttpResponse<String> export = fetchInThisSession("/admin/audit.csv");
        assertThat(export.statusCode()).as("the export, asked for directly").isEqualTo(403);
        assertThat(export.body()).doesNotContain("seal_no");
    }

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in_first() {
        open("/admin/users");
        assertThat(currentPath()).startsWith("/login");
        assertThat(present("#users-grid")).isFalse();
    }

    @Test
    void after_signing_out_the_protected_pages_are_closed_again() {
        signIn("admin", "plaza-admin-demo-key");
        click("#sign-out");
        open("/admin/users");
        assertThat(currentPath()).startsWith("/login");
    }
}
