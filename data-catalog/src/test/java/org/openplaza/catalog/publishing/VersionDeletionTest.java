package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.audit.AuditEvent;
import org.openplaza.audit.AuditService;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.VersionSummary;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.datastore.DatasetStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Deleting a version, as CKAN's resource_delete asks: gone for every reader, its rows and file
 * removed. Each step commits, as it does in the portal, so that caches hear of the change.
 */
@SpringBootTest(properties = "spring.datasource.name=committing-publishing-test")
class VersionDeletionTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    DatasetReader reader;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    DatasetStore store;

    @Autowired
    AuditService audit;

    @Autowired
    DSLContext db;

    @TempDir
    Path dir;

    long dataset;

    @BeforeEach
    void a_published_dataset_of_two_versions() throws Exception {
        TestCallers.userOnce(db, "deleting-kang");
        TestCallers.userOnce(db, "deleting-outsider");
        TestCallers.signIn("root", "ADMIN");
        long organisation =
                publishing.createOrganisation("Busan " + System.nanoTime()).id();
        publishing.addMember(organisation, "deleting-kang");
        TestCallers.signIn("deleting-kang", "OFFICIAL");
        Path first = Files.writeString(dir.resolve("v1.csv"), "district,cases\nHaeundae,4\nSuyeong,2\n");
        dataset = TestDatasets.imported(publishing, TestDatasets.metadata(organisation, "Cases"), first, true);
        importNext("v2.csv", "district,cases\nHaeundae,5\nSuyeong,3\nJung,9\n");
    }

    private VersionSummary importNext(String name, String csv) throws Exception {
        Path file = Files.writeString(dir.resolve(name), csv);
        return publishing
                .importVersion(
                        dataset,
                        file,
                        name,
                        ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                        List.of(),
                        new ImportMonitor())
                .version();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String tableOf(long versionId) {
        return db.select(org.openplaza.db.catalog.Tables.DATASET_VERSION.STORE_TABLE)
                .from(org.openplaza.db.catalog.Tables.DATASET_VERSION)
                .where(org.openplaza.db.catalog.Tables.DATASET_VERSION.ID.eq(versionId))
                .fetchSingle(org.openplaza.db.catalog.Tables.DATASET_VERSION.STORE_TABLE);
    }

    @Test
    void the_deleted_version_is_gone_for_every_reader_and_the_one_before_is_current_again() throws Exception {
        List<VersionSummary> before = publishing.versions(dataset);
        long first = before.get(0).id();
        long second = before.get(1).id();
        String table = tableOf(second);
        Path file = publishing.originalFile(second).orElseThrow().path();
        TestCallers.signIn("deleting-kang", "OFFICIAL");
        long chart = visualisations.save(
                dataset,
                "Cases by district",
                "",
                new ChartDefinition(
                        ChartType.BAR,
                        GroupRequest.of(
                                org.openplaza.catalog.GroupRequest.Dimension.of("district"),
                                new org.openplaza.catalog.GroupRequest.Measure(
                                        "cases", org.openplaza.catalog.GroupRequest.Aggregation.SUM))),
                false);

        publishing.deleteVersion(second);

        assertThat(reader.byId(dataset).orElseThrow().currentVersionId()).isEqualTo(first);
        assertThat(reader.byId(dataset).orElseThrow().rows()).isEqualTo(2);
        assertThat(publishing.versions(dataset)).extracting(VersionSummary::id).containsExactly(first);
        assertThat(reader.resource(second)).isEmpty();
        assertThat(publishing.originalFile(second)).isEmpty();
        assertThat(store.exists(table)).isFalse();
        assertThat(file).doesNotExist();
        // the chart pinned to the deleted version draws the version now current
        assertThat(visualisations.draw(chart).orElseThrow().data().categories()).containsExactly("Haeundae", "Suyeong");
        assertThat(audit.history("dataset", String.valueOf(dataset), 0, 10))
                .extracting(AuditEvent::eventType)
                .contains("VERSION_DELETED");
        assertThatThrownBy(() -> publishing.deleteVersion(second))
                .isInstanceOf(CatalogException.class)
                .extracting("messageKey")
                .isEqualTo("publish.error.no-version-found");
    }

    @Test
    void the_next_version_after_a_deletion_takes_a_new_number() throws Exception {
        long second = publishing.versions(dataset).get(1).id();
        publishing.deleteVersion(second);
        VersionSummary imported = importNext("v3.csv", "district,cases\nHaeundae,6\n");
        assertThat(imported.number()).isEqualTo(3);
        assertThat(publishing.versions(dataset))
                .extracting(VersionSummary::number)
                .containsExactly(1, 3);
    }

    @Test
    void a_published_dataset_keeps_its_last_version() throws Exception {
        List<VersionSummary> versions = publishing.versions(dataset);
        publishing.deleteVersion(versions.get(1).id());
        long last = versions.get(0).id();
        String table = tableOf(last);

        assertThatThrownBy(() -> publishing.deleteVersion(last))
                .isInstanceOf(CatalogException.class)
                .extracting("messageKey")
                .isEqualTo("publish.error.last-version");
        assertThat(store.exists(table)).isTrue();
        assertThat(publishing.originalFile(last)).isPresent();
    }

    @Test
    void a_withdrawn_dataset_may_lose_every_version() throws Exception {
        publishing.withdraw(dataset);
        for (VersionSummary version : publishing.versions(dataset)) {
            publishing.deleteVersion(version.id());
        }
        assertThat(reader.byId(dataset).orElseThrow().currentVersionId()).isNull();
        assertThat(publishing.versions(dataset)).isEmpty();
        assertThatThrownBy(() -> publishing.publish(dataset))
                .isInstanceOf(CatalogException.class)
                .extracting("messageKey")
                .isEqualTo("publish.error.no-version");
    }

    @Test
    void only_the_datasets_publishers_may_delete_its_versions() throws Exception {
        long second = publishing.versions(dataset).get(1).id();
        String table = tableOf(second);
        TestCallers.signIn("deleting-outsider", "OFFICIAL");
        assertThatThrownBy(() -> publishing.deleteVersion(second)).isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("citizen", "CITIZEN");
        assertThatThrownBy(() -> publishing.deleteVersion(second)).isInstanceOf(AccessDeniedException.class);
        assertThat(store.exists(table)).isTrue();
    }
}
