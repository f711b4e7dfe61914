package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.CsvPreview;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ImportReport;
import org.openplaza.catalog.Unpivot;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.datastore.CatalogProperties;
import org.openplaza.catalog.datastore.DatasetStore;

/**
 * Both passes into a real DuckDB file. Expected values were read from the source files with other
 * tools (iconv, Python's csv module), not with the importer.
 */
class CsvLoaderTest {

    @TempDir
    static Path dir;

    static DatasetStore store;

    @BeforeAll
    static void openStore() throws Exception {
        store = new DatasetStore(
                new CatalogProperties(dir.resolve("store.duckdb").toString()));
    }

    @AfterAll
    static void closeStore() throws Exception {
        store.close();
    }

    private static ImportReport load(String dataset) throws Exception {
        Path file = RealDatasets.file(dataset);
        return CsvLoader.load(file, ImportPlan.asDetected(CsvAnalyzer.analyze(file)), store, new ImportMonitor());
    }

    private static Object[] row(ImportReport report, int index) throws Exception {
        return store.rows(report.table(), index, 1).get(0);
    }

    @Test
    void a_statistical_table_loads_its_rows_and_neither_its_header_nor_its_footnotes() throws Exception {
        ImportReport report = load("sg_singstat_household_expenditure_M212981.csv");
        assertThat(report.rows()).isEqualTo(16);
        assertThat(report.skippedLines()).isEmpty();
        assertThat(row(report, 0))
                .containsExactly(
                        "Total",
                        new BigDecimal("5904.5"),
                        new BigDecimal("5771.3"),
                        new BigDecimal("4432.7"),
                        new BigDecimal("3797.8"),
                        new BigDecimal("3627.6"),
                        new BigDecimal("3033.4"));
        assertThat(row(report, 15)[0]).isEqualTo("  Others");
        assertThat(row(report, 15)[6]).isEqualTo(new BigDecimal("220.0"));
    }

    @Test
    void a_wide_table_of_years_is_turned_long_into_a_period_and_a_value_per_row() throws Exception {
        Path file = RealDatasets.file("sg_singstat_household_expenditure_M212981.csv");
        CsvAnalysis analysis = CsvAnalyzer.analyze(file);
        List<Integer> years = Unpivot.periodFields(analysis);
        assertThat(years).containsExactly(1, 2, 3, 4, 5, 6);
        ImportPlan plan = ImportPlan.asDetected(analysis).unpivoting(new Unpivot(years, "Year", "Dollars"));
        assertThat(plan.storedColumns())
                .extracting(ColumnAnalysis::name, ColumnAnalysis::type, ColumnAnalysis::format)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("data_series", ValueType.TEXT, ""),
                        org.assertj.core.groups.Tuple.tuple("year", ValueType.DATE, Periods.YEAR),
                        org.assertj.core.groups.Tuple.tuple("dollars", ValueType.DECIMAL, "DECIMAL_POINT"));
        assertThat(CsvPreview.rows(file, plan, 3))
                .map(row -> row.stream().map(CsvPreview.Cell::text).toList())
                .containsExactly(
                        List.of("Total", "2018", "5904.5"),
                        List.of("Total", "2013", "5771.3"),
                        List.of("Total", "2008", "4432.7"));

