package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login CSRF: a page on another site posts the attacker's name and password to the sign-in, so
 * that the visitor's browser ends up signed in as the attacker (and whatever they do next, a
 * proposal, a saved chart, lands in the attacker's account). The portal refuses such a post; its
 * own sign-in page, and a client that is not a browser, still sign in.
 */
@RunningPortal
class LoginCsrfIT {

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> signIn(Map<String, String> headers) throws Exception {
        String form = "username=citizen&password=" + URLEncoder.encode("plaza-citizen-demo", StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean signedIn(HttpResponse<String> response) {
        return response.statusCode() == 302
                && !response.headers().firstValue("Location").orElse("").contains("/login");
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused() throws Exception {
        for (Map<String, String> foreign : java.util.List.of(
                Map.of("Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"),
                Map.of("Origin", "http://evil.example"),
                Map.of("Origin", "http://localhost:" + port + ".evil.example"),
                Map.of("Origin", "null"),
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-site"))) {
            HttpResponse<String> response = signIn(foreign);
            assertThat(response.statusCode()).as("posted with %s", foreign).isEqualTo(403);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as("no session for %s", foreign)
                    .isEmpty();
        }
    }

    @Test
    void the_portals_own_page_and_a_script_still_sign_in() throws Exception {
        assertThat(signedIn(signIn(Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"))))
                .as("from the portal's own page")
                .isTrue();
        assertThat(signedIn(signIn(Map.of("Origin", "http://LOCALHOST:" + port))))
                .as("from an older browser that sends Origin only")
                .isTrue();
        assertThat(signedIn(signIn(Map.of()))).as("from a script").isTrue();
    }
}
