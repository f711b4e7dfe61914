package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RealDatasets;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A citizen builds a monthly line chart on a real dataset, saves it, signs out, and opens its
 * permalink: the chart is drawn, its numbers are the ones computed from the CSV, and it exports as
 * CSV and as a PNG image.
 */
class VisualisationIT extends BrowserTest {

    static Map<String, Long> monthlyMaximum() throws Exception {
        Map<String, Long> max = new TreeMap<>();
        Files.readAllLines(RealDatasets.file("kr_ds4c_covid19_time_province.csv"), StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(","))
                .forEach(f -> max.merge(f[0].substring(0, 7), Long.parseLong(f[3]), Math::max));
        return max;
    }

    @Test
    void a_citizen_saves_a_chart_and_anybody_opens_its_permalink() throws Exception {
        signIn("citizen", "plaza-citizen-demo");
        open("/catalog?q=province");
        click("#catalog-results a");
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        click("vaadin-tab:nth-of-type(2)");
        choose("#chart-type", "Line");
        choose("#chart-aggregation", "Maximum");
        choose("#chart-measure", "confirmed");
        click("#chart-save");
        type("#visualisation-title", "Monthly maximum of confirmed cases");
        click("#visualisation-save");
        waiting().until(d -> currentPath().startsWith("/visualisation/"));
        String permalink = driver.getCurrentUrl();

        click("#sign-out");
        driver.get(permalink);
        waitForVaadin();
        assertThat(find("#visualisation-heading").getText()).isEqualTo("Monthly maximum of confirmed cases");
        assertThat(find("#visualisation-dataset").getText()).isEqualTo("COVID-19 cases by province");
        assertThat(find("#visualisation-version").getText())
                .startsWith("Drawn from version 1 of the dataset")
                .contains("follows its latest version");
        assertThat(find("#visualisation-version-rows").getAttribute("href")).contains("data.csv?version=");
        String datasetPage = find("#visualisation-dataset").getAttribute("href");
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#visualisation-chart svg path"))
                        .isEmpty());
        Map<String, Long> expected = monthlyMaximum();
        click("#visualisation-as-table vaadin-details-summary");
        assertThat(find("#visualisation-table").getText())
                .contains(expected.keySet())
                .contains(String.format("%,d", expected.get("2020-04")));
        assertAccessible("visualisation permalink");

