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
 */
@ConfigurationProperties("openplaza.catalog")
public record CatalogProperties(
        @DefaultValue("./data/datasets.duckdb") String storeFile,
        @DefaultValue("./data/originals") String originalsDir,
        @DefaultValue("1073741824") long maxUploadBytes) {

    @ConstructorBinding
    public CatalogProperties {}

    /** A store file with its originals beside it and the default upload limit (for tools and tests). */
    public CatalogProperties(String storeFile) {
        this(storeFile, Path.of(storeFile).resolveSibling("originals").toString(), 1L << 30);
    }
}
