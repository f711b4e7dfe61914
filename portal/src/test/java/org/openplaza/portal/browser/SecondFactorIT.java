package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.Registration;
import org.openplaza.accounts.Role;
import org.openplaza.accounts.Totp;
import org.openplaza.platform.RunAs;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two-step sign-in in the browser: an administrator's code page, a wrong code and the right one; a
 * new official setting up an app at the first sign-in; a citizen turning it on from the account
 * page and signing in with a recovery code. Over plain HTTP, as an attacker with the password
 * alone: the half-done session opens nothing, and the right code posted without the code page's
 * CSRF token (as a page elsewhere would) signs nobody in.
 */
class SecondFactorIT extends BrowserTest {

    static final String PASSWORD = "copper meadow lantern drifts";

    @Autowired
    AccountService accounts;

    @Autowired
    RunAs runAs;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private void password(String username, String password) {
        open("/login");
        find("#vaadinLoginUsername input").sendKeys(username);
        find("#vaadinLoginPassword input").sendKeys(password, Keys.ENTER);
        waiting().until(d -> pathOnly().equals("/login/code"));
        waitForVaadin();
    }

    @Test
    void an_administrator_gives_the_apps_code_after_the_password() {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            password("admin", "plaza-admin-demo-key");
            assertThat(find("h1").getText()).isEqualTo("Enter your sign-in code");
            assertAccessible("second step at phone width");
            Object overflow = js("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(false);

            open("/admin/audit");
            assertThat(pathOnly()).as("the password alone opens no page").isEqualTo("/login");

            open("/login/code");
            String key = keyOf("admin");
            String right = nextCode("admin", key);
            String wrong = right.equals("000000") ? "111111" : "000000";
            find("#second-step-code").sendKeys(wrong, Keys.ENTER);
            waiting().until(d -> currentPath().equals("/login/code?error"));
            waitForVaadin();
            assertThat(find("#second-step-message").getText()).startsWith("That code is not right.");

            find("#second-step-code").sendKeys(right, Keys.ENTER);
            waiting().until(d -> !pathOnly().startsWith("/login"));
            waitForVaadin();
            open("/admin/audit");
            assertThat(pathOnly()).isEqualTo("/admin/audit");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void a_new_official_sets_up_an_app_at_the_first_sign_in_and_keeps_the_recovery_codes() {
        String username = "sf-official-" + System.nanoTime() % 100000;
        long id = accounts.register(new Registration(username, "New Official", username + "@example.org", PASSWORD))
                .id();
        runAs.run(admin(), () -> accounts.changeRoles(id, EnumSet.of(Role.CITIZEN, Role.OFFICIAL)));

        password(username, PASSWORD);
        assertThat(find("h1").getText()).isEqualTo("Set up two-step sign-in");
        assertThat(find("#authenticator-qr").getAttribute("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(find("#authenticator-qr").getAttribute("alt")).isNotBlank();
        assertAccessible("setting up the app at the first sign-in");
        String key = find("#authenticator-key").getText().replace(" ", "");
        assertThat(key).matches("[A-Z2-7]{32}");

        giveCode(username);
        assertThat(pathOnly())
                .as("the recovery codes are shown on the account page")
                .isEqualTo("/account");
        assertThat(recoveryCodesOf(username)).hasSize(10);
        assertThat(find("#second-factor-status").getText())
                .isEqualTo("Two-step sign-in is on. Recovery codes left: 10.");
        assertThat(present("#second-factor-turn-off") && displayed("#second-factor-turn-off"))
                .as("an official cannot turn it off")
                .isFalse();

        // signing in again asks for the app's code, and a recovery code does instead
        driver.manage().deleteAllCookies();
        password(username, PASSWORD);
        assertThat(present("#authenticator-key")).isFalse();
        find("#second-step-code").sendKeys(recoveryCodesOf(username).get(0), Keys.ENTER);
        waiting().until(d -> !pathOnly().startsWith("/login"));
        open("/account");
        assertThat(find("#second-factor-status").getText()).endsWith("Recovery codes left: 9.");
    }

    @Test
    void a_citizen_turns_it_on_from_the_account_page() {
        String username = "sf-citizen-" + System.nanoTime() % 100000;
        accounts.register(new Registration(username, "Careful Citizen", username + "@example.org", PASSWORD));
        signIn(username, PASSWORD);
        open("/account");
        assertThat(find("#second-factor-status").getText()).isEqualTo("Two-step sign-in is off.");
        click("#second-factor-set-up");
        String key = find("#authenticator-key").getText().replace(" ", "");
        assertAccessible("setting up the app from the account page");
        type("#second-factor-code", "000000".equals(Totp.code(key, portalClock.instant())) ? "111111" : "000000");
        click("#second-factor-confirm");
        assertThat(fieldError("#second-factor-code")).startsWith("That code does not match the key.");
        type("#second-factor-code", nextCode(username, key));
        click("#second-factor-confirm");
        assertThat(find("#recovery-codes").findElements(By.tagName("li"))).hasSize(10);
        click("#recovery-codes-done");
        assertThat(find("#second-factor-status").getText()).startsWith("Two-step sign-in is on.");
        rememberKey(username, key);

        driver.manage().deleteAllCookies();
        password(username, PASSWORD);
        giveCode(username);
        open("/account");
        assertThat(pathOnly()).isEqualTo("/account");

        click("#second-factor-turn-off");
        assertThat(find("#second-factor-status").getText()).isEqualTo("Two-step sign-in is off.");
    }

    @Test
    void the_password_alone_or_a_forged_post_signs_nobody_in() throws Exception {
        HttpResponse<String> first = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=official&password="
                                + URLEncoder.encode("plaza-official-demo", StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/login/code");
        String half = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();

        // the half-done session reaches nothing that needs a sign-in
        for (String path : new String[] {"/admin/audit.csv", "/account"}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Cookie", half)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
        }

        // the right code, posted without the code page's CSRF token (as a page elsewhere would)
        String code = Totp.code(keyOf("official"), portalClock.instant());
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login/code"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", half)
                        .POST(HttpRequest.BodyPublishers.ofString("code=" + code))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> after = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/audit.csv"))
                        .header("Cookie", half)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("still signed in to nothing").isNotEqualTo(200);
    }
}