        String csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(find("#visualisation-csv").getAttribute("href")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(expected.size() + 1);
        int i = 1;
        for (Map.Entry<String, Long> month : expected.entrySet()) {
            assertThat(lines.get(i++)).isEqualTo(month.getKey() + "," + month.getValue());
        }

        // the PNG button saves a PNG file
        String id = permalink.substring(permalink.lastIndexOf('/') + 1);
        java.nio.file.Path saved = downloads.resolve("visualisation-" + id + ".png");
        click("#visualisation-png");
        waiting()
                .withMessage(() -> "no " + saved)
                .until(d -> Files.isRegularFile(saved) && saved.toFile().length() > 1000);
        assertThat(Files.readAllBytes(saved)).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        Object svg = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.getElementById('visualisation-chart').image('svg').then(done, e => done(String(e)));
                """);
        assertThat(svg.toString()).startsWith("data:image/svg+xml");

        String embedCode = find("#visualisation-embed input").getDomProperty("value");
        String embedUrl = embedCode.replaceAll(".*src=\"([^\"]+)\".*", "$1");
        assertThat(embedUrl)
                .isEqualTo("http://localhost:" + port + "/embed/visualisation/"
                        + permalink.substring(permalink.lastIndexOf('/') + 1));
        HttpResponse<String> embedPage = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(embedUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(embedPage.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors *");
        assertThat(embedPage.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(embedPage.body()).contains("<html lang=\"en\"", "<caption>The chart&#39;s numbers</caption>");
        // in the embedding page's language, or the reader's
        HttpResponse<String> korean = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(embedUrl + "?lang=ko"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(korean.body()).contains("<html lang=\"ko\"", "<caption>차트의 수치</caption>");
        HttpResponse<String> missing = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/embed/visualisation/999999"))
                                .header("Accept-Language", "ko-KR,ko;q=0.9")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"ko\"", "찾을 수 없음");
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/catalog"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        // another origin (another port) frames the embed
        com.sun.net.httpserver.HttpServer site =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html = ("<!doctype html><html lang=\"en\"><title>A city blog</title><h1>Our numbers</h1>" + embedCode
                        + "</html>")
                .getBytes(StandardCharsets.UTF_8);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        site.start();
        try {
            driver.get("http://127.0.0.1:" + site.getAddress().getPort() + "/");
            org.openqa.selenium.WebElement frame = waiting().until(d -> d.findElement(By.tagName("iframe")));
            driver.switchTo().frame(frame);
            waiting()
                    .until(d ->
                            !d.findElements(By.cssSelector("#chart svg path")).isEmpty());
            driver.switchTo().defaultContent();
        } finally {
            site.stop(0);
        }

        driver.get(datasetPage);
        waitForVaadin();
        assertThat(find("#dataset-visualisations").getText())
                .as("the dataset page lists the charts made from it")
                .contains("Monthly maximum of confirmed cases", "Confirmed COVID-19 cases by province");

        open("/visualisations");
        assertThat(find("#visualisations-grid").getText())
                .contains("Monthly maximum of confirmed cases")
                .as("the demo's own charts")
                .contains("Confirmed COVID-19 cases by province", "Monthly rainfall in Singapore since 1982");
        assertAccessible("gallery");
    }

    @Test
    void owners_edit_others_like_and_report_and_an_administrator_hides_it_with_a_reason() throws Exception {
        signIn("newcomer", "plaza-newcomer-demo");
        open("/catalog?q=rainfall");
        click("#catalog-results a");
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        click("vaadin-tab:nth-of-type(2)");
        waiting().until(d -> displayed("#chart-save"));
        click("#chart-save");
        type("#visualisation-title", "Rows of rainfall");
        click("#visualisation-save");
        waiting().until(d -> currentPath().startsWith("/visualisation/"));
        String permalink = driver.getCurrentUrl();

        // the owner renames it and changes the chart into a pie
        click("#visualisation-edit");
        type("#visualisation-edit-title", "Rainfall records by month");
        click("#visualisation-edit-save");
        waiting().until(d -> find("#visualisation-heading").getText().equals("Rainfall records by month"));
        click("#visualisation-edit-chart");
        waiting().until(d -> displayed("#chart-update"));
        assertThat(find("#chart-editing").getText()).contains("Rainfall records by month");
        choose("#chart-type", "Pie");
        click("#chart-update");
        waiting().until(d -> driver.getCurrentUrl().equals(permalink));
        waiting()
                .until(d -> String.valueOf(find("#visualisation-chart").getDomAttribute("option"))
                        .contains("\"type\":\"pie\""));
        assertAccessible("own visualisation");

        // another citizen likes it once, and reports it
        driver.manage().deleteAllCookies();
        signIn("citizen", "plaza-citizen-demo");
        driver.get(permalink);
        waitForVaadin();
        assertThat(find("#visualisation-likes").getText()).isEqualTo("No likes yet");
        assertThat(find("#visualisation-like").getDomAttribute("aria-pressed")).isEqualTo("false");
        String unpressed = find("#visualisation-like").getCssValue("background-color");
        click("#visualisation-like");
        waiting().until(d -> find("#visualisation-likes").getText().equals("One like"));
        assertThat(find("#visualisation-like").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(find("#visualisation-like").getCssValue("background-color"))
                .as("the pressed button looks pressed")
                .isNotEqualTo(unpressed);
        driver.navigate().refresh();
        waitForVaadin();
        assertThat(find("#visualisation-likes").getText()).isEqualTo("One like");
        assertThat(find("#visualisation-like").getDomAttribute("aria-pressed")).isEqualTo("true");
        open("/visualisations?sort=likes");
        assertThat(find("#visualisations-grid .card-title a").getText())
                .as("the most liked first")
                .isEqualTo("Rainfall records by month");
        assertAccessible("gallery sorted by likes");
        choose("#visualisations-type", "Pie");
        waiting().until(d -> driver.getCurrentUrl().contains("type=PIE"));
        assertThat(find("#visualisations-grid").getText())
                .contains("Rainfall records by month")
                .doesNotContain("Confirmed COVID-19 cases by province");

        driver.get(permalink);
        waitForVaadin();
        click("#visualisation-report");
        find("#visualisation-report-reason textarea").sendKeys("The title says records but it counts rows");
        click("#visualisation-report-reason-confirm");
        waiting().until(d -> !displayed("#visualisation-report-reason"));

        // the administrator hides it with a reason
        driver.manage().deleteAllCookies();
        signIn("admin", "plaza-admin-demo-key");
        open("/admin/reports");
        assertThat(find("#reports-grid").getText()).contains("The title says records but it counts rows");
        assertAccessible("moderation queue");
        click("#reports-grid vaadin-button[id^=report-hide-]");
        find("#report-hide-reason textarea").sendKeys("Misleading title");
        click("#report-hide-reason-confirm");
        waiting().until(d -> find("#reports-count").getText().equals("No open reports"));

        // visitors no longer find it; its owner sees why
        click("#sign-out");
        driver.get(permalink);
        waitForVaadin();
        assertThat(driver.getPageSource()).doesNotContain("Rainfall records by month");
        open("/visualisations");
        assertThat(find("#visualisations-grid").getText()).doesNotContain("Rainfall records by month");
        driver.manage().deleteAllCookies();
        signIn("newcomer", "plaza-newcomer-demo");
        driver.get(permalink);
        waitForVaadin();
        assertThat(find("#visualisation-hidden").getText()).contains("Hidden by moderation: Misleading title");

        open("/account");
        assertThat(find("#account-visualisations").getText())
                .contains("Rainfall records by month")
                .contains("Hidden by moderation: Misleading title");
        driver.get(permalink);
        waitForVaadin();

        // and the owner deletes it
        click("#visualisation-delete");
        click("vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button]");
        waiting().until(d -> currentPath().equals("/visualisations"));
        driver.get(permalink);
        waitForVaadin();
        assertThat(driver.getPageSource()).doesNotContain("Rainfall records by month");
    }
}
