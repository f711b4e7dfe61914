package org.openplaza.datastore;

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
 */
@ConfigurationProperties("openplaza.catalog")
public record CatalogProperties(
        @DefaultValue("./data/datasets.duckdb") String storeFile,
        @DefaultValue("./data/originals") String originalsDir,
        @DefaultValue("1073741824") long maxUploadBytes,
        @DefaultValue("1GiB") String storeMemoryLimit,
        @DefaultValue("2") int storeThreads) {

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

    /** A store file with its originals beside it and the default upload limit (for tools and tests). */
    public CatalogProperties(String storeFile) {
        this(storeFile, Path.of(storeFile).resolveSibling("originals").toString(), 1L << 30, "1GiB", 2);
    }
}
