package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.GroupRequest.Aggregation;
import org.openplaza.catalog.GroupRequest.Bucket;
import org.openplaza.catalog.GroupRequest.Dimension;
import org.openplaza.catalog.GroupRequest.Measure;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.importer.RealDatasets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every aggregation and bucketing of the chart queries on the DS4C file, against numbers computed
 * here from the CSV itself.
 */
@SpringBootTest
@Transactional
class GroupingTest {

    static final Path FILE = RealDatasets.file("kr_ds4c_covid19_time_province.csv");

    @Autowired
    PublishingService publishing;

    @Autowired
    DatasetReader reader;

    @Autowired
    DSLContext db;

    long dataset;
    List<Line> lines;

    record Line(LocalDate date, String province, long confirmed) {}

    @BeforeEach
    void the_ds4c_file_published() throws Exception {
        TestCallers.signIn("root", "ADMIN");
        long organisation =
                publishing.createOrganisation("DS4C " + System.nanoTime()).id();
        dataset = TestDatasets.imported(
                publishing, TestDatasets.metadata(organisation, "COVID-19 by province"), FILE, true);
        TestCallers.anonymous();
        lines = Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(","))
                .map(f -> new Line(LocalDate.parse(f[0]), f[2], Long.parseLong(f[3])))
                .toList();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Grouped group(GroupRequest query) throws Exception {
        return reader.group(dataset, query);
    }

    @Test
    void sums_counts_and_distinct_counts_by_category() throws Exception {
        LocalDate last = LocalDate.of(2020, 4, 30);
        Grouped sums = group(GroupRequest.of(Dimension.of("province"), new Measure("confirmed", Aggregation.SUM))
                .withFilters(List.of(new RowRequest.Equals("date", last))));
        Map<String, Long> expected = lines.stream()
                .filter(l -> l.date().equals(last))
                .collect(Collectors.toMap(Line::province, Line::confirmed));
        assertThat(sums.categories()).containsExactlyElementsOf(new TreeMap<>(expected).keySet());
        expected.forEach((province, confirmed) ->
                assertThat(sums.value("sum(confirmed)", province)).isEqualTo(confirmed.doubleValue()));

        Grouped counts = group(GroupRequest.of(
                Dimension.of("province"), Measure.count(), new Measure("date", Aggregation.COUNT_DISTINCT)));
        Map<String, Long> perProvince =
                lines.stream().collect(Collectors.groupingBy(Line::province, Collectors.counting()));
        perProvince.forEach((province, n) -> {
            assertThat(counts.value("count", province)).isEqualTo(n.doubleValue());
            assertThat(counts.value("count_distinct(date)", province)).isEqualTo(n.doubleValue());
        });
    }

    @Test
    void average_median_minimum_and_maximum() throws Exception {
        List<Long> seoul = lines.stream()
                .filter(l -> l.province().equals("Seoul"))
                .map(Line::confirmed)
                .sorted()
                .toList();
        Grouped stats = group(GroupRequest.of(
                        Dimension.of("province"),
                        new Measure("confirmed", Aggregation.AVG),
                        new Measure("confirmed", Aggregation.MEDIAN),
                        new Measure("confirmed", Aggregation.MIN),
                        new Measure("confirmed", Aggregation.MAX))
                .withFilters(List.of(new RowRequest.Equals("province", "Seoul"))));
        double mean = seoul.stream().mapToLong(Long::longValue).average().orElseThrow();
        int n = seoul.size();
        double median = n % 2 == 1 ? seoul.get(n / 2) : (seoul.get(n / 2 - 1) + seoul.get(n / 2)) / 2.0;
        assertThat(stats.value("avg(confirmed)", "Seoul")).isCloseTo(mean, within(1e-9));
        assertThat(stats.value("median(confirmed)", "Seoul")).isEqualTo(median);
        assertThat(stats.value("min(confirmed)", "Seoul"))
                .isEqualTo(seoul.get(0).doubleValue());
        assertThat(stats.value("max(confirmed)", "Seoul"))
                .isEqualTo(seoul.get(n - 1).doubleValue());
        assertThat(stats.series())
                .extracting(Grouped.Series::measure)
                .containsExactly(
                        new Measure("confirmed", Aggregation.AVG),
                        new Measure("confirmed", Aggregation.MEDIAN),
                        new Measure("confirmed", Aggregation.MIN),
                        new Measure("confirmed", Aggregation.MAX));
        assertThat(stats.series()).extracting(Grouped.Series::split).containsOnlyNulls();
    }

