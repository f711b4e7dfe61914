package org.openplaza.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.openplaza.CatalogTestApplication;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.RowRequest;
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
 * Run by bench/catalog: the large shared file imported through the real publishing service, then
 * the latency of what datastore_search does (a filtered, sorted page with its total) and of one
 * data-table page fetch deep in a filtered, sorted view, each through our layers (service, access
 * checks, catalogue lookups in H2, query building) and as the same SQL typed by hand on a
 * connection of its own to the same DuckDB file. Not a test.
 */
public final class CatalogBenchmark {

    static final int WARM_UP = 50;
    static final int RUNS = 300;

    private CatalogBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean shared = java.util.Arrays.asList(args).contains("--shared");
        args = java.util.Arrays.stream(args).filter(a -> !a.equals("--shared")).toArray(String[]::new);
        Path file = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("openplaza-catalog-bench");
        Path storeFile = work.resolve("store.duckdb");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CatalogTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "openplaza.catalog.store-file=" + storeFile,
                        "openplaza.catalog.originals-dir=" + work.resolve("originals"),
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
            long version = reader.byId(dataset).orElseThrow().currentVersionId();
            long imported = reader.byId(dataset).orElseThrow().rows();
            SecurityContextHolder.getContext()
                    .setAuthentication(new AnonymousAuthenticationToken(
                            "bench", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            System.out.printf("%s: %,d rows imported%n", file.getFileName(), imported);

            RowRequest usByConfirmed = RowRequest.ALL
                    .withFilter(new RowRequest.Equals("country_region", "US"))
                    .withSorts(List.of(new RowRequest.Sort("confirmed", true)));
            RowRequest gridView = RowRequest.ALL
                    .withFilter(new RowRequest.Contains("province_state", "new"))
                    .withSorts(List.of(new RowRequest.Sort("deaths", true)));
            long gridRows = reader.count(dataset, gridView);
            long deep = gridRows / 2;

            DatasetStore store = context.getBean(DatasetStore.class);
            try (Connection direct = store.referenceConnection()) {
                String storeTable = Timing.referenceTable(store, direct);
                String pageSql = "SELECT * FROM " + storeTable
                        + " WHERE country_region = ? ORDER BY confirmed DESC NULLS LAST, rowid LIMIT 100";
                String totalSql = "SELECT count(*) FROM " + storeTable + " WHERE country_region = ?";
                String gridSql = "SELECT * FROM " + storeTable
                        + " WHERE province_state ILIKE '%new%' ORDER BY deaths DESC NULLS LAST, rowid"
                        + " LIMIT 50 OFFSET ?";

                report(
                        "datastore_search (filter + sort, 100 rows, total)",
                        () -> reader.resourceRows(version, usByConfirmed, 0, 100)
                                        .size()
                                + reader.resourceCount(version, usByConfirmed),
                        () -> {
                            // prepared on each call, as any query whose filters vary must be
                            try (PreparedStatement page = direct.prepareStatement(pageSql);
                                    PreparedStatement total = direct.prepareStatement(totalSql)) {
                                page.setString(1, "US");
                                total.setString(1, "US");
                                return drain(page) + drain(total);
                            }
                        });
                long all = imported;
                long end = all - 1000;
                String scrollSql =
                        "SELECT * FROM " + storeTable + " WHERE rowid >= ? AND rowid < ? + 50 ORDER BY rowid";
                report(
                        String.format("grid page while scrolling (50 rows at offset %,d of %,d, file order)", end, all),
                        () -> reader.rows(dataset, RowRequest.ALL, end, 50).size(),
                        () -> {
                            try (PreparedStatement scroll = direct.prepareStatement(scrollSql)) {
                                scroll.setLong(1, end);
                                scroll.setLong(2, end);
                                return drain(scroll);
                            }
                        });
                report(
                        String.format("grid page (50 rows at offset %,d of %,d filtered)", deep, gridRows),
                        () -> reader.rows(dataset, gridView, deep, 50).size(),
                        () -> {
                            try (PreparedStatement grid = direct.prepareStatement(gridSql)) {
                                grid.setLong(1, deep);
                                return drain(grid);
                            }
                        });
            }
        }
    }

    private static int drain(PreparedStatement statement) throws Exception {
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }

    private static void report(String what, Timing.Call ours, Timing.Call sql) throws Exception {
        double[] oursMs = Timing.time(ours, WARM_UP, RUNS);
        double[] sqlMs = Timing.time(sql, WARM_UP, RUNS);
        System.out.printf("%n%s%n", what);
        System.out.printf(
                "  OpenPlaza layers: median %7.2f ms, p95 %7.2f ms%n", Timing.median(oursMs), Timing.p95(oursMs));
        System.out.printf(
                "  SQL on DuckDB:    median %7.2f ms, p95 %7.2f ms%n", Timing.median(sqlMs), Timing.p95(sqlMs));
        System.out.printf(
                "  ratio (median):   %5.2fx (target at most 1.5x); p95 %5.2fx%n",
                Timing.median(oursMs) / Timing.median(sqlMs), Timing.p95(oursMs) / Timing.p95(sqlMs));
    }
}
