package org.openplaza.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.sources.RemoteFiles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A resource given by its address, as CKAN's {@code resource_create} takes a {@code url}: the
 * file is fetched under {@link RemoteFiles}' rules and imported as the dataset's next version,
 * detected as an upload is, and the version keeps the address.
 */
@Service
public class LinkedResources {

    private final RemoteFiles remote;
    private final PublishingService publishing;

    LinkedResources(RemoteFiles remote, PublishingService publishing) {
        this.remote = remote;
        this.publishing = publishing;
    }

    /** The imported version and what the layout detection found, for the answer to give. */
    public record Linked(ImportedVersion imported, CsvAnalysis analysis) {}

    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Linked importFrom(long datasetId, String url, @Nullable String name) throws Exception {
        // checked before anything is fetched: only the dataset's publishers make the portal fetch
        publishing.metadata(datasetId);
        Path file = Files.createTempFile("openplaza-fetch", ".part");
        try {
            RemoteFiles.Fetched fetched = remote.fetch(url, file, publishing.maxUploadBytes(), null, null);
            CsvAnalysis analysis = publishing.analyse(file, ReadSettings.DETECT);
            String filename = name != null && !name.isBlank() ? name : fetched.filename();
            ImportedVersion imported = publishing.importVersion(
                    datasetId,
                    file,
                    filename,
                    ImportPlan.asDetected(analysis),
                    List.of(),
                    new ImportMonitor(),
                    fetched.from().toString());
            return new Linked(imported, analysis);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
