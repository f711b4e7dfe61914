package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The language switcher changes every text, and the choice is remembered. */
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

    /** Words that are the same in Korean: names, formats and standards. */
    private static final java.util.Set<String> SAME_IN_KOREAN = java.util.Set.of(
            "OpenPlaza", "CSV", "API", "PNG", "SVG", "DCAT", "CKAN", "JSON", "URL", "KST", "UTC", "English");

    /**
     * The portal's own words on a page: the title, the header, the menu, headings of the page,
     * field labels, placeholders, helper texts, buttons and every screen-reader label. What people
     * wrote (titles, descriptions, names) is not among them.
     */
    @SuppressWarnings("unchecked")
    private List<String> ownWords() {
        // only what is shown or read out: a hidden element's innerText is its whole text
        return (List<String>) js("const texts = [document.title];"
                + " const shown = e => e.checkVisibility ? e.checkVisibility() : e.offsetParent !== null;"
                + " const layout = document.querySelector('vaadin-app-layout');"
                + " layout.querySelectorAll(':scope > [slot]').forEach(e => texts.push(e.innerText));"
                + " document.querySelectorAll('[aria-label]').forEach(e => { if (shown(e)) texts.push(e.getAttribute('aria-label')); });"
                + " document.querySelectorAll('[placeholder]').forEach(e => { if (shown(e)) texts.push(e.getAttribute('placeholder')); });"
                + " document.querySelectorAll('vaadin-text-field, vaadin-password-field, vaadin-email-field, vaadin-select,"
                + " vaadin-date-picker, vaadin-combo-box, vaadin-text-area, vaadin-integer-field, vaadin-checkbox')"
                + "   .forEach(e => { if (shown(e)) { texts.push(e.label || ''); texts.push(e.helperText || ''); } });"
                + " document.querySelectorAll('vaadin-button, h1, .fold-toggle, #catalog-total, #proposals-count,"
                + " #visualisations-count, vaadin-login-form-wrapper')"
                + "   .forEach(e => { if (shown(e)) texts.push(e.innerText || ''); });"
                + " return texts.filter(t => t);");
    }

    private void noEnglish(String page) {
        noEnglish(page, "");
    }

    /**
     * As above, with what people wrote that the page names left out: the signed-in user's name,
     * a dataset's column labels, a vote's question and options.
     */
    private void noEnglish(String page, String... written) {
        List<String> english = new java.util.ArrayList<>();
        for (String shown : ownWords()) {
            String text = shown;
            for (String words : written) {
                if (!words.isEmpty()) {
                    text = text.replace(words, "");
                }
            }
            java.util.regex.Matcher words =
                    java.util.regex.Pattern.compile("[A-Za-z]{3,}").matcher(text);
            while (words.find()) {
                if (!SAME_IN_KOREAN.contains(words.group())) {
                    english.add(words.group() + " in \"" + text.replace('\n', ' ') + "\"");
                }
            }
        }
        assertThat(english).as("English words on %s in Korean", page).isEmpty();
    }

    @Test
    void in_korean_the_portals_own_words_have_no_english_left() {
        open("/");
        chooseLanguage("한국어");
        for (String page :
                new String[] {"/", "/catalog", "/proposals", "/votes", "/visualisations", "/login", "/register"}) {
            open(page);
            noEnglish(page);
        }
        open("/catalog?q=rainfull");
        noEnglish("the catalogue with nothing found");

        // the publisher's Korean title, description and keywords, found by Korean words
        open("/catalog?q=" + java.net.URLEncoder.encode("강수량", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(find("#catalog-results").getText()).contains("강수량: 월별 합계");
        open("/search?q=" + java.net.URLEncoder.encode("강수량", java.nio.charset.StandardCharsets.UTF_8));
        waitFor("#search-dataset", "강수량: 월별 합계");
        noEnglish("the portal's search");
        assertAccessible("the portal's search in Korean");
        click("#search-dataset a");
        waitFor("#dataset-heading", "강수량: 월별 합계");
        noEnglish("a dataset's page", "total_rainfall", "month");
        for (int tab = 2; tab <= 4; tab++) {
            click("vaadin-tab:nth-of-type(" + tab + ")");
            noEnglish("a dataset's tab " + tab, "total_rainfall", "month");
        }
        open("/catalog?q=" + java.net.URLEncoder.encode("강수량", java.nio.charset.StandardCharsets.UTF_8));
        click("#catalog-results a");
        waitFor("#dataset-heading", "강수량: 월별 합계");
        assertThat(find("#dataset-heading").getDomAttribute("lang")).isEqualTo("ko");
        assertThat(find(".dataset-description").getText()).startsWith("1982년 1월부터");
        open("/votes");
        click(".cards .card-title a");
        noEnglish("a vote's page", "Should the city introduce the congestion charge?", "Yes", "No", "Abstain");
        signIn("citizen", "plaza-citizen-demo");
        for (String page : new String[] {"/account", "/notifications", "/proposals/new"}) {
            open(page);
            noEnglish(page, "citizen");
        }
        switchTo("admin", "plaza-admin-demo-key");
        chooseLanguage("한국어");
        try {
            for (String page : new String[] {
                "/admin/users",
                "/admin/organisations",
                "/admin/audit",
                "/admin/reports",
                "/admin/moderation",
                "/publish"
            }) {
                open(page);
                noEnglish(page, "admin");
            }
        } finally {
            // the choice follows the account: the other tests' administrator reads English
            chooseLanguage("English");
        }
    }
}
