package org.openplaza.catalog.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ReadOnlySql;
import org.openplaza.catalog.SqlResult;
import org.openplaza.catalog.importer.CsvAnalyzer;
import org.openplaza.catalog.importer.CsvLoader;
import org.openplaza.catalog.importer.RealDatasets;

/**
 * Queries typed by API clients, as an attacker would type them, against a real DuckDB store holding
 * a published resource ("1", the Korean provinces' COVID-19 counts) and a table that is not one
 * (a draft's rows, and the store's own names).
 */
class ReadOnlySqlTest {

    @TempDir
    static Path dir;

    static DatasetStore store;
    static String published;
    static String draft;

    @BeforeAll
    static void aStoreWithAPublishedTableAndADraft() throws Exception {
        store = new DatasetStore(
                new CatalogProperties(dir.resolve("store.duckdb").toString()));
        Path file = RealDatasets.file("kr_ds4c_covid19_time_province.csv");
        published = CsvLoader.load(file, ImportPlan.asDetected(CsvAnalyzer.analyze(file)), store, new ImportMonitor())
                .table();
        Path secret = dir.resolve("secret.csv");
        Files.writeString(secret, "name,salary\nKim,100\nLee,200\n");
        draft = CsvLoader.load(secret, ImportPlan.asDetected(CsvAnalyzer.analyze(secret)), store, new ImportMonitor())
                .table();
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    /** Resource "1" is the published table; nothing else is a resource. */
    private static @Nullable String resources(String name) {
        return Map.of("1", store.sqlSource(published)).get(name);
    }

    private static String rewrite(String sql) {
        return ReadOnlySql.rewrite(sql, ReadOnlySqlTest::resources, 100);
    }

    private static SqlResult run(String sql) throws Exception {
        return store.query(rewrite(sql), 100, Duration.ofSeconds(10));
    }

    @Test
    void a_select_over_a_resource_runs_with_aggregates_windows_and_its_own_with() throws Exception {
        SqlResult seoul =
                run("SELECT province, max(confirmed) AS most FROM \"1\" WHERE province = 'Seoul' GROUP BY province");
        assertThat(seoul.names()).containsExactly("province", "most");
        assertThat(seoul.rows()).hasSize(1);
        assertThat(seoul.rows().get(0)[0]).isEqualTo("Seoul");
        assertThat(((Number) seoul.rows().get(0)[1]).longValue()).isEqualTo(633);

        SqlResult ranked = run("""
                WITH latest AS (SELECT province, max(confirmed) AS cases FROM "1" GROUP BY province)
                SELECT province, rank() OVER (ORDER BY cases DESC) AS place FROM latest ORDER BY place LIMIT 3
                """);
        assertThat(ranked.rows()).hasSize(3);
        assertThat(ranked.rows().get(0)[0]).isEqualTo("Daegu");
        assertThat(ranked.truncated()).isFalse();

        SqlResult joined =
                run("SELECT count(*) FROM \"1\" a JOIN \"1\" b ON a.date = b.date AND a.province = b.province");
        assertThat(((Number) joined.rows().get(0)[0]).longValue()).isEqualTo(1734);
    }

    @Test
    void a_result_beyond_the_row_limit_is_cut_and_says_so() throws Exception {
        String sql = ReadOnlySql.rewrite("SELECT * FROM \"1\" LIMIT 100000", ReadOnlySqlTest::resources, 50);
        assertThat(sql).contains("LIMIT 51").doesNotContain("100000");
        SqlResult cut = store.query(sql, 50, Duration.ofSeconds(10));
        assertThat(cut.rows()).hasSize(50);
        assertThat(cut.truncated()).isTrue();
        assertThat(ReadOnlySql.rewrite("SELECT * FROM \"1\" LIMIT 5", ReadOnlySqlTest::resources, 50))
                .as("a smaller limit stays")
                .contains("LIMIT 5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DROP TABLE \"1\"",
                "DELETE FROM \"1\"",
                "INSERT INTO \"1\" VALUES (1)",
                "UPDATE \"1\" SET confirmed = 0",
                "CREATE TABLE x AS SELECT * FROM \"1\"",
                "COPY \"1\" TO '/tmp/out.csv'",
                "ATTACH '/tmp/other.duckdb' AS other",
                "PRAGMA database_list",
                "SET memory_limit = '100GB'",
                "SELECT 1; DROP TABLE \"1\"",
                "SELECT * FROM \"1\"; SELECT 2",
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM read_csv_auto('/etc/passwd')",
                "SELECT * FROM query('SELECT * FROM secret')",
                "SELECT * FROM duckdb_tables()",
                "SELECT * FROM glob('/*')",
                "SELECT read_text('/etc/passwd')",
                "SELECT \"read_text\"('/etc/passwd')",
                "SELECT main.read_text('/etc/passwd')",
                "SELECT current_setting('memory_limit')",
                "SELECT getenv('HOME')",
                "SELECT * FROM \"1\" WHERE province IN (SELECT content FROM read_text('/etc/passwd'))",
                "SELECT * FROM \"1\" WHERE province = (SELECT read_blob('/etc/passwd'))",
                "SELECT * FROM \"2\"",
                "SELECT * FROM secret",
                "SELECT * FROM main.\"1\"",
                "SELECT * FROM information_schema.tables",
                "SELECT * FROM duckdb_settings()",
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r",
                "SELECT nextval('s')",
                "SELECT * INTO copy FROM \"1\"",
                "",
                "not sql at all"
            })
    void anything_but_a_select_over_published_resources_with_listed_functions_is_refused(String attack) {
        assertThatThrownBy(() -> rewrite(attack))
                .as(attack)
                .isInstanceOf(ReadOnlySql.Refused.class)
                .hasMessageNotContaining(published);
    }

    @Test
    void the_store_itself_would_read_a_file_so_the_gate_is_what_stops_it() throws Exception {
        Path outside = dir.resolve("outside.txt");
        Files.writeString(outside, "not for the API");
        String read = "SELECT content FROM read_text('" + outside + "')";
        assertThat(store.query(read, 10, Duration.ofSeconds(10)).rows().get(0)[0])
                .isEqualTo("not for the API");
        assertThatThrownBy(() -> rewrite(read)).isInstanceOf(ReadOnlySql.Refused.class);
    }

    @Test
    void the_stores_own_table_names_are_not_resources_even_when_known() {
        assertThatThrownBy(() -> rewrite("SELECT * FROM " + draft)).isInstanceOf(ReadOnlySql.Refused.class);
        assertThatThrownBy(() -> rewrite("SELECT * FROM \"" + draft + "\"")).isInstanceOf(ReadOnlySql.Refused.class);
        assertThatThrownBy(() -> rewrite("WITH x AS (SELECT 1) SELECT * FROM " + draft))
                .isInstanceOf(ReadOnlySql.Refused.class);
    }

    @Test
    void a_query_running_past_its_time_is_stopped_and_the_store_keeps_working() throws Exception {
        String slow = rewrite("SELECT count(*) FROM \"1\" a, \"1\" b, \"1\" c, \"1\" d WHERE a.confirmed + b.confirmed"
                + " + c.confirmed + d.confirmed = -1");
        assertThatThrownBy(() -> store.query(slow, 100, Duration.ofMillis(500)))
                .isInstanceOf(ReadOnlySql.Refused.class)
                .hasMessageContaining("ran longer than");
        assertThat(store.count(published)).isEqualTo(1734);
    }

    @Test
    void a_query_needing_more_memory_than_the_store_allows_is_refused_and_the_store_keeps_working() throws Exception {
        Path small = dir.resolve("small.duckdb");
        DatasetStore tight = new DatasetStore(new CatalogProperties(
                small.toString(), dir.resolve("small-originals").toString(), 1L << 30, "64MiB", 1));
        try {
            Path file = RealDatasets.file("kr_ds4c_covid19_time_province.csv");
            String table = CsvLoader.load(
                            file, ImportPlan.asDetected(CsvAnalyzer.analyze(file)), tight, new ImportMonitor())
                    .table();
            String hungry = ReadOnlySql.rewrite(
                    "SELECT string_agg(a.province || b.province || c.province, ',') FROM \"1\" a, \"1\" b, \"1\" c"
                            + " WHERE a.date <> b.date",
                    name -> name.equals("1") ? tight.sqlSource(table) : null,
                    100);
            assertThatThrownBy(() -> tight.query(hungry, 100, Duration.ofSeconds(60)))
                    .isInstanceOf(ReadOnlySql.Refused.class)
                    .hasMessageContaining("more memory");
            assertThat(tight.count(table)).isEqualTo(1734);
        } finally {
            tight.close();
        }
    }

    @Test
    void what_runs_is_the_parsed_query_written_out_again_not_the_text_as_sent() {
        String sent = "SELECT province /* ; DROP TABLE x */ FROM \"1\" -- ; DELETE FROM \"1\"";
        String runs = rewrite(sent);
        assertThat(runs).doesNotContain("DROP").doesNotContain("DELETE").contains(published);
        assertThat(List.of(runs.split(";"))).hasSize(1);
    }
}
