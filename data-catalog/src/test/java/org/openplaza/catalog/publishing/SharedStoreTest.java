package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.catalog.Tables.DATASET_VERSION;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.CatalogTestApplication;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ExportFormat;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.GroupRequest.Dimension;
import org.openplaza.catalog.GroupRequest.Measure;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.OrphanSweep;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.PushedRecords;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.catalog.SearchResult;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.UpsertMethod;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.importer.RealDatasets;
import org.openplaza.testdb.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes of a cluster, each with a DuckDB of its own, sharing the portal's database and a
 * directory for versions and originals: what one node imports, the other reads, charts and exports
 * on its next call; neither node's sweep of orphans takes what the other is writing; a load
 * stopped half-way never leaves a file any node would read as a version; and records pushed on
 * both nodes at once to one live version are all kept.
 */
@SpringBootTest
class SharedStoreTest {

    static final Path SHARED = SecondNode.sharedDirectory("shared-store");

    @DynamicPropertySource
    static void sharedDirectories(DynamicPropertyRegistry registry) {
        registry.add(
                "openplaza.catalog.shared-store-dir",
                () -> SHARED.resolve("versions").toString());
        registry.add(
                "openplaza.catalog.originals-dir",
                () -> SHARED.resolve("originals").toString());
        registry.add("openplaza.catalog.shared-store-grace", () -> "PT1H");
    }

    static ConfigurableApplicationContext nodeB;

    @Autowired
    PublishingService publishing;

    @Autowired
    DatasetReader reader;

    @Autowired
    DatasetStore store;

    @Autowired
    DSLContext db;

    @Autowired
    DataSource dataSource;

    @Autowired
    PushedRecords pushedRecords;

    @Autowired
    Environment environment;

    @BeforeEach
    void startNodeB() throws Exception {
        if (nodeB != null) {
            return;
        }
        Path local = Files.createTempDirectory("openplaza-node-b");
        nodeB = new SpringApplicationBuilder(CatalogTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(SecondNode.with(
                        SecondNode.sameDatabase(environment, dataSource),
                        "--openplaza.catalog.store-file=" + local.resolve("datasets.duckdb"),
                        "--openplaza.catalog.shared-store-dir=" + SHARED.resolve("versions"),
                        "--openplaza.catalog.originals-dir=" + SHARED.resolve("originals"),
                        "--openplaza.catalog.shared-store-grace=PT1H",
                        // every read that trusts a cache first hears what the other node changed
                        "--openplaza.cluster.catch-up-after=PT0S"));
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long importedOnNodeA(String title) throws Exception {
        if (!db.fetchExists(
                org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("accounts", "app_user")),
                org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("username")).eq("cluster-official"))) {
            TestCallers.user(db, "cluster-official");
        }
        TestCallers.signIn("root", "ADMIN");
        long organisation =
                publishing.createOrganisation("Cluster Department " + title).id();
        publishing.addMember(organisation, "cluster-official");
        TestCallers.signIn("cluster-official", "OFFICIAL", "CITIZEN");
        long dataset = TestDatasets.imported(
                publishing,
                TestDatasets.metadata(organisation, title),
                RealDatasets.file("kr_ds4c_covid19_time_province.csv"),
                true);
        TestCallers.anonymous();
        return dataset;
    }