    @Test
    void dates_bucket_by_day_week_month_quarter_and_year() throws Exception {
        RowRequest.Filter seoul = new RowRequest.Equals("province", "Seoul");
        Grouped monthly =
                group(GroupRequest.of(new Dimension("date", Bucket.MONTH, 0), new Measure("confirmed", Aggregation.MAX))
                        .withFilters(List.of(seoul)));
        Map<String, Long> maxByMonth = new TreeMap<>();
        for (Line line : lines) {
            if (line.province().equals("Seoul")) {
                maxByMonth.merge(
                        String.format(
                                "%d-%02d", line.date().getYear(), line.date().getMonthValue()),
                        line.confirmed(),
                        Math::max);
            }
        }
        assertThat(monthly.categories()).containsExactlyElementsOf(maxByMonth.keySet());
        maxByMonth.forEach((month, max) ->
                assertThat(monthly.value("max(confirmed)", month)).isEqualTo(max.doubleValue()));

        long days = lines.stream().filter(l -> l.province().equals("Seoul")).count();
        assertThat(group(GroupRequest.of(new Dimension("date", Bucket.DAY, 0), Measure.count())
                                .withFilters(List.of(seoul)))
                        .categories())
                .hasSize((int) days);
        Grouped weekly = group(GroupRequest.of(new Dimension("date", Bucket.WEEK, 0), Measure.count())
                .withFilters(List.of(seoul)));
        assertThat(weekly.categories())
                .allSatisfy(
                        week -> assertThat(LocalDate.parse(week).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY));
        assertThat(weekly.series().get(0).values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isEqualTo(days);
        assertThat(group(GroupRequest.of(new Dimension("date", Bucket.QUARTER, 0), Measure.count())
                                .withFilters(List.of(seoul)))
                        .categories())
                .containsExactly("2020-Q1", "2020-Q2");
        assertThat(group(GroupRequest.of(new Dimension("date", Bucket.YEAR, 0), Measure.count()))
                        .value("count", "2020"))
                .isEqualTo((double) lines.size());
    }

    @Test
    void numbers_are_binned_into_equal_widths() throws Exception {
        Grouped bins = group(GroupRequest.of(new Dimension("confirmed", Bucket.BINS, 10), Measure.count()));
        assertThat(bins.series().get(0).values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isEqualTo(lines.size());
        long max = lines.stream().mapToLong(Line::confirmed).max().orElseThrow();
        double width = max / 10.0;
        long firstBin = lines.stream().filter(l -> l.confirmed() < width).count();
        assertThat(bins.series().get(0).values().get(0)).isEqualTo((double) firstBin);
        assertThat(bins.categories().get(0)).startsWith("0 – ");
    }

    @Test
    void the_top_categories_keep_their_names_and_the_rest_is_other() throws Exception {
        LocalDate last = LocalDate.of(2020, 4, 30);
        Grouped top = group(GroupRequest.of(Dimension.of("province"), new Measure("confirmed", Aggregation.SUM))
                .withFilters(List.of(new RowRequest.Equals("date", last)))
                .withOrder(GroupRequest.Order.VALUE_DESC)
                .withTop(3));
        List<Line> day = new ArrayList<>(
                lines.stream().filter(l -> l.date().equals(last)).toList());
        day.sort(Comparator.comparingLong(Line::confirmed).reversed());
        assertThat(top.categories())
                .containsExactly(
                        day.get(0).province(), day.get(1).province(), day.get(2).province(), "Other");
        long rest =
                day.subList(3, day.size()).stream().mapToLong(Line::confirmed).sum();
        assertThat(top.value("sum(confirmed)", "Other")).isEqualTo((double) rest);
    }

    @Test
    void a_split_gives_one_series_per_value() throws Exception {
        Grouped split = group(GroupRequest.of(new Dimension("date", Bucket.MONTH, 0), Measure.count())
                .withSeries("province")
                .withFilters(List.of(new RowRequest.In("province", List.of("Seoul", "Busan")))));
        assertThat(split.series()).extracting(Grouped.Series::name).containsExactlyInAnyOrder("Seoul", "Busan");
        assertThat(split.series())
                .as("each series keeps what it counts and its split value, for screens to name it")
                .allSatisfy(s -> {
                    assertThat(s.measure()).isEqualTo(Measure.count());
                    assertThat(s.split()).isEqualTo(s.name());
                });
        long seoulInMarch = lines.stream()
                .filter(l -> l.province().equals("Seoul") && l.date().getMonthValue() == 3)
                .count();
        assertThat(split.value("Seoul", "2020-03")).isEqualTo((double) seoulInMarch);
    }

    @Test
    void impossible_charts_are_refused_with_a_reason() {
        assertThatThrownBy(() -> group(GroupRequest.of(Dimension.of("date"), new Measure("province", Aggregation.SUM))))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.messageKey()).isEqualTo("chart.error.numbers-only"));
        assertThatThrownBy(() -> group(GroupRequest.of(new Dimension("province", Bucket.MONTH, 0), Measure.count())))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chart.error.buckets-need-dates"));
        assertThatThrownBy(() -> group(
                        GroupRequest.of(Dimension.of("date"), Measure.count()).withSeries("confirmed")))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chart.error.too-many-points"));
    }
}
