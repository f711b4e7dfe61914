package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.OrphanSweep;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.VersionSummary;
import org.openplaza.catalog.datastore.CatalogProperties;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.datastore.StoreOrphans;
import org.openplaza.catalog.importer.RealDatasets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an import killed half-way leaves behind (a staging table, a loaded table never recorded,
 * an original file with no version, a half-written copy) is removed by the sweep, while recorded
 * versions and an import under way are left alone.
 */
@SpringBootTest
@Transactional
class OrphanSweepTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    OrphanSweep sweep;

    @Autowired
    DatasetStore store;

    @Autowired
    CatalogProperties properties;

    @Autowired
    DSLContext db;

    long organisation;

    @BeforeEach
    void anOfficial() {
        TestCallers.user(db, "sweeper");
        TestCallers.signIn("root", "ADMIN");
        organisation = publishing.createOrganisation("Sweeping Department").id();
        publishing.addMember(organisation, "sweeper");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static final List<StoreColumn> COLUMNS = List.of(new StoreColumn("n", ValueType.INTEGER, 0));

    @Test
    void what_stopped_imports_left_is_removed_and_nothing_else() throws Exception {
        TestCallers.signIn("sweeper", "OFFICIAL", "CITIZEN");
        long dataset = publishing.createDataset(new DatasetMetadata(
                organisation,
                "Kept through the sweep",
                "A dataset whose version must survive.",
                "Data team",
                "data@city.example",
                Set.of("HEAL"),
                List.of("sweep"),
                "KOGL-Type-1",
                "DAILY",
                null,
                null,
                "Seoul",
                "ko"));
        Path file = RealDatasets.file("kr_ds4c_covid19_time_province.csv");
        VersionSummary kept = publishing
                .importVersion(
                        dataset,
                        file,
                        "provinces.csv",
                        ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                        List.of(),
                        new ImportMonitor())
                .version();
        String keptTable = db.fetchSingle("SELECT store_table FROM catalog.dataset_version WHERE id = ?", kept.id())
                .get(0, String.class);
        Path keptFile =
                Path.of(db.fetchSingle("SELECT stored_file FROM catalog.dataset_version WHERE id = ?", kept.id())
                        .get(0, String.class));

        // killed while loading: a staging table; killed after loading, before recording: a table
        String staging = StoreOrphans.leaveStaging(store);
        String unrecorded = store.load(COLUMNS, sink -> {
                    sink.row(new Object[] {7L});
                    return null;
                })
                .table();
        store.release(unrecorded); // the process that loaded it is gone
        // killed while copying the original, and after copying it
        Path folder = Path.of(properties.originalsDir(), String.valueOf(dataset));
        Path half = Files.writeString(folder.resolve("0c0ffee.part"), "n\n1\n");
        Path orphanFile = Files.writeString(folder.resolve("deadbeef-orphan.csv"), "n\n1\n");

        // and an import under way, held in the middle of its load
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<DatasetStore.Loaded<Object>> underWay = thread.submit(() -> store.load(COLUMNS, sink -> {
            sink.row(new Object[] {1L});
            loading.countDown();
            finish.await(30, TimeUnit.SECONDS);
            return null;
        }));
        assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();

        TestCallers.signIn("root", "ADMIN");
        OrphanSweep.Swept swept = sweep.sweep();
        assertThat(swept.tables()).contains(staging, unrecorded);
        assertThat(swept.files())
                .contains(
                        half.toAbsolutePath().normalize(),
                        orphanFile.toAbsolutePath().normalize());
        assertThat(store.tables()).doesNotContain(staging, unrecorded).contains(keptTable);
        assertThat(Files.exists(half)).isFalse();
        assertThat(Files.exists(orphanFile)).isFalse();
        assertThat(Files.exists(keptFile)).as("the recorded version's original").isTrue();
        assertThat(store.count(keptTable)).isEqualTo(kept.rows());
        assertThat(store.tables().stream().filter(t -> t.startsWith("staging_")))
                .as("the load under way keeps its staging table")
                .hasSize(1);

        finish.countDown();
        String loaded = underWay.get(30, TimeUnit.SECONDS).table();
        thread.shutdown();
        assertThat(sweep.sweep().tables())
                .as("loaded, not yet recorded by its import: spared")
                .doesNotContain(loaded);
        store.release(loaded);
        assertThat(sweep.sweep().tables())
                .as("released and never recorded: an orphan")
                .containsExactly(loaded);
    }
}
