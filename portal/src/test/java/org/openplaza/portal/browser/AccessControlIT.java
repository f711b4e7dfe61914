package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pages check the role on the server: typing an address is no way around hidden links. */
class AccessControlIT extends BrowserTest {

    @Test
    void a_citizen_opening_an_officials_or_administrators_address_is_refused() throws Exception {
        signInWithTheForm("citizen", "plaza-citizen-demo");
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
    void a_mistyped_address_is_not_found_for_everyone_and_answers_404() throws Exception {
        open("/no-such-page");
        assertThat(pathOnly())
                .as("not sent to sign in for a page that does not exist")
                .isEqualTo("/no-such-page");
        assertThat(find("#not-found").getText()).isEqualTo("Page not found");
        assertAccessible("page not found");
        for (String nowhere :
                new String[] {"/no-such-page", "/dataset/no-such-dataset", "/proposal/987654321", "/vote/987654321"}) {
            var anonymous = fetchAnonymously(nowhere);
            assertThat(anonymous.statusCode())
                    .as("an anonymous first load of %s", nowhere)
                    .isEqualTo(404);
            assertThat(anonymous.headers().firstValue("Location")).as(nowhere).isEmpty();
        }
        assertThat(fetchAnonymously("/catalog").statusCode()).isEqualTo(200);
        assertThat(fetchAnonymously("/admin/users").statusCode())
                .as("a page that exists still asks for a sign-in")
                .isEqualTo(302);
        var export = fetchAnonymously("/admin/audit.csv");
        assertThat(export.statusCode())
                .as("a controller's address is not an unknown page")
                .isIn(302, 403);
        assertThat(export.body()).doesNotContain("seal_no");

        signIn("citizen", "plaza-citizen-demo");
        open("/dataset/no-such-dataset");
        assertThat(find("#not-found").isDisplayed()).isTrue();
        assertThat(fetchInThisSession("/dataset/no-such-dataset").statusCode()).isEqualTo(404);
        assertThat(fetchInThisSession("/no-such-page").statusCode()).isEqualTo(404);
    }

    private java.net.http.HttpResponse<String> fetchAnonymously(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
                                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void after_signing_out_the_protected_pages_are_closed_again() {
        signIn("admin", "plaza-admin-demo-key");
        click("#sign-out");
        open("/admin/users");
        assertThat(currentPath()).startsWith("/login");
    }
}
