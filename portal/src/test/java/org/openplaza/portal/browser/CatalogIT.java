package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.portal.testdata.RealDatasets;
import org.openplaza.portal.testdata.StoreSql;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Citizens find and use the data: a search in Korean, facets whose URL can be reopened, and a
 * dataset's table sorted and filtered with its count and its filtered download checked against
 * figures read straight from the source file.
 */
class CatalogIT extends BrowserTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    org.openplaza.catalog.datastore.DatasetStore store;

    @Autowired
    javax.sql.DataSource catalogue;

    /** One parsed line of the DS4C file: date, time, province, confirmed, released, deceased. */
    record Line(String date, String province, long confirmed) {}

    static List<Line> provinceLines() throws Exception {
        return Files.readAllLines(RealDatasets.file("kr_ds4c_covid19_time_province.csv"), StandardCharsets.UTF_8)
                .stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(","))
                .map(f -> new Line(f[0], f[2], Long.parseLong(f[3])))
                .toList();
    }

    /** Publishes the Seoul air-quality file (CP949, Korean headers) under a Korean title, as an administrator. */
    private void publishKoreanAirQuality(String title) throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            long organisation = publishing.myOrganisations().get(0).id();
            long dataset = publishing.createDataset(new DatasetMetadata(
                    organisation,
                    title,
                    "서울시 측정소별 일평균 대기오염도 (미세먼지, 초미세먼지, 오존).",
                    null,
                    null,
                    Set.of("ENVI"),
                    List.of("대기질", "미세먼지"),
                    "KOGL-Type-1",
                    "DAILY",
                    null,
                    null,
                    "서울특별시",
                    "ko"));
            Path file = RealDatasets.file("kr_seoul_daily_air_quality_2018_cp949.csv");
            publishing.importVersion(
                    dataset,
                    file,
                    file.getFileName().toString(),
                    ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                    List.of(),
                    new ImportMonitor());
            publishing.publish(dataset);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_search_in_korean_finds_the_korean_dataset() throws Exception {
        String title = "서울시 일별 대기오염도 2018";
        publishKoreanAirQuality(title);
        open("/catalog");
        assertAccessible("catalogue");
        type("#catalog-search", "대기오염");
        find("#catalog-search input").sendKeys(Keys.ENTER);
        waitForVaadin();
        waiting().until(d -> find("#catalog-results").getText().contains(title));
        assertThat(find("#catalog-total").getText()).isEqualTo("One dataset found");
        assertThat(driver.getCurrentUrl()).contains("q=");

        type("#catalog-search", "초미세먼지");
        find("#catalog-search input").sendKeys(Keys.ENTER);
        waitForVaadin();
        assertThat(find("#catalog-results").getText())
                .as("found by its description")
                .contains(title);
        assertAccessible("catalogue results");

        open("/catalog?q=rain");
        assertThat(find("#catalog-results").getText())
                .as("a word's beginning finds the demo's rainfall")
                .contains("Rainfall: monthly total");
        open("/catalog?q=rainfull");
        assertThat(find("#catalog-total").getText()).isEqualTo("No datasets found");
        assertThat(find("#catalog-suggestion").getText()).isEqualTo("rainfall");
        assertThat(displayed("#catalog-facets")).as("the facets stay").isTrue();
        assertAccessible("catalogue with a suggestion");
        click("#catalog-suggestion");
        waiting().until(d -> driver.getCurrentUrl().contains("q=rainfall"));
        waitForVaadin();
        assertThat(find("#catalog-results").getText()).contains("Rainfall: monthly total");
    }

    @Test
    void a_facet_narrows_the_list_and_its_url_can_be_reopened() {
        open("/catalog");
        long everything = total();
        WebElement health = find("#facet-theme a[data-value='HEAL']");
        long healthCount = Long.parseLong(health.getText().replaceAll(".*\\((\\d+)\\)$", "$1"));
        click("#facet-theme a[data-value='HEAL']");
        waiting().until(d -> driver.getCurrentUrl().contains("theme=HEAL"));
        waitForVaadin();
        assertThat(total()).isEqualTo(healthCount).isLessThan(everything);
        assertThat(find("#catalog-results").getText()).contains("COVID-19 cases by province");
        assertThat(find("#catalog-results").getText()).doesNotContain("Rainfall: monthly total");

        String narrowed = driver.getCurrentUrl();
        String shown = find("#catalog-results").getText();
        driver.navigate().back();
        waitForVaadin();
        waiting().until(d -> total() == everything);

        driver.get("about:blank");
        driver.get(narrowed);
        waitForVaadin();
        assertThat(find("#catalog-results").getText())
                .as("the URL holds the whole search")
                .isEqualTo(shown);
        assertThat(find("#facet-theme a[data-value='HEAL']").getAttribute("aria-current"))
                .isEqualTo("true");
    }

    private long total() {
        String text = find("#catalog-total").getText();
        return text.startsWith("No") ? 0 : text.startsWith("One") ? 1 : Long.parseLong(text.replaceAll("\\D", ""));
    }

    @Test
    void the_table_sorts_and_filters_and_the_filtered_download_matches_it() throws Exception {
        open("/catalog?q=province");
        click("#catalog-results a");
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        assertThat(find("#dataset-heading").getText()).isEqualTo("COVID-19 cases by province");
        List<Line> lines = provinceLines();
        waiting().until(d -> find("#data-count").getText().equals(String.format("%,d rows", lines.size())));
        assertAccessible("dataset page");
        long tableWidth =
                (Long) js("return document.querySelector('#data-grid').shadowRoot.querySelector('table').scrollWidth");
        assertThat(tableWidth)
                .as("six columns with their filters (2,154 px with the range boxes side by side)")
                .isLessThan(1200);

        sortBy("confirmed");
        sortBy("confirmed");
        Line most =
                lines.stream().max(Comparator.comparingLong(Line::confirmed)).orElseThrow();
        waiting().until(d -> firstRows(1).get(0).get(3).equals(String.format("%,d", most.confirmed())));
        assertThat(firstRows(1).get(0).get(2)).isEqualTo(most.province());

        type("#filter-province", "seoul");
        find("#filter-province input").sendKeys(Keys.TAB);
        waitForVaadin();
        long seoul = lines.stream().filter(l -> l.province().equals("Seoul")).count();
        waiting().until(d -> find("#data-count").getText().equals(String.format("%,d rows", seoul)));
        String slug = pathOnly().substring("/dataset/".length());
        String table = StoreSql.currentTable(catalogue, slug);
        assertThat(StoreSql.number(store, "SELECT count(*) FROM " + table + " WHERE lower(province) LIKE ?", "%seoul%"))
                .as("the count shown is the count SQL gives")
                .isEqualTo(seoul);
        List<List<String>> shown = firstRows(3);
        assertThat(shown).allSatisfy(row -> assertThat(row.get(2)).isEqualTo("Seoul"));

        // the filter and the sort are in the address: opened afresh, it shows the same rows
        waiting()
                .until(d -> currentPath().contains("f.province=contains%3Aseoul")
                        && currentPath().contains("sort=-confirmed"));
        String filtered = currentPath();
        open(filtered);
        waiting().until(d -> find("#data-count").getText().equals(String.format("%,d rows", seoul)));
        assertThat(find("#filter-province input").getDomProperty("value")).isEqualTo("seoul");
        assertThat(firstRows(3)).as("the same rows, in the same order").isEqualTo(shown);

        String href = find("#download-csv").getAttribute("href");
        assertThat(href).contains("f.province=contains%3Aseoul").contains("sort=-confirmed");
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new java.io.StringReader(csv.body()))
                .getRecords();
        assertThat(records).hasSize((int) seoul);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(records.get(i).get("date")).isEqualTo(shown.get(i).get(0));
            assertThat(String.format("%,d", Long.parseLong(records.get(i).get("confirmed"))))
                    .isEqualTo(shown.get(i).get(3));
        }

        click("vaadin-tab:nth-of-type(3)");
        waiting().until(d -> find("#profile-confirmed opz-chart").getAttribute("data-rendered") != null);
        assertThat(find("#profile-province").getText()).contains("Most common");
        assertAccessible("column profile");

        click("vaadin-tab:nth-of-type(5)");
        String whole = find("#versions-grid a[href*='data.csv?version=']").getAttribute("href");
        HttpResponse<String> version = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(whole)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(version.body().lines().count()).as("a whole version's rows").isEqualTo(lines.size() + 1);
        assertAccessible("versions");
    }

    @Test
    void a_chart_built_before_signing_in_is_in_the_address_and_survives_the_sign_in() {
        open("/catalog?q=province");
        click("#catalog-results a");
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        click("vaadin-tab:nth-of-type(2)");
        waiting().until(d -> currentPath().contains("tab=chart"));
        assertThat(chosen("#chart-aggregation"))
                .as("a sum, not a count of rows")
                .isEqualTo("Sum");
        choose("#chart-type", "Pie");
        choose("#chart-measure", "deceased");
        waiting().until(d -> currentPath().contains("chart="));
        String built = currentPath();
        ((org.openqa.selenium.chromium.ChromiumDriver) driver)
                .executeCdpCommand(
                        "Browser.grantPermissions",
                        Map.of(
                                "origin",
                                base(),
                                "permissions",
                                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        click("#dataset-share-link");
        waitFor("#dataset-share-status", "The link is copied.");
        assertThat(js("return navigator.clipboard.readText()"))
                .as("the address with the chart in it")
                .isEqualTo(driver.getCurrentUrl());

        open(built);
        assertThat(present("#chart-builder"))
                .as("the address alone opens the chart: %s at %s", find("h1").getText(), built)
                .isTrue();
        assertThat(chosen("#chart-type")).isEqualTo("Pie");

        click("#sign-in-link");
        waiting().until(d -> pathOnly().equals("/login"));
        waitForVaadin();
        find("#vaadinLoginUsername input").sendKeys("citizen");
        find("#vaadinLoginPassword input").sendKeys("plaza-citizen-demo", Keys.ENTER);
        waiting()
                .withMessage(() -> "back at " + built + ", but at " + currentPath())
                .until(d -> currentPath().equals(built));
        waitForVaadin();
        assertThat(chosen("#chart-type")).as("the chart as it was built").isEqualTo("Pie");
        assertThat(chosen("#chart-measure")).isEqualTo("deceased");
        assertThat(find("#account-link").getText()).isEqualTo("citizen");

        driver.manage().deleteAllCookies();
        open(built);
        assertThat(chosen("#chart-type"))
                .as("the address alone opens the same chart")
                .isEqualTo("Pie");
        open(built.replaceAll("chart=[^&]*", "chart=bm90LWEtY2hhcnQ"));
        assertThat(find("#chart-type").isDisplayed())
                .as("a broken chart parameter opens the defaults")
                .isTrue();
    }

    @Test
    void a_citizen_charts_the_monthly_maximum_and_reads_it_as_a_table() throws Exception {
        open("/catalog?q=province");
        click("#catalog-results a");
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        click("vaadin-tab:nth-of-type(2)");
        choose("#chart-type", "Line");
        choose("#chart-aggregation", "Maximum");
        choose("#chart-measure", "confirmed");
        assertThat(chosen("#chart-bucket")).isEqualTo("Month");
        waiting()
                .withMessage(() -> "chart named " + find("#chart-preview").getDomAttribute("aria-label"))
                .until(d -> "Maximum · confirmed by date (Month)"
                        .equals(find("#chart-preview").getDomAttribute("aria-label")));
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#chart-preview svg path"))
                        .isEmpty());

        Map<String, Long> maxByMonth = new TreeMap<>();
        for (Line line : provinceLines()) {
            maxByMonth.merge(line.date().substring(0, 7), line.confirmed(), Math::max);
        }
        click("#chart-as-table vaadin-details-summary");
        List<List<String>> rows = gridRows("chart-table", maxByMonth.size());
        assertThat(rows).hasSize(maxByMonth.size());
        int i = 0;
        for (Map.Entry<String, Long> month : maxByMonth.entrySet()) {
            assertThat(rows.get(i++)).containsExactly(month.getKey(), String.format("%,d", month.getValue()));
        }
        assertAccessible("chart builder");

        choose("#chart-type", "Heat map");
        waiting().until(d -> find("#chart-problem").isDisplayed());
        assertThat(find("#chart-problem").getText()).contains("needs a split");
        choose("#chart-series", "province");
        waiting().until(d -> !displayed("#chart-problem"));
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#chart-preview svg path"))
                        .isEmpty());

        choose("#chart-aggregation", "Sum");
        choose("#chart-measure", "province");
        waiting().until(d -> find("#chart-problem").isDisplayed());
        assertThat(find("#chart-problem").getText()).contains("needs a column of numbers");

        // two measures on the rows of one province, counted independently from the CSV
        choose("#chart-measure", "confirmed");
        choose("#chart-series", "No split");
        choose("#chart-type", "Bars");
        click("#chart-measure-add");
        choose("#chart-aggregation-2", "Maximum");
        choose("#chart-measure-2", "deceased");
        click("#chart-filter-add");
        choose("#chart-filter-column-1", "province");
        choose("#chart-filter-kind-1", "equals");
        type("#chart-filter-value-1", "Seoul\t");
        Map<String, long[]> seoul = new TreeMap<>();
        for (String[] f :
                Files.readAllLines(RealDatasets.file("kr_ds4c_covid19_time_province.csv"), StandardCharsets.UTF_8)
                        .stream()
                        .skip(1)
                        .filter(l -> !l.isBlank())
                        .map(l -> l.split(","))
                        .filter(f -> f[2].equals("Seoul"))
                        .toList()) {
            long[] month = seoul.computeIfAbsent(f[0].substring(0, 7), k -> new long[2]);
            month[0] += Long.parseLong(f[3]);
            month[1] = Math.max(month[1], Long.parseLong(f[5]));
        }
        waiting()
                .withMessage(() -> "chart named " + find("#chart-preview").getDomAttribute("aria-label"))
                .until(d -> "Sum · confirmed, Maximum · deceased by date (Month)"
                        .equals(find("#chart-preview").getDomAttribute("aria-label")));
        List<List<String>> sums = gridRows("chart-table", seoul.size());
        int row = 0;
        for (Map.Entry<String, long[]> month : seoul.entrySet()) {
            assertThat(sums.get(row++))
                    .containsExactly(
                            month.getKey(),
                            String.format("%,d", month.getValue()[0]),
                            String.format("%,d", month.getValue()[1]));
        }

        // a filter value that does not fit its column is explained, and removing the filter mends it
        choose("#chart-filter-column-1", "confirmed");
        choose("#chart-filter-kind-1", "is between");
        type("#chart-filter-value-1", "many\t");
        waiting().until(d -> displayed("#chart-problem"));
        assertThat(find("#chart-problem").getText()).contains("filter on confirmed does not fit");
        click("#chart-filter-remove-1");
        waiting().until(d -> !displayed("#chart-problem"));

        // a calendar of daily values takes the dates day by day, one calendar per year
        click("#chart-measure-remove-2");
        choose("#chart-type", "Calendar");
        waiting()
                .until(d -> String.valueOf(find("#chart-preview").getDomAttribute("option"))
                        .contains("\"coordinateSystem\":\"calendar\""));
        assertThat(chosen("#chart-bucket")).isEqualTo("Day");
        assertThat(find("#chart-preview").getDomAttribute("option")).contains("\"range\":\"2020\"");
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#chart-preview svg path"))
                        .isEmpty());
        assertAccessible("calendar chart");

        // a histogram moves to a column of numbers in equal ranges
        choose("#chart-type", "Histogram");
        waiting()
                .until(d -> String.valueOf(find("#chart-preview").getDomAttribute("option"))
                        .contains("\"barGap\":\"0%\""));
        assertThat(chosen("#chart-bucket")).isEqualTo("Equal ranges");
        assertThat(displayed("#chart-problem")).isFalse();
    }

    private void sortBy(String column) {
        WebElement sorter = waiting()
                .until(d -> d.findElements(By.cssSelector("#data-grid vaadin-grid-sorter")).stream()
                        .filter(s -> column.equals(s.getAttribute("textContent").trim()))
                        .findFirst()
                        .orElse(null));
        // the column may lie beyond the grid's horizontal scroll: click it where it is
        js("arguments[0].scrollIntoView({block: 'nearest', inline: 'center'}); arguments[0].click();", sorter);
        waitForVaadin();
    }

    @Test
    void epidemiological_weeks_read_as_written_sort_as_time_and_download_as_written() throws Exception {
        open("/catalog?q=bulletin");
        click("#catalog-results a");
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        assertThat(find("#dataset-heading").getText()).isEqualTo("Weekly infectious disease bulletin");
        waiting()
                .withMessage("the weeks as the file wrote them, not the day each begins")
                .until(d -> firstRows(1).get(0).get(0).matches("\\d{4}-W\\d{2}"));
        sortBy("epi_week");
        sortBy("epi_week");
        waiting()
                .withMessage("the last week first: 2014's 53rd comes before 2015's first when sorted as time")
                .until(d -> firstRows(1).get(0).get(0).equals("2022-W52"));
        assertThat(find("#filter-epi_week-from").getTagName())
                .as("a date column: filtered by dates")
                .isEqualTo("vaadin-date-picker");

        String href = find("#download-csv").getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new java.io.StringReader(csv.body()))
                .getRecords();
        assertThat(records.get(0).get("epi_week")).isEqualTo("2022-W52");
        assertThat(records).extracting(r -> r.get("epi_week")).contains("2014-W53", "2020-W53");
    }

    private List<List<String>> firstRows(int count) {
        return gridRows("data-grid", count);
    }

    /**
     * The cells of a grid's first rows as shown, read from the rendered rows in order once the grid
     * has rendered as many as it holds (up to {@code count}) and loads nothing more.
     */
    @SuppressWarnings("unchecked")
    private List<List<String>> gridRows(String id, int count) {
        return waiting()
                .withMessage(() -> "grid " + id + " to render its first " + count + " rows")
                .until(d -> (List<List<String>>) js("""
                        const grid = document.getElementById(arguments[1]);
                        if (!grid || grid.hasAttribute('loading')) { return null; }
                        const rows = [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                            .filter(r => !r.hidden && r.index !== undefined)
                            .sort((a, b) => a.index - b.index)
                            .slice(0, arguments[0]);
                        const cells = rows.map(r => [...r.querySelectorAll('td')].map(td => {
                            const slot = td.querySelector('slot');
                            const cell = slot && slot.assignedNodes()[0];
                            return cell ? cell.textContent.trim() : '';
                        }));
                        const wanted = Math.min(arguments[0], grid.size || 0);
                        const filled = cells.every(r => r.some(c => c !== ''));
                        return cells.length >= wanted && filled ? cells : null;
                        """, count, id));
    }
}
