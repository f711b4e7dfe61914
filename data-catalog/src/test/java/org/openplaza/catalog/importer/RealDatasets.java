package org.openplaza.catalog.importer;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The real open-government files the tests read, kept with the tests under
 * {@code src/test/resources/datasets} (their sources and licences are in the README there).
 */
public final class RealDatasets {

    private RealDatasets() {}

    public static Path file(String name) {
        URL url = RealDatasets.class.getResource("/datasets/" + name);
        if (url == null) {
            throw new IllegalStateException("No test dataset " + name + " in src/test/resources/datasets");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
