package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.SharedDatasets;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A citizen builds a monthly line chart on a real dataset, saves it, signs out, and opens its
 * permalink: the chart is drawn, its numbers are the ones computed from the CSV, and it exports as
 * CSV and as a PNG image.
 */
class VisualisationIT extends BrowserTest {

    static Map<String, Long> monthlyMaximum() throws Exception {
        Map<String, Long> max = new TreeMap<>();
        Files.readAllLines(SharedDatasets.file("kr_ds4c_covid19_time_province.csv"), StandardCharsets.UTF_8).stream()
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
        new WebDriverWait(driver, TIMEOUT).until(d -> currentPath().startsWith("/dataset/"));
        click("vaadin-tab:nth-of-type(2)");
        choose("#chart-type", "Line");
        choose("#chart-aggregation", "Maximum");
        choose("#chart-measure", "confirmed");
        click("#chart-save");
        type("#visualisation-title", "Monthly maximum of confirmed cases");
        click("#visualisation-save");
        new WebDriverWait(driver, TIMEOUT).until(d -> currentPath().startsWith("/visualisation/"));
        String permalink = driver.getCurrentUrl();

        click("#sign-out");
        driver.get(permalink);
        waitForVaadin();
        assertThat(find("#visualisation-heading").getText()).isEqualTo("Monthly maximum of confirmed cases");
        assertThat(find("#visualisation-dataset").getText()).isEqualTo("COVID-19 cases by province");
        String datasetPage = find("#visualisation-dataset").getAttribute("href");
        new WebDriverWait(driver, TIMEOUT)
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

        Object png = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.getElementById('visualisation-chart').image('png').then(done, e => done(String(e)));
                """);
        assertThat(png.toString()).startsWith("data:image/png;base64,");
        byte[] bytes = Base64.getDecoder().decode(png.toString().substring("data:image/png;base64,".length()));
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');

        String embedCode = find("#visualisation-embed input").getAttribute("value");
        String embedUrl = embedCode.replaceAll(".*src=\"([^\"]+)\".*", "$1");
        assertThat(embedUrl)
                .isEqualTo("http://localhost:" + port + "/embed/visualisation/"
                        + permalink.substring(permalink.lastIndexOf('/') + 1));
        HttpResponse<String> embedPage = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(embedUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(embedPage.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors *");
        assertThat(embedPage.headers().firstValue("X-Frame-Options")).isEmpty();
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
            org.openqa.selenium.WebElement frame =
                    new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.tagName("iframe")));
            driver.switchTo().frame(frame);
            new WebDriverWait(driver, TIMEOUT)
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
}
