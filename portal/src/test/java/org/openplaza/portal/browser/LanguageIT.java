package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The language switcher changes the page's words and its language, and the choice is remembered.
 * That no English is left on any main page in Korean is tested without a browser (KoreanPagesIT).
 */
class LanguageIT extends BrowserTest {

    private void chooseLanguage(String label) {
        click("#language");
        WebElement item = waiting()
                .until(d -> d.findElements(By.cssSelector("vaadin-select-item[role=option]")).stream()
                        .filter(e -> e.getText().trim().equals(label))
                        .findFirst()
                        .orElse(null));
        click(item);
        waiting().until(d -> label.equals("한국어") == "ko".equals(lang()));
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
        waiting()
                .withMessage("the connection indicator's words in Korean")
                .until(d -> "포털과의 연결이 끊겼습니다. 다시 연결하는 중…"
                        .equals(js("const c = document.querySelector('vaadin-connection-indicator');"
                                + " return c && c.reconnectingText")));

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

    @Test
    void in_korean_a_dataset_is_found_by_its_publishers_korean_words_and_shown_in_korean() {
        open("/");
        chooseLanguage("한국어");
        String rainfall = java.net.URLEncoder.encode("강수량", java.nio.charset.StandardCharsets.UTF_8);
        open("/search?q=" + rainfall);
        waitFor("#search-dataset", "강수량: 월별 합계");
        assertAccessible("the portal's search in Korean");
        click("#search-dataset a");
        waitFor("#dataset-heading", "강수량: 월별 합계");
        assertThat(find("#dataset-heading").getDomAttribute("lang")).isEqualTo("ko");
        assertThat(find(".dataset-description").getText()).startsWith("1982년 1월부터");
        assertThat(lang()).isEqualTo("ko");
        // the grid's sorters are drawn in the browser, named by Flow in English and renamed there
        waiting()
                .withMessage("the data table's sorters named in Korean")
                .until(d -> Boolean.TRUE.equals(
                        js("const sorters = [...document.querySelectorAll('#data-grid vaadin-grid-sorter')];"
                                + " return sorters.length > 0"
                                + " && sorters.every(s => (s.getAttribute('aria-label') || '').endsWith('기준으로 정렬'))")));
    }
}
