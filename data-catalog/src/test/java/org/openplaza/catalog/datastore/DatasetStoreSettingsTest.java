package org.openplaza.catalog.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB takes the memory and threads it is given, not its defaults (80 % of the machine's memory
 * and a thread per core), so that a busy portal stays within what its operator planned for.
 */
class DatasetStoreSettingsTest {

    @TempDir
    Path dir;

    private static String setting(DatasetStore store, String name) throws Exception {
        try (DuckDBConnection c = store.duplicate();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void the_store_runs_within_its_configured_memory_and_threads() throws Exception {
        DatasetStore store = new DatasetStore(new CatalogProperties(
                dir.resolve("store.duckdb").toString(), dir.resolve("originals").toString(), 1L << 30, "300MiB", 3));
        try {
            assertThat(setting(store, "memory_limit")).isEqualTo("300.0 MiB");
            assertThat(setting(store, "threads")).isEqualTo("3");
            assertThat(setting(store, "temp_directory")).endsWith("store.duckdb.tmp");
        } finally {
            store.close();
        }
    }

    @Test
    void a_size_duckdb_would_not_read_is_refused_at_start() {
        assertThatThrownBy(() -> new CatalogProperties("s.duckdb", "o", 1L << 30, "lots", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store-memory-limit");
        assertThatThrownBy(() -> new CatalogProperties("s.duckdb", "o", 1L << 30, "1GiB", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
