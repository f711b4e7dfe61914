package org.openplaza.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.datastore.CatalogProperties;
import org.openplaza.catalog.datastore.DatasetStore;
import org.springframework.boot.actuate.health.Status;

/**
 * A node whose shared directory of versions is gone (a volume come unmounted) reports itself down
 * to the load balancer, and up again once it is back; a store of one node is always up.
 */
class DatasetStoreHealthTest {

    @TempDir
    Path dir;

    @Test
    void a_node_is_down_while_its_shared_directory_is_gone() throws Exception {
        Path shared = dir.resolve("shared");
        DatasetStore store = new DatasetStore(
                new CatalogProperties(dir.resolve("node.duckdb").toString()).sharedIn(shared, Duration.ofHours(24)));
        try {
            DatasetStoreHealth health = new DatasetStoreHealth(store::sharedDirectoryUsable);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            Files.delete(shared);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            Files.createDirectory(shared);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            store.close();
        }
    }

    @Test
    void a_store_of_one_node_is_always_up() throws Exception {
        DatasetStore store =
                new DatasetStore(new CatalogProperties(dir.resolve("one.duckdb").toString()));
        try {
            assertThat(new DatasetStoreHealth(store::sharedDirectoryUsable)
                            .health()
                            .getStatus())
                    .isEqualTo(Status.UP);
        } finally {
            store.close();
        }
    }
}
