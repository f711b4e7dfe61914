package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.Registration;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Targeted lockout: someone who knows a citizen's username fails to sign in as them until the
 * portal holds the username back. The citizen's own browser, which signed in before and holds the
 * portal's device cookie, still signs in; a browser without it is held back like the attacker.
 */
@RunningPortal
class SignInLockoutIT {

    static final String PASSWORD = "copper kettle under moonlight";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> signIn(String username, String password, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String landing(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void guessing_at_a_username_does_not_lock_out_the_browser_its_owner_signed_in_with() throws Exception {
        String username = "lockout" + Long.toString(System.nanoTime(), 36).substring(0, 6);
        accounts.register(new Registration(username, "Lockout Target", username + "@example.org", PASSWORD));

        HttpResponse<String> first = signIn(username, PASSWORD, null);
        assertThat(landing(first)).doesNotContain("/login");
        String setCookie = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("openplaza_device="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/login")
                .contains("Max-Age=");
        String device = setCookie.substring(0, setCookie.indexOf(';'));

        for (int i = 0; i < 5; i++) {
            assertThat(landing(signIn(username, "a wrong guess " + i, null))).endsWith("/login?error");
        }
        assertThat(landing(signIn(username, PASSWORD, null)))
                .as("a browser never seen is held back")
                .endsWith("/login?throttled");
        assertThat(landing(signIn(username, PASSWORD, "openplaza_device=forged")))
                .as("so is one with a made-up cookie")
                .endsWith("/login?throttled");
        assertThat(landing(signIn(username, PASSWORD, device)))
                .as("the owner's browser signs in")
                .doesNotContain("/login");
    }
}
