package org.openplaza.catalog.datastore;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the data catalogue, under {@code openplaza.catalog}.
 *
 * @param storeFile the embedded DuckDB file holding the rows of every dataset version
 * @param originalsDir where each version's file is kept as uploaded, for download
 * @param maxUploadBytes the largest file an official may upload
 * @param storeMemoryLimit the most memory DuckDB may take for its buffers, in DuckDB's notation
 *     ({@code 1GiB}, {@code 512MiB}); beyond it, work spills to disk or fails cleanly
 * @param storeThreads the threads DuckDB runs a query on
 * @param sharedStoreDir empty for a store of one node (every version a table in the DuckDB file);
 *     otherwise a directory every node mounts at the same path, where each version is written once
 *     as a Parquet file that every node's DuckDB reads
 * @param sharedStoreGrace how old a file in the shared directory must be before a node that did
 *     not write it may take it for the leftover of a stopped import
 */
@ConfigurationProperties("openplaza.catalog")
public record CatalogProperties(
        @DefaultValue("./data/datasets.duckdb") String storeFile,
        @DefaultValue("./data/originals") String originalsDir,
        @DefaultValue("1073741824") long maxUploadBytes,
        @DefaultValue("1GiB") String storeMemoryLimit,
        @DefaultValue("2") int storeThreads,
        @DefaultValue("") String sharedStoreDir,
        @DefaultValue("PT24H") java.time.Duration sharedStoreGrace) {

    @ConstructorBinding
    public CatalogProperties {
        if (!storeMemoryLimit.matches("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException(
                    "openplaza.catalog.store-memory-limit is not a size such as 1GiB: " + storeMemoryLimit);
        }
        if (storeThreads < 1) {
            throw new IllegalArgumentException("openplaza.catalog.store-threads must be at least 1");
        }
    }

    /** A store of one node. */
    public CatalogProperties(
            String storeFile, String originalsDir, long maxUploadBytes, String storeMemoryLimit, int storeThreads) {
        this(
                storeFile,
                originalsDir,
                maxUploadBytes,
                storeMemoryLimit,
                storeThreads,
                "",
                java.time.Duration.ofHours(24));
    }

    /** Whether versions are written to a directory shared by every node. */
    public boolean shared() {
        return !sharedStoreDir.isBlank();
    }

    /** A store file with its originals beside it and the default upload limit (for tools and tests). */
    public CatalogProperties(String storeFile) {
        this(storeFile, Path.of(storeFile).resolveSibling("originals").toString(), 1L << 30, "1GiB", 2);
    }

    /** The same settings with versions written to a shared directory (for tools and tests). */
    public CatalogProperties sharedIn(Path directory, java.time.Duration grace) {
        return new CatalogProperties(
                storeFile, originalsDir, maxUploadBytes, storeMemoryLimit, storeThreads, directory.toString(), grace);
    }
}