    @Test
    void a_version_imported_on_one_node_is_read_charted_and_exported_on_the_other() throws Exception {
        long dataset = importedOnNodeA("Confirmed cases by province");
        DatasetReader readerB = nodeB.getBean(DatasetReader.class);

        RowRequest seoul = RowRequest.ALL
                .withFilter(new RowRequest.Equals("province", "Seoul"))
                .withSorts(List.of(new RowRequest.Sort("confirmed", true)));
        long rows = reader.byId(dataset).orElseThrow().rows();
        assertThat(rows).isGreaterThan(1000);
        assertThat(readerB.count(dataset, RowRequest.ALL)).isEqualTo(rows);
        assertThat(readerB.count(dataset, seoul))
                .isEqualTo(reader.count(dataset, seoul))
                .isPositive();
        assertThat(readerB.rows(dataset, seoul, 0, 20))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(reader.rows(dataset, seoul, 0, 20));
        // a page deep in file order, read by row number from the shared file
        assertThat(readerB.rows(dataset, RowRequest.ALL, rows - 5, 50)).hasSize(5);
        assertThat(readerB.rows(dataset, RowRequest.ALL, rows - 5, 50))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(reader.rows(dataset, RowRequest.ALL, rows - 5, 50));

        Grouped onA = reader.group(
                dataset,
                GroupRequest.of(Dimension.of("province"), new Measure("confirmed", GroupRequest.Aggregation.MAX)));
        Grouped onB = readerB.group(
                dataset,
                GroupRequest.of(Dimension.of("province"), new Measure("confirmed", GroupRequest.Aggregation.MAX)));
        assertThat(onB).isEqualTo(onA);
        assertThat(onB.categories()).contains("Seoul", "Busan");
        assertThat(onB.series().get(0).values()).isNotEmpty().allMatch(v -> v != null && v > 0);
        assertThat(readerB.histogram(dataset, "confirmed", 10)).isEqualTo(reader.histogram(dataset, "confirmed", 10));

        ByteArrayOutputStream exportA = new ByteArrayOutputStream();
        ByteArrayOutputStream exportB = new ByteArrayOutputStream();
        reader.export(dataset, null, seoul, ExportFormat.CSV, exportA);
        readerB.export(dataset, null, seoul, ExportFormat.CSV, exportB);
        assertThat(exportB.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(exportA.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Seoul");

        // the original file as uploaded is on the shared volume, where node B finds it
        PublishingService publishingB = nodeB.getBean(PublishingService.class);
        long version = reader.byId(dataset).orElseThrow().currentVersionId();
        Path original = publishingB.originalFile(version).orElseThrow().path();
        assertThat(original).startsWith(SHARED.resolve("originals")).exists();

        // the version is one finished Parquet file, nothing half-written beside it
        try (Stream<Path> files = Files.list(SHARED.resolve("versions"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .contains(db.select(DATASET_VERSION.STORE_TABLE)
                                    .from(DATASET_VERSION)
                                    .where(DATASET_VERSION.ID.eq(version))
                                    .fetchSingle(DATASET_VERSION.STORE_TABLE)
                            + ".parquet")
                    .noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void records_pushed_on_either_node_are_read_on_the_other_and_none_is_lost_when_both_push_at_once()
            throws Exception {
        if (!db.fetchExists(
                org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("accounts", "app_user")),
                org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("username")).eq("cluster-official"))) {
            TestCallers.user(db, "cluster-official");
        }
        TestCallers.signIn("root", "ADMIN");
        long organisation = publishing.createOrganisation("Cluster sensors").id();
        publishing.addMember(organisation, "cluster-official");
        TestCallers.signIn("cluster-official", "OFFICIAL");
        var official = SecurityContextHolder.getContext().getAuthentication();
        long dataset = publishing.createDataset(TestDatasets.metadata(organisation, "Gate counts, live"));
        PushedRecords onA = pushedRecords;
        PushedRecords onB = nodeB.getBean(PushedRecords.class);
        long version = onA.create(
                dataset,
                "counts",
                List.of(
                        new PushedRecords.FieldSpec("gate", ValueType.TEXT, "Gate"),
                        new PushedRecords.FieldSpec("visitors", ValueType.INTEGER, "Visitors")),
                List.of("gate"),
                List.of(java.util.Map.of("gate", "start", "visitors", 0)));
        publishing.publish(dataset);
        DatasetReader readerB = nodeB.getBean(DatasetReader.class);
        assertThat(readerB.resourceRows(version, RowRequest.ALL, 0, 100)).hasSize(1);

        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> pushes = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                PushedRecords node = i % 2 == 0 ? onA : onB;
                String gate = "gate-" + i;
                int visitors = i;
                pushes.add(threads.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(official);
                    try {
                        return node.upsert(
                                version,
                                List.of(java.util.Map.of("gate", gate, "visitors", visitors)),
                                UpsertMethod.UPSERT);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            for (java.util.concurrent.Future<?> push : pushes) {
                push.get();
            }
        } finally {
            threads.shutdown();
        }
        TestCallers.anonymous();
        assertThat(reader.resourceRows(version, RowRequest.ALL, 0, 100)).hasSize(13);
        assertThat(readerB.resourceRows(version, RowRequest.ALL, 0, 100))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(reader.resourceRows(version, RowRequest.ALL, 0, 100));
        try (Stream<Path> files = Files.list(SHARED.resolve("versions"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    private static SearchResult searchFor(ConfigurableApplicationContext node, String words) {
        return node.getBean(CatalogSearch.class)
                .search(new SearchRequest(words, java.util.Map.of(), SearchRequest.Order.RELEVANCE, 0, 10));
    }

    @Test
    void a_dataset_published_on_one_node_is_found_on_the_other_and_once_withdrawn_is_gone_from_it() throws Exception {
        long dataset = importedOnNodeA("Cross-node province series");
        DatasetReader readerB = nodeB.getBean(DatasetReader.class);
        // node B has read it, so its state is in node B's cache
        assertThat(readerB.byId(dataset)).isPresent();
        assertThat(readerB.rows(dataset, RowRequest.ALL, 0, 3)).hasSize(3);
        assertThat(searchFor(nodeB, "cross-node province").hits())
                .extracting(SearchResult.Hit::id)
                .contains(dataset);

        TestCallers.signIn("cluster-official", "OFFICIAL", "CITIZEN");
        publishing.withdraw(dataset);
        TestCallers.anonymous();

        // the next read on node B, with no wait: gone from its pages, rows and search
        assertThat(readerB.byId(dataset)).isEmpty();
        assertThat(searchFor(nodeB, "cross-node province").hits())
                .extracting(SearchResult.Hit::id)
                .doesNotContain(dataset);
        // and node A, which made the change, knew at once
        assertThat(reader.byId(dataset)).isEmpty();
    }

    private static final List<StoreColumn> COLUMNS = List.of(new StoreColumn("n", ValueType.INTEGER, 0));

    @Test
    void a_nodes_sweep_spares_what_another_node_is_writing_and_removes_it_once_stale() throws Exception {
        // node A has loaded a version it has not yet recorded (its import is still profiling)
        String writing = store.load(COLUMNS, sink -> {
                    sink.row(new Object[] {1L});
                    return null;
                })
                .table();
        Path file = SHARED.resolve("versions").resolve(writing + ".parquet");
        Path halfWritten = SHARED.resolve("versions").resolve("ds_00000000000000aa.parquet.part");
        Files.write(halfWritten, new byte[] {1, 2, 3});
        Path original = Files.createDirectories(SHARED.resolve("originals").resolve("999999"))
                .resolve("being-copied.part");
        Files.writeString(original, "a,b\n1,2\n");

        TestCallers.signIn("root", "ADMIN");
        OrphanSweep.Swept swept = nodeB.getBean(OrphanSweep.class).sweep();
        assertThat(swept.tables()).doesNotContain(writing);
        assertThat(file).exists();
        assertThat(halfWritten).exists();
        assertThat(original).exists();

        // the same files, untouched for longer than the grace period: a node killed while writing
        FileTime old = FileTime.from(Instant.now().minusSeconds(2 * 3600));
        for (Path stale : List.of(file, halfWritten, original)) {
            Files.setLastModifiedTime(stale, old);
        }
        swept = nodeB.getBean(OrphanSweep.class).sweep();
        assertThat(swept.tables()).contains(writing, "ds_00000000000000aa.parquet.part");
        assertThat(file).doesNotExist();
        assertThat(halfWritten).doesNotExist();
        assertThat(original).doesNotExist();
        store.release(writing);
    }

    @Test
    void a_load_stopped_half_way_leaves_no_file_that_any_node_reads() throws Exception {
        List<String> before = nodeB.getBean(DatasetStore.class).tables();
        assertThatThrownBy(() -> store.load(COLUMNS, sink -> {
                    for (long i = 0; i < 10_000; i++) {
                        sink.row(new Object[] {i});
                    }
                    throw new IllegalStateException("the import was cancelled");
                }))
                .hasMessageContaining("cancelled");
        assertThat(nodeB.getBean(DatasetStore.class).tables()).containsExactlyInAnyOrderElementsOf(before);
        try (Stream<Path> files = Files.list(SHARED.resolve("versions"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }
}
