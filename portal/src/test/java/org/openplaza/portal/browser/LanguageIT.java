package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The language switcher changes every text, and the choice is remembered. */
class LanguageIT extends BrowserTest {

    private void chooseLanguage(String label) {
        click("#language");
        WebElement item = new org.openqa.selenium.support.ui.WebDriverWait(driver, TIMEOUT)
                .until(d -> d.findElements(By.cssSelector("vaadin-select-item[role=option]")).stream()
                        .filter(e -> e.getText().trim().equals(label))
                        .findFirst()
                        .orElse(null));
        click(item);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, TIMEOUT)
                .until(d -> label.equals("한국어") == "ko".equals(lang()));
        waitForVaadin();
    }

    private String lang() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang");
    }

    @Test
    void a_visitor_switches_to_korean_and_it_is_remembered() {
        open("/catalog");
        assertThat(find("h1").getText()).isEqualTo("Data catalog");
        assertThat(find("#demo-badge").getText())
                .as("a demo portal says so on every page")
                .isEqualTo("Demo");
        assertThat(find("#demo-badge").getAttribute("aria-label")).contains("passwords are public");
        chooseLanguage("한국어");
        assertThat(find("h1").getText()).isEqualTo("데이터 목록");
        assertThat(find("#demo-badge").getText()).isEqualTo("체험용");
        assertThat(find("#nav-proposals").getText()).isEqualTo("제안");
        assertThat(find("#nav-votes").getText()).isEqualTo("투표");
        assertThat(lang()).isEqualTo("ko");
        assertAccessible("catalog in Korean");

        open("/");
        assertThat(find("h1").getText()).isEqualTo("모두를 위한 공공데이터와 시민 참여");
        assertThat(driver.getTitle()).startsWith("모두를 위한");

        chooseLanguage("English");
        assertThat(find("h1").getText()).isEqualTo("Open data and participation for everyone");
    }

    @Test
    void a_signed_in_users_choice_follows_them_to_a_new_browser_session() {
        signIn("official", "plaza-official-demo");
        chooseLanguage("한국어");
        driver.manage().deleteAllCookies();
        signIn("official", "plaza-official-demo");
        assertThat(find("#nav-publish").getText()).isEqualTo("게시");
        chooseLanguage("English");
        assertThat(find("#nav-publish").getText()).isEqualTo("Publish");
    }
}
