package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RealDatasets;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An official uploads the Seoul COVID-19 file (CP949), corrects one column's type in the preview,
 * imports and publishes it; a citizen then finds it in the catalogue.
 */
class PublishingIT extends BrowserTest {

    static final String TITLE = "Seoul COVID-19 confirmed cases (browser test)";

    @Test
    void an_official_publishes_a_korean_file_and_a_citizen_finds_it() {
        signIn("official", "plaza-official-demo");
        open("/publish");
        assertThat(find("#publish-grid").getText()).contains("Rainfall: monthly total");
        assertAccessible("publish list");
        click("#publish-new");
        type("#meta-title", TITLE);
        choose("#meta-organisation", "Korea Disease Control and Prevention Agency (via DS4C)");
        find("#meta-description textarea").sendKeys("Confirmed COVID-19 cases in Seoul as of 6 November 2020.");
        click("#meta-save");
        waiting().until(d -> currentPath().startsWith("/publish/dataset/"));
        assertThat(find("#dataset-title").getText()).isEqualTo(TITLE);
        assertThat(find("#dataset-state").getText()).isEqualTo("Draft");

        WebElement input = find("#upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(RealDatasets.file("kr_seoul_covid19_confirmed_cases_2020-11-06_cp949.csv")
                .toString());
        waiting().until(d -> find("#import-message").getText().contains("6,272 rows"));
        assertThat(find("#import-columns").getText()).contains("확진일").contains("등록일");
        assertThat(find("#import-preview").getText()).contains("강남구");
        assertAccessible("import preview");

        choose("#import-type-0", "Text");
        type("#import-year-1", "2020");
        find("#import-year-1 input").sendKeys(org.openqa.selenium.Keys.TAB);
        waitForVaadin();
        waiting().until(d -> find("#import-preview").getText().contains("2020-11-06"));
        click("#import-start");
        waiting(Duration60.TIMEOUT)
                .until(d -> find("#import-progress-text").getText().startsWith("Version 1 was imported"));
        assertThat(find("#import-progress-text").getText()).isEqualTo("Version 1 was imported with 6,272 rows.");
        assertThat(find("#versions-grid").getText()).contains("kr_seoul_covid19_confirmed_cases_2020-11-06_cp949.csv");
        assertThat(find("#import-start").getDomAttribute("disabled"))
                .as("the file is in: no second, equal version by a second click")
                .isNotNull();

        click("#dataset-publish");
        click("#dataset-publish-confirm");
        waiting().until(d -> find("#dataset-state").getText().equals("Published"));

        click("#sign-out");
        open("/catalog");
        assertThat(find("#catalog-results").getText()).contains(TITLE);
    }

    /**
     * A file of realistic size (35 MB) through the browser's upload, with the import's progress;
     * every real file's reading and import through the same panel is tested without a browser.
     */
    @Test
    void a_large_file_is_uploaded_and_imported_through_the_publish_view() {
        String name = RealDatasets.LARGE;
        long rows = RealDatasets.rowsOf(name);
        signIn("official", "plaza-official-demo");
        open("/publish/dataset");
        type("#meta-title", "UI import of " + name);
        choose("#meta-organisation", "Korea Disease Control and Prevention Agency (via DS4C)");
        find("#meta-description textarea").sendKeys("Imported through the publish view by the browser test.");
        click("#meta-save");
        waiting().until(d -> currentPath().startsWith("/publish/dataset/"));
        WebElement input = find("#upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(RealDatasets.file(name).toString());
        String count = String.format(java.util.Locale.ENGLISH, "%,d rows", rows);
        waiting(Duration60.TIMEOUT).until(d -> find("#import-message").getText().contains(count));
        click("#import-start");
        waiting(Duration60.TIMEOUT)
                .until(d -> find("#import-progress-text").getText().startsWith("Version 1 was imported"));
        assertThat(find("#import-progress-text").getText())
                .isEqualTo(String.format(java.util.Locale.ENGLISH, "Version 1 was imported with %,d rows.", rows));
    }

    /** Imports may take longer than a page. */
    static final class Duration60 {
        static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(60);
    }
}
