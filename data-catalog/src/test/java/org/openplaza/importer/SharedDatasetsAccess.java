package org.openplaza.importer;

import java.nio.file.Path;

/** {@link SharedDatasets} for tests in other packages. */
public final class SharedDatasetsAccess {

    private SharedDatasetsAccess() {}

    public static Path file(String name) {
        return SharedDatasets.file(name);
    }
}
