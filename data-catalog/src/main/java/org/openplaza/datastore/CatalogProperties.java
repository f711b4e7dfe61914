package org.openplaza.datastore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the data catalogue, under {@code openplaza.catalog}.
 *
 * @param storeFile the embedded DuckDB file holding the rows of every dataset version
 */
@ConfigurationProperties("openplaza.catalog")
public record CatalogProperties(
        @DefaultValue("./data/datasets.duckdb") String storeFile) {}