        ImportReport report = CsvLoader.load(file, plan, store, new ImportMonitor());
        assertThat(report.rows()).as("16 series of 6 years").isEqualTo(96);
        assertThat(row(report, 0)).containsExactly("Total", LocalDate.of(2018, 1, 1), new BigDecimal("5904.5"));
        assertThat(row(report, 95)).containsExactly("  Others", LocalDate.of(1993, 1, 1), new BigDecimal("220.0"));
    }

    @Test
    void months_as_headings_become_dates_and_integers_and_decimals_a_decimal_value() throws Exception {
        Path file = dir.resolve("wide-months.csv");
        Files.writeString(file, "station,2024-01,2024-02,2024-03\nChangi,107,27.8,x\nClementi,90,31,44\n");
        CsvAnalysis analysis = CsvAnalyzer.analyze(file);
        ImportPlan plan = ImportPlan.asDetected(analysis)
                .unpivoting(new Unpivot(Unpivot.periodFields(analysis), "Month", "Rainfall (mm)"));
        assertThat(plan.storedColumns().get(1).format()).isEqualTo(Periods.MONTH);
        assertThat(plan.storedColumns().get(2).nullMarkers()).containsEntry("x", 1L);
        ImportReport report = CsvLoader.load(file, plan, store, new ImportMonitor());
        assertThat(report.rows()).isEqualTo(6);
        assertThat(row(report, 2)).containsExactly("Changi", LocalDate.of(2024, 3, 1), null);
        assertThat(row(report, 3)[2]).isEqualTo(new BigDecimal("90.0"));
    }

    @Test
    void a_column_named_rowid_does_not_shadow_the_stores_own_row_numbers() throws Exception {
        Path file = dir.resolve("rowid.csv");
        Files.writeString(file, "rowid,ROWID,name\n10,7,alpha\n20,8,beta\n30,9,gamma\n");
        CsvAnalysis analysis = CsvAnalyzer.analyze(file);
        assertThat(analysis.columns())
                .extracting(ColumnAnalysis::name)
                .as("the store's pseudo-column name is reserved")
                .doesNotContain("rowid");
        ImportReport report = CsvLoader.load(file, ImportPlan.asDetected(analysis), store, new ImportMonitor());
        List<org.openplaza.catalog.StoreColumn> columns = analysis.columns().stream()
                .map(c -> new org.openplaza.catalog.StoreColumn(c.name(), c.type(), 0))
                .toList();
        var second = store.page(report.table(), columns, org.openplaza.catalog.RowRequest.ALL, 1, 1, true);
        assertThat(second.rows()).hasSize(1);
        assertThat(second.rows().get(0)).containsExactly(20L, 8L, "beta");
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void korean_population_arrives_without_mojibake_and_with_numbers_as_numbers() throws Exception {
        ImportReport report = load("kr_mois_resident_population_by_age_2019-02_cp949.csv");
        assertThat(report.rows()).isEqualTo(3841);
        assertThat(store.count(report.table())).isEqualTo(3841);
        Object[] seoul = row(report, 0);
        assertThat(seoul[0]).isEqualTo("서울특별시  (1100000000)");
        assertThat(seoul[1]).isEqualTo(9_770_638L);
        assertThat(seoul[3]).isEqualTo(53_738L);
    }

    @Test
    void seoul_cases_keep_yearless_dates_as_written_and_read_timestamps() throws Exception {
        ImportReport report = load("kr_seoul_covid19_confirmed_cases_2020-11-06_cp949.csv");
        assertThat(report.rows()).isEqualTo(6272);
        Object[] first = row(report, 0);
        assertThat(first[0]).isEqualTo(6272L);
        assertThat(first[1]).isEqualTo("11.06.");
        assertThat(first[5]).isEqualTo("강남구");
        assertThat(first[11]).isEqualTo(LocalDateTime.of(2020, 11, 7, 11, 10));
    }

    @Test
    void yearless_dates_become_dates_once_the_official_gives_the_year() throws Exception {
        Path file = RealDatasets.file("kr_seoul_covid19_confirmed_cases_2020-11-06_cp949.csv");
        CsvAnalysis analysis = CsvAnalyzer.analyze(file);
        List<ColumnAnalysis> columns = new ArrayList<>(analysis.columns());
        ColumnAnalysis day = columns.get(1);
        columns.set(
                1,
                new ColumnAnalysis(
                        1, day.label(), day.name(), ValueType.DATE, CellParser.yearlessIn(2020), 0, day.nulls()));
        ImportReport report = CsvLoader.load(
                file, new ImportPlan(analysis, columns, ImportPlan.BadValues.FAIL), store, new ImportMonitor());
        assertThat(row(report, 0)[1]).isEqualTo(LocalDate.of(2020, 11, 6));
        assertThat(store.rows(report.table(), 6271, 1).get(0)[1]).isEqualTo(LocalDate.of(2020, 1, 24));
    }

    @Test
    void destatis_cpi_reads_decimal_commas_and_keeps_umlauts() throws Exception {
        ImportReport report = load("de_destatis_cpi_61111-0002_latin1.csv");
        assertThat(report.rows()).isEqualTo(396);
        assertThat(row(report, 0)).containsExactly(1991L, "Januar", new BigDecimal("60.5"), null, null);
        assertThat(row(report, 2)[1]).isEqualTo("März");
        assertThat(row(report, 1)[4]).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void boston_earnings_drop_currency_signs_and_keep_leading_zeros() throws Exception {
        ImportReport report = load("us_boston_employee_earnings_2016_latin1.csv");
        assertThat(report.rows()).isEqualTo(22046);
        Object[] first = row(report, 0);
        assertThat(first[0]).isEqualTo("Abadi,Kidani A");
        assertThat(first[3]).isEqualTo(new BigDecimal("46291.98"));
        assertThat(first[4]).isNull();
        assertThat(first[5]).isEqualTo(new BigDecimal("300.00"));
        assertThat(first[11]).isEqualTo("02118");
    }

    @Test
    void lambeth_addresses_keep_their_carriage_returns_and_dates_are_dates() throws Exception {
        ImportReport report = load("uk_lambeth_planning_permissions_2011q1.csv");
        assertThat(report.rows()).isEqualTo(490);
        Object[] first = row(report, 0);
        assertThat(first[0]).isEqualTo("10/03917/LDCP");
        assertThat(first[1]).isEqualTo("30 Renfrew Road\rLondon\rSE11 4NA\r");
        assertThat(first[3]).isEqualTo(LocalDate.of(2011, 1, 4));
    }

    @Test
    void air_quality_dates_in_eight_digits_become_dates() throws Exception {
        ImportReport report = load("kr_seoul_daily_air_quality_2018_cp949.csv");
        assertThat(report.rows()).isEqualTo(14637);
        assertThat(row(report, 0))
                .containsExactly(
                        LocalDate.of(2018, 1, 1),
                        "강남구",
                        new BigDecimal("0.034"),
                        new BigDecimal("0.009"),
                        new BigDecimal("0.6"),
                        new BigDecimal("0.006"),
                        34L,
                        22L);
    }

    @Test
    void a_value_that_does_not_fit_a_chosen_type_fails_the_import_and_leaves_nothing_behind() throws Exception {
        Path file = dir.resolve("mixed.csv");
        Files.writeString(file, "id,code\n1,10\n2,20\n3,3A\n4,40\n");
        CsvAnalysis analysis = CsvAnalyzer.analyze(file);
        List<ColumnAnalysis> columns = new ArrayList<>(analysis.columns());
        ColumnAnalysis code = columns.get(1);
        columns.set(1, new ColumnAnalysis(1, code.label(), code.name(), ValueType.INTEGER, "", 0, 0));
        List<String> before = store.tables();

        assertThatThrownBy(() -> CsvLoader.load(
                        file, new ImportPlan(analysis, columns, ImportPlan.BadValues.FAIL), store, new ImportMonitor()))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.error.bad-value");
                    assertThat(e.arguments()).containsExactly(4L, "code", "3A", ValueType.INTEGER);
                });
        assertThat(store.tables()).containsExactlyInAnyOrderElementsOf(before);

        ImportReport nulled = CsvLoader.load(
                file, new ImportPlan(analysis, columns, ImportPlan.BadValues.NULL), store, new ImportMonitor());
        assertThat(nulled.rows()).isEqualTo(4);
        assertThat(nulled.nulledCells()).containsExactly(new ImportReport.BadCell(4, "code", "3A", ValueType.INTEGER));
        assertThat(store.rows(nulled.table(), 2, 1).get(0)).containsExactly(3L, null);
    }

    @Test
    void a_cancelled_import_leaves_nothing_behind() throws Exception {
        Path file = RealDatasets.file("sg_hdb_resale_flat_prices_2015-01_to_2016-01_truncated.csv");
        CsvAnalysis analysis = CsvAnalyzer.analyze(file);
        ImportMonitor monitor = new ImportMonitor();
        monitor.cancel();
        List<String> before = store.tables();
        assertThatThrownBy(() -> CsvLoader.load(file, ImportPlan.asDetected(analysis), store, monitor))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.messageKey()).isEqualTo("import.error.cancelled"));
        assertThat(monitor.rows()).isEqualTo(CsvLoader.PROGRESS_EVERY);
        assertThat(store.tables()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void ragged_rows_are_skipped_and_reported() throws Exception {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, "a,b\n1,2\n3\n5,6\n7,8\n");
        ImportReport report =
                CsvLoader.load(file, ImportPlan.asDetected(CsvAnalyzer.analyze(file)), store, new ImportMonitor());
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.skippedLines()).containsExactly(3L);
    }
}
