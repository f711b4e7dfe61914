package org.openplaza.importer;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real open-government files in ../shared/datasets (relative to the project root). */
final class SharedDatasets {

    private SharedDatasets() {}

    static Path file(String name) {
        String configured = System.getProperty("openplaza.shared-datasets");
        Path folder = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "datasets");
        Path file = folder.resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Shared dataset not found: " + file.toAbsolutePath());
        }
        return file;
    }
}
