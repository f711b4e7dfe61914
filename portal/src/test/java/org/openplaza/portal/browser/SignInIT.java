package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.Registration;
import org.springframework.beans.factory.annotation.Autowired;

/** Wrong passwords, and the throttling that slows guessing, seen from the sign-in page. */
class SignInIT extends BrowserTest {

    @Autowired
    AccountService accounts;

    private String errorShown() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("const w = document.querySelector('vaadin-login-form-wrapper');"
                        + " const e = w && w.shadowRoot.querySelector('[part=error-message]');"
                        + " return e && !e.hidden ? e.innerText : '';");
    }

    @Test
    void a_wrong_password_gets_the_same_message_as_an_unknown_username() {
        signInWithTheForm("citizen", "this is not the password");
        assertThat(currentPath()).isEqualTo("/login?error");
        String wrongPassword = errorShown();
        assertThat(wrongPassword).contains("The username or password is not correct");
        assertAccessible("login with error");

        signInWithTheForm("no-such-person", "this is not the password");
        assertThat(currentPath()).isEqualTo("/login?error");
        assertThat(errorShown()).isEqualTo(wrongPassword);
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while() {
        accounts.register(new Registration(
                "throttle-target", "Throttle Target", "throttle@example.org", "copper meadow quietly hums"));
        for (int i = 0; i < 5; i++) {
            signInWithTheForm("throttle-target", "wrong guess number " + i);
            assertThat(currentPath()).isEqualTo("/login?error");
        }
        signInWithTheForm("throttle-target", "copper meadow quietly hums");
        assertThat(currentPath()).isEqualTo("/login?throttled");
        assertThat(errorShown()).contains("too many failed sign-in attempts");
        assertThat(present("#account-link")).isFalse();
    }

    @Test
    void the_first_tab_offers_a_skip_past_the_navigation_to_the_content() {
        open("/catalog");
        new org.openqa.selenium.interactions.Actions(driver)
                .sendKeys(org.openqa.selenium.Keys.TAB)
                .perform();
        org.openqa.selenium.WebElement first = driver.switchTo().activeElement();
        assertThat(first.getAttribute("id"))
                .as("the first stop of the keyboard")
                .isEqualTo("skip-to-content");
        assertThat(first.getText()).isEqualTo("Skip to the main content");
        assertThat(first.getRect().getX()).as("shown once it has the focus").isGreaterThanOrEqualTo(0);
        assertAccessible("catalogue with the skip link focused");
        new org.openqa.selenium.interactions.Actions(driver)
                .sendKeys(org.openqa.selenium.Keys.ENTER)
                .perform();
        waitForVaadin();
        Object inContent = js(
                "const a = document.activeElement;"
                        + " return a.parentElement && a.parentElement.tagName === 'VAADIN-APP-LAYOUT' && !a.hasAttribute('slot')");
        assertThat(inContent).as("the focus is on the page's content").isEqualTo(true);
        assertThat(find("#catalog-results").isDisplayed()).isTrue();
    }

    @Test
    void signing_in_returns_to_the_page_it_was_chosen_on_and_never_to_another_site() {
        open("/visualisations?sort=likes");
        click("#sign-in-link");
        waiting().until(d -> pathOnly().equals("/login"));
        waitForVaadin();
        find("#vaadinLoginUsername input").sendKeys("citizen");
        find("#vaadinLoginPassword input").sendKeys("plaza-citizen-demo", org.openqa.selenium.Keys.ENTER);
        waiting().until(d -> currentPath().equals("/visualisations?sort=likes"));
        waitForVaadin();
        assertThat(find("#account-link").getText()).isEqualTo("citizen");

        // a link to the sign-in page naming another site, or a path that leaves the portal
        for (String elsewhere : new String[] {
            "https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%5C%5Cevil.example", "catalog%2F..%2F..%2Fevil"
        }) {
            driver.manage().deleteAllCookies();
            open("/login?continue=" + elsewhere);
            find("#vaadinLoginUsername input").sendKeys("citizen");
            find("#vaadinLoginPassword input").sendKeys("plaza-citizen-demo", org.openqa.selenium.Keys.ENTER);
            waiting().until(d -> !currentPath().startsWith("/login"));
            assertThat(driver.getCurrentUrl())
                    .as(elsewhere)
                    .startsWith(base() + "/")
                    .doesNotContain("evil");
        }
    }
}
