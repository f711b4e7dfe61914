package org.openplaza.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.openplaza.CatalogTestApplication;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.GroupRequest.Aggregation;
import org.openplaza.catalog.GroupRequest.Bucket;
import org.openplaza.catalog.GroupRequest.Dimension;
import org.openplaza.catalog.GroupRequest.Measure;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.publishing.TestDatasets;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Run by bench/charts: the large shared file, repeated to the size asked for, imported through the
 * real publishing service; then the chart aggregations (by category, by month, a histogram) timed
 * through the chart path (service, access check, jOOQ, pivot) beside the same SQL written by hand
 * on the same DuckDB database. Not a test.
 */
public final class ChartBenchmark {

    static final int WARM_UP = 20;
    static final int RUNS = 100;

    private ChartBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean shared = java.util.Arrays.asList(args).contains("--shared");
        args = java.util.Arrays.stream(args).filter(a -> !a.equals("--shared")).toArray(String[]::new);
        Path source = Path.of(args[0]).toAbsolutePath();
        int times = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path work = Files.createTempDirectory("openplaza-chart-bench");
        Path file = repeat(source, times, work.resolve("data.csv"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CatalogTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "openplaza.catalog.store-file=" + work.resolve("store.duckdb"),
                        "openplaza.catalog.originals-dir=" + work.resolve("originals"),
                        "openplaza.catalog.max-upload-bytes=" + Long.MAX_VALUE,
                        "logging.level.root=WARN")
                .properties(Timing.storeSettings(work, shared))
                .run()) {
            PublishingService publishing = context.getBean(PublishingService.class);
            DatasetReader reader = context.getBean(DatasetReader.class);
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "bench", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            long organisation =
                    publishing.createOrganisation("Johns Hopkins CSSE").id();
            long dataset = TestDatasets.imported(
                    publishing, TestDatasets.metadata(organisation, "COVID-19 daily reports"), file, true);
            long rows = reader.byId(dataset).orElseThrow().rows();
            SecurityContextHolder.getContext()
                    .setAuthentication(new AnonymousAuthenticationToken(
                            "bench", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            System.out.printf("%s x%d: %,d rows imported%n", source.getFileName(), times, rows);

            DatasetStore store = context.getBean(DatasetStore.class);
            try (Connection direct = store.referenceConnection()) {
                String t = Timing.referenceTable(store, direct);
                report(
                        "by category: sum of confirmed per country",
                        () -> reader.group(
                                dataset,
                                GroupRequest.of(
                                        Dimension.of("country_region"), new Measure("confirmed", Aggregation.SUM))),
                        direct,
                        "SELECT country_region, sum(CAST(confirmed AS DOUBLE)) FROM " + t
                                + " GROUP BY country_region ORDER BY country_region NULLS LAST");
                report(
                        "by month: rows per month of publication",
                        () -> reader.group(
                                dataset,
                                GroupRequest.of(new Dimension("date_published", Bucket.MONTH, 0), Measure.count())),
                        direct,
                        "SELECT CAST(date_trunc('month', date_published) AS DATE), count(*) FROM " + t
                                + " GROUP BY 1 ORDER BY 1 NULLS LAST");
                double[] range = range(direct, t);
                double width = (range[1] - range[0]) / 20;
                report(
                        "histogram: confirmed in 20 equal ranges",
                        () -> reader.group(
                                dataset, GroupRequest.of(new Dimension("confirmed", Bucket.BINS, 20), Measure.count())),
                        direct,
                        "SELECT min(CAST(confirmed AS DOUBLE)), max(CAST(confirmed AS DOUBLE)) FROM " + t,
                        "SELECT least(CAST(floor((CAST(confirmed AS DOUBLE) - " + range[0] + ") / " + width
                                + ") AS INTEGER), 19) AS b, count(*) FROM " + t
                                + " WHERE confirmed IS NOT NULL GROUP BY b ORDER BY b");
            }
        }
    }

    private static double[] range(Connection direct, String table) throws Exception {
        try (ResultSet rs = direct.createStatement()
                .executeQuery("SELECT min(CAST(confirmed AS DOUBLE)), max(CAST(confirmed AS DOUBLE)) FROM " + table)) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2)};
        }
    }

    /** The file's header once and its rows the given number of times. */
    private static Path repeat(Path source, int times, Path target) throws Exception {
        if (times <= 1) {
            return source;
        }
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(lines.get(0));
            out.newLine();
            for (int i = 0; i < times; i++) {
                for (String line : lines.subList(1, lines.size())) {
                    out.write(line);
                    out.newLine();
                }
            }
        }
        return target;
    }

    private static void report(String what, Timing.Call ours, Connection direct, String... sql) throws Exception {
        double[] oursMs = Timing.time(ours, WARM_UP, RUNS);
        double[] sqlMs = Timing.time(
                () -> {
                    int rows = 0;
                    for (String statement : sql) {
                        try (PreparedStatement s = direct.prepareStatement(statement);
                                ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                            }
                        }
                    }
                    return rows;
                },
                WARM_UP,
                RUNS);
        System.out.printf("%n%s%n", what);
        System.out.printf(
                "  chart service:  median %7.2f ms, p95 %7.2f ms%n", Timing.median(oursMs), Timing.p95(oursMs));
        System.out.printf("  SQL on DuckDB:  median %7.2f ms, p95 %7.2f ms%n", Timing.median(sqlMs), Timing.p95(sqlMs));
        System.out.printf(
                "  ratio (median): %5.2fx (target at most 1.5x); p95 %5.2fx%n",
                Timing.median(oursMs) / Timing.median(sqlMs), Timing.p95(oursMs) / Timing.p95(sqlMs));
    }
}
