package org.openplaza.catalog;

import static org.openplaza.db.catalog.Tables.DATASET_VERSION;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.openplaza.catalog.datastore.CatalogProperties;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.datastore.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Removes what a stopped import left behind: tables of the dataset store and original files that
 * no recorded version names and no import under way is writing. An import killed while loading,
 * profiling or recording leaves a staging or version table and its original file; the portal
 * sweeps them at start and then on a schedule.
 *
 * <p>What is judged is listed first, then the imports under way are read, then the records: a
 * table or file listed existed already, so it is either still under way (and spared), or recorded
 * by the time the records are read, or an orphan.
 *
 * <p>On a cluster, another node may be writing a shared file that this node knows nothing of: only
 * shared files older than {@code openplaza.catalog.shared-store-grace} are judged there.
 */
@Service
public class OrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

    /** What one sweep removed. */
    public record Swept(List<String> tables, List<Path> files) {}

    private final DSLContext db;
    private final DatasetStore store;
    private final PublishingService publishing;
    private final CatalogProperties properties;

    OrphanSweep(DSLContext db, DatasetStore store, PublishingService publishing, CatalogProperties properties) {
        this.db = db;
        this.store = store;
        this.publishing = publishing;
        this.properties = properties;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Swept sweep() {
        try {
            List<String> tables = store.settledTables().stream()
                    .filter(t -> DatasetStore.TABLE_NAME.matcher(t).matches())
                    .toList();
            List<Path> files = originalFiles();
            Set<String> loading = store.loading();
            Set<Path> keeping = publishing.keeping();
            Set<String> recordedTables = new HashSet<>(db.select(DATASET_VERSION.STORE_TABLE)
                    .from(DATASET_VERSION)
                    .where(DATASET_VERSION.DELETED_AT.isNull())
                    .fetch(DATASET_VERSION.STORE_TABLE));
            Set<Path> recordedFiles = new HashSet<>();
            for (String file : db.select(DATASET_VERSION.STORED_FILE)
                    .from(DATASET_VERSION)
                    .where(DATASET_VERSION.DELETED_AT.isNull())
                    .fetch(DATASET_VERSION.STORED_FILE)) {
                recordedFiles.add(PublishingService.keyOf(Path.of(file)));
            }
            List<String> droppedTables = new ArrayList<>();
            for (String table : tables) {
                if (!recordedTables.contains(table) && !loading.contains(table)) {
                    store.drop(table);
                    droppedTables.add(table);
                }
            }
            List<Path> deletedFiles = new ArrayList<>();
            for (Path file : files) {
                if (!recordedFiles.contains(file) && !keeping.contains(file) && Files.deleteIfExists(file)) {
                    deletedFiles.add(file);
                }
            }
            droppedTables.addAll(store.removeStalePartFiles());
            if (!droppedTables.isEmpty() || !deletedFiles.isEmpty()) {
                log.info(
                        "Removed what stopped imports left behind: {} store tables {}, {} original files",
                        droppedTables.size(),
                        droppedTables,
                        deletedFiles.size());
            }
            return new Swept(droppedTables, deletedFiles);
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        } catch (IOException e) {
            throw StoreFailures.of(e);
        }
    }

    /**
     * Every regular file under the originals folder, absolute and normalised; on a cluster, those
     * older than the grace period.
     */
    private List<Path> originalFiles() throws IOException {
        Path root = Path.of(properties.originalsDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        java.time.Instant before = java.time.Instant.now().minus(properties.sharedStoreGrace());
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !properties.shared() || settled(file, before))
                    .map(PublishingService::keyOf)
                    .toList();
        }
    }

    private static boolean settled(Path file, java.time.Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }
}
