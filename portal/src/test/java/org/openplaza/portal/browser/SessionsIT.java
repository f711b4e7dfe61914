package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A citizen signed in on another device too sees both sessions on the account page and signs
 * out everywhere else: the other session is ended on the server, and the next request made with
 * it is turned away.
 */
class SessionsIT extends BrowserTest {

    private final HttpClient other =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Signs in as the user from "another device" and returns that session's cookie. */
    private String signInElsewhere(String username, String password) throws Exception {
        HttpResponse<String> signedIn = other.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private int statusWith(String cookie) throws Exception {
        return other.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/account"))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void a_citizen_signs_out_of_every_other_session_from_the_account_page() throws Exception {
        String elsewhere = signInElsewhere("newcomer", "plaza-newcomer-demo");
        assertThat(statusWith(elsewhere)).as("the other session works").isEqualTo(200);

        signIn("newcomer", "plaza-newcomer-demo");
        open("/account");
        assertThat(find("#account-session-list").findElements(By.tagName("li")))
                .extracting(e -> e.getText())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("This browser");
        assertAccessible("account with its sessions");

        click("#sign-out-others");
        assertThat(find("vaadin-notification-card").getText()).isEqualTo("Signed out of 1 other session.");
        assertThat(find("#account-session-list").findElements(By.tagName("li"))).hasSize(1);
        assertThat(statusWith(elsewhere))
                .as("the other session is turned away (to the home page)")
                .isEqualTo(302);
        assertThat(find("#sign-out-others").getAttribute("disabled"))
                .as("nothing left to sign out of")
                .isNotNull();
    }
}
