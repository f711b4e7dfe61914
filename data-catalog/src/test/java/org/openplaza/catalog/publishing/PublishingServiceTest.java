package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.audit.AuditEvent;
import org.openplaza.audit.AuditService;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.DatasetSummary;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ImportedVersion;
import org.openplaza.catalog.ManagedDataset;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.VersionSummary;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.importer.RealDatasets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@Transactional
class PublishingServiceTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    CatalogService catalog;

    @Autowired
    AuditService audit;

    @Autowired
    DatasetStore store;

    @Autowired
    DSLContext db;

    @Autowired
    DatasetReader reader;

    @TempDir
    Path dir;

    long organisation;

    @BeforeEach
    void an_organisation_with_one_publishing_official() {
        TestCallers.user(db, "park");
        TestCallers.user(db, "outsider");
        TestCallers.signIn("root", "ADMIN");
        organisation = publishing.createOrganisation("Seoul Health Department").id();
        publishing.addMember(organisation, "park");
        TestCallers.signIn("park", "OFFICIAL", "CITIZEN");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private DatasetMetadata metadata(String title) {
        return new DatasetMetadata(
                organisation,
                title,
                "Confirmed COVID-19 cases in Seoul, as published by the city.",
                "Data team",
                "data@seoul.example",
                Set.of("HEAL"),
                List.of("covid-19", "seoul"),
                "KOGL-Type-1",
                "DAILY",
                null,
                null,
                "Seoul",
                "ko");
    }

    private VersionSummary importFile(long dataset, Path file) throws Exception {
        CsvAnalysis analysis = publishing.analyse(file, ReadSettings.DETECT);
        return publishing
                .importVersion(
                        dataset,
                        file,
                        file.getFileName().toString(),
                        ImportPlan.asDetected(analysis),
                        List.of(),
                        new ImportMonitor())
                .version();
    }

    @Test
    void a_new_version_keeps_the_names_its_columns_had_by_label() throws Exception {
        long dataset = publishing.createDataset(metadata("Seoul air quality"));
        Path file = RealDatasets.file("kr_seoul_daily_air_quality_2018_cp949.csv");
        CsvAnalysis analysis = publishing.analyse(file, ReadSettings.DETECT);
        List<ColumnAnalysis> renamed = new ArrayList<>(analysis.columns());
        ColumnAnalysis first = renamed.get(0);
        // as an official (or an earlier version of the portal) named it
        renamed.set(
                0,
                new ColumnAnalysis(
                        first.index(),
                        first.label(),
                        "measured_on",
                        first.type(),
                        first.format(),
                        first.scale(),
                        first.nulls()));
        publishing.importVersion(
                dataset,
                file,
                "air.csv",
                new ImportPlan(analysis, renamed, ImportPlan.BadValues.FAIL),
                List.of(),
                new ImportMonitor());
        importFile(dataset, file);
        List<DatasetColumn> columns = publishing.columns(dataset);
        assertThat(columns.get(0).name())
                .as("the second version, imported as detected, keeps the first's name")
                .isEqualTo("measured_on");
        assertThat(columns.get(1).name()).isEqualTo(analysis.columns().get(1).name());
    }

    private void importNamed(long dataset, Path file, CsvAnalysis analysis, List<ColumnAnalysis> columns)
            throws Exception {
        publishing.importVersion(
                dataset,
                file,
                "cpi.csv",
                new ImportPlan(analysis, columns, ImportPlan.BadValues.FAIL),
                List.of(),
                new ImportMonitor());
    }

    @Test
    void a_name_the_official_gives_a_column_is_kept_over_the_earlier_versions_and_a_bad_one_is_refused()
            throws Exception {
        long dataset = publishing.createDataset(metadata("Consumer prices"));
        Path file = RealDatasets.file("de_destatis_cpi_61111-0002_latin1.csv");
        importFile(dataset, file);
        CsvAnalysis analysis = publishing.analyse(file, ReadSettings.DETECT);
        List<ColumnAnalysis> named = new ArrayList<>(analysis.columns());
        named.set(0, named.get(0).named(named.get(0).label(), "jahr"));
        importNamed(dataset, file, analysis, named);
        assertThat(publishing.columns(dataset).get(0).name()).isEqualTo("jahr");

        for (String bad : List.of("Jahr", "jahr; drop table x", "opz_key", "rowid", "1991", "j".repeat(49))) {
            named.set(0, named.get(0).named(named.get(0).label(), bad));
            assertThatThrownBy(() -> importNamed(dataset, file, analysis, named))
                    .as(bad)
                    .isInstanceOfSatisfying(CatalogException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("publish.error.column-name");
                        assertThat(e.field()).isEqualTo("column-0");
                    });
        }
        named.set(0, named.get(0).named(named.get(0).label(), named.get(2).name()));
        assertThatThrownBy(() -> importNamed(dataset, file, analysis, named))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("publish.error.column-name-taken"));
        assertThat(publishing.versions(dataset))
                .as("nothing recorded by the refused imports")
                .hasSize(2);
    }

    @Test
    void a_wide_table_turned_long_is_recorded_with_a_period_column_of_years_and_a_value_column() throws Exception {
        long dataset = publishing.createDataset(metadata("Household expenditure"));
        Path file = RealDatasets.file("sg_singstat_household_expenditure_M212981.csv");
        CsvAnalysis analysis = publishing.analyse(file, ReadSettings.DETECT);
        ImportPlan plan = ImportPlan.asDetected(analysis)
                .unpivoting(new org.openplaza.catalog.Unpivot(
                        org.openplaza.catalog.Unpivot.periodFields(analysis), "Year", "Dollars"));
        VersionSummary version = publishing
                .importVersion(
                        dataset, file, "M212981.csv", plan, List.of("The type of goods", "", ""), new ImportMonitor())
                .version();
        assertThat(version.rows()).isEqualTo(96);
        List<DatasetColumn> columns = publishing.columns(dataset);
        assertThat(columns).extracting(DatasetColumn::name).containsExactly("data_series", "year", "dollars");
        assertThat(columns.get(0).description()).isEqualTo("The type of goods");
        assertThat(columns.get(1).holdsPeriods())
                .as("years, drawn as a time series")
                .isTrue();
        assertThat(columns.get(1).min()).startsWith("1993");
        assertThat(columns.get(1).text(java.time.LocalDate.of(2018, 1, 1))).isEqualTo("2018");
        assertThat(columns.get(2).type()).isEqualTo(ValueType.DECIMAL);
    }

    @Test
    void sql_reaches_a_resource_only_once_its_dataset_is_published_and_only_two_queries_run_at_once() throws Exception {
        long dataset = publishing.createDataset(metadata("Rainfall for SQL"));
        VersionSummary version = importFile(dataset, RealDatasets.file("sg_rainfall_monthly_total_1982_2025.csv"));
        String query = "SELECT count(*) AS months FROM \"" + version.id() + "\"";
        assertThatThrownBy(() -> reader.sql(query))
                .as("a draft, though its publisher asks")
                .isInstanceOf(org.openplaza.catalog.ReadOnlySql.Refused.class);
        publishing.publish(dataset);
        assertThat(((Number) reader.sql(query).rows().get(0)[0]).longValue()).isEqualTo(527);

        reader.sqlSlots().acquire(DatasetReader.SQL_AT_ONCE);
        try {
            assertThatThrownBy(() -> reader.sql(query))
                    .isInstanceOf(org.openplaza.catalog.ReadOnlySql.Refused.class)
                    .hasMessageContaining("try again");
        } finally {
            reader.sqlSlots().release(DatasetReader.SQL_AT_ONCE);
        }
        publishing.withdraw(dataset);
        assertThatThrownBy(() -> reader.sql(query))
                .as("withdrawn")
                .isInstanceOf(org.openplaza.catalog.ReadOnlySql.Refused.class);
    }

    @Test
    void the_null_markers_of_a_statistical_table_are_kept_in_its_profile() throws Exception {
        long dataset = publishing.createDataset(metadata("Consumer prices"));
        importFile(dataset, RealDatasets.file("de_destatis_cpi_61111-0002_latin1.csv"));
        List<DatasetColumn> columns = publishing.columns(dataset);
        assertThat(columns.get(3).nulls()).isEqualTo(14);
        assertThat(columns.get(3).nullMarkers())
                .containsExactly(java.util.Map.entry("-", 2L), java.util.Map.entry(".", 12L));
        assertThat(columns.get(4).nullMarkers())
                .containsExactly(java.util.Map.entry("-", 78L), java.util.Map.entry(".", 1L));
        assertThat(columns.get(1).nullMarkers())
                .as("a text column keeps its cells as text")
                .isEmpty();
    }

    @Test
    void korean_and_chinese_titles_name_their_datasets_in_latin_letters_and_a_name_may_be_chosen() {
        long korean = publishing.createDataset(metadata("서울시 대기질 현황"));
        long chinese = publishing.createDataset(metadata("臺中市不動產實價登錄"));
        List<String> slugs = publishing.managedDatasets().stream()
                .filter(d -> d.id() == korean || d.id() == chinese)
                .map(ManagedDataset::slug)
                .toList();
        assertThat(slugs)
                .hasSize(2)
                .allSatisfy(slug -> assertThat(slug).matches("[a-z0-9-]+").doesNotStartWith("dataset-"))
                .anySatisfy(slug -> assertThat(slug).startsWith("seoulsi-daegijil-"))
                .anySatisfy(slug -> assertThat(slug).startsWith("tai-zhong-shi-"));

        long named = publishing.createDataset(metadata("Rain gauges"), "rain-gauges");
        assertThat(publishing.managedDatasets().stream().filter(d -> d.id() == named))
                .singleElement()
                .extracting(ManagedDataset::slug)
                .isEqualTo("rain-gauges");
        assertThatThrownBy(() -> publishing.createDataset(metadata("Rain gauges again"), "rain-gauges"))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.messageKey()).isEqualTo("publish.error.name-taken"));
        for (String bad : List.of("Rain Gauges", "r", "12345", "rain/gauges", "x".repeat(101))) {
            assertThatThrownBy(() -> publishing.createDataset(metadata("Badly named"), bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            CatalogException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("publish.error.name-invalid"));
        }
    }

    @Test
    void an_official_creates_imports_and_publishes_and_citizens_then_find_it() throws Exception {
        long dataset = publishing.createDataset(metadata("Seoul COVID-19 confirmed cases"));
        assertThat(catalog.countPublishedDatasets()).as("a draft is not public").isZero();

        Path file = RealDatasets.file("kr_seoul_covid19_confirmed_cases_2020-11-06_cp949.csv");
        VersionSummary version = importFile(dataset, file);
        assertThat(version.number()).isEqualTo(1);
        assertThat(version.rows()).isEqualTo(6272);
        assertThat(version.bytes()).isEqualTo(Files.size(file));
        assertThat(version.sha256()).hasSize(64);
        assertThat(version.encoding()).isEqualTo("x-windows-949");

        publishing.publish(dataset);
        assertThat(catalog.listPublishedDatasets(0, 10))
                .extracting(DatasetSummary::title)
                .containsExactly("Seoul COVID-19 confirmed cases");
        assertThat(publishing.managedDatasets()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo("PUBLISHED");
            assertThat(d.rows()).isEqualTo(6272);
            assertThat(d.slug()).startsWith("seoul-covid-19-confirmed-cases-");
        });

        TestCallers.signIn("root", "ADMIN");
        assertThat(audit.search("dataset", 0, 20))
                .extracting(AuditEvent::eventType)
                .contains("DATASET_CREATED", "VERSION_IMPORTED", "DATASET_PUBLISHED");

        TestCallers.signIn("park", "OFFICIAL");
        publishing.withdraw(dataset);
        assertThat(catalog.countPublishedDatasets()).isZero();
    }

    @Test
    void each_column_is_profiled_during_the_import() throws Exception {
        long dataset = publishing.createDataset(metadata("COVID-19 by province"));
        importFile(dataset, RealDatasets.file("kr_ds4c_covid19_time_province.csv"));
        List<DatasetColumn> columns = publishing.columns(dataset);
        assertThat(columns)
                .extracting(DatasetColumn::name)
                .containsExactly("date", "time", "province", "confirmed", "released", "deceased");
        DatasetColumn date = columns.get(0);
        assertThat(date.min()).isEqualTo("2020-01-20");
        assertThat(date.max()).isEqualTo("2020-04-30");
        assertThat(date.nulls()).isZero();
        DatasetColumn province = columns.get(2);
        assertThat(province.distinct()).isBetween(16L, 18L);
        assertThat(province.topValues())
                .hasSize(5)
                .allSatisfy(top -> assertThat(top.count()).isEqualTo(102));
        DatasetColumn confirmed = columns.get(3);
        assertThat(confirmed.min()).isEqualTo("0");
        assertThat(confirmed.mean()).isNotBlank();
    }

    @Test
    void only_members_of_the_owning_organisation_may_change_a_dataset() throws Exception {
        long dataset = publishing.createDataset(metadata("Members only"));
        TestCallers.signIn("outsider", "OFFICIAL");
        assertThatThrownBy(() -> publishing.createDataset(metadata("Not mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> publishing.publish(dataset)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> publishing.updateMetadata(dataset, metadata("Taken over")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(publishing.managedDatasets()).isEmpty();
        TestCallers.signIn("outsider", "CITIZEN");
        assertThatThrownBy(() -> publishing.managedDatasets()).isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("root", "ADMIN");
        assertThat(publishing.metadata(dataset).title()).isEqualTo("Members only");
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_before_it_is_read() throws Exception {
        PublishingService limited = new PublishingService(
                null,
                store,
                new org.openplaza.catalog.datastore.CatalogProperties("unused.duckdb", "unused", 100, "1GiB", 2),
                null,
                null,
                null);
        Path file = dir.resolve("big.csv");
        Files.writeString(file, "a,b\n" + "1,2\n".repeat(50));
        assertThatThrownBy(() -> limited.analyse(file, ReadSettings.DETECT))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("publish.error.too-large");
                    assertThat(e.arguments()).containsExactly("100 bytes");
                });
    }

    @Test
    void a_dataset_without_a_version_cannot_be_published() {
        long dataset = publishing.createDataset(metadata("Empty so far"));
        assertThatThrownBy(() -> publishing.publish(dataset))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.messageKey()).isEqualTo("publish.error.no-version"));
    }

    @Test
    void required_metadata_is_checked_field_by_field() {
        DatasetMetadata good = metadata("Good title");
        assertThatThrownBy(() -> publishing.createDataset(new DatasetMetadata(
                        organisation,
                        " ",
                        good.description(),
                        null,
                        null,
                        Set.of(),
                        List.of(),
                        "CC-BY-4.0",
                        "DAILY",
                        null,
                        null,
                        null,
                        "en")))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.field()).isEqualTo("title"));
        assertThatThrownBy(() -> publishing.createDataset(new DatasetMetadata(
                        organisation,
                        "Title",
                        good.description(),
                        null,
                        null,
                        Set.of(),
                        List.of(),
                        "MY-OWN",
                        "DAILY",
                        null,
                        null,
                        null,
                        "en")))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.field()).isEqualTo("licence"));
        assertThatThrownBy(() -> publishing.createDataset(new DatasetMetadata(
                        organisation,
                        "Title",
                        good.description(),
                        null,
                        "not-an-email",
                        Set.of("HEAL"),
                        List.of(),
                        "CC-BY-4.0",
                        "DAILY",
                        java.time.LocalDate.of(2020, 2, 1),
                        java.time.LocalDate.of(2020, 1, 1),
                        null,
                        "en")))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.field()).isEqualTo("contactEmail"));
    }

    @Test
    void a_new_version_replaces_the_current_one_only_once_complete_and_shows_its_schema_diff() throws Exception {
        long dataset = publishing.createDataset(metadata("Rainfall"));
        Path first = dir.resolve("rain-1.csv");
        Files.writeString(first, "month,total_rainfall,station\n2020-01,107.1,Changi\n2020-02,27.8,Changi\n");
        importFile(dataset, first);

        Path broken = dir.resolve("rain-broken.csv");
        Files.writeString(broken, "month,total_rainfall\n2020-01,\"107.1\n");
        List<String> tablesBefore = store.tables();
        assertThatThrownBy(() -> importFile(dataset, broken)).isInstanceOf(CatalogException.class);
        assertThat(store.tables()).containsExactlyInAnyOrderElementsOf(tablesBefore);
        assertThat(publishing.versions(dataset)).hasSize(1);

        Path second = dir.resolve("rain-2.csv");
        Files.writeString(second, "month,total_rainfall,rain_days\n2020-01,107,9\n2020-02,28,4\n2020-03,heavy,2\n");
        importFile(dataset, second);
        List<VersionSummary> versions = publishing.versions(dataset);
        assertThat(versions).extracting(VersionSummary::number).containsExactly(1, 2);
        VersionSummary latest = versions.get(1);
        assertThat(latest.rows()).isEqualTo(3);
        assertThat(latest.added()).containsExactly("rain_days");
        assertThat(latest.removed()).containsExactly("station");
        assertThat(latest.retyped()).containsExactly("total_rainfall (DECIMAL → TEXT)");
        assertThat(publishing.managedDatasets().get(0).currentVersion()).isEqualTo(2);
    }

    @Test
    void a_value_that_does_not_fit_an_overridden_type_is_reported_and_nothing_is_recorded() throws Exception {
        long dataset = publishing.createDataset(metadata("Codes"));
        Path file = dir.resolve("codes.csv");
        Files.writeString(file, "id,code\n1,10\n2,2B\n");
        CsvAnalysis analysis = publishing.analyse(file, ReadSettings.DETECT);
        List<ColumnAnalysis> columns = new ArrayList<>(analysis.columns());
        ColumnAnalysis code = columns.get(1);
        columns.set(1, new ColumnAnalysis(1, code.label(), code.name(), ValueType.INTEGER, "", 0, code.nulls()));
        assertThatThrownBy(() -> publishing.importVersion(
                        dataset,
                        file,
                        "codes.csv",
                        new ImportPlan(analysis, columns, ImportPlan.BadValues.FAIL),
                        List.of(),
                        new ImportMonitor()))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.arguments()).contains(3L, "2B"));
        assertThat(publishing.versions(dataset)).isEmpty();

        ImportedVersion nulled = publishing.importVersion(
                dataset,
                file,
                "codes.csv",
                new ImportPlan(analysis, columns, ImportPlan.BadValues.NULL),
                List.of(),
                new ImportMonitor());
        assertThat(nulled.nulledCount()).isEqualTo(1);
        assertThat(nulled.nulledCells())
                .containsExactly(new org.openplaza.catalog.ImportReport.BadCell(3, "code", "2B", ValueType.INTEGER));
        assertThat(publishing.originalFile(nulled.version().id()))
                .hasValueSatisfying(
                        f -> assertThat(f.bytes()).isEqualTo(nulled.version().bytes()));
        TestCallers.signIn("outsider", "CITIZEN");
        assertThat(publishing.originalFile(nulled.version().id()))
                .as("a draft's file is not public")
                .isEmpty();
    }
}
