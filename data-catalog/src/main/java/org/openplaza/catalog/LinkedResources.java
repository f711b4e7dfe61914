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
    private final org.openplaza.catalog.publishing.SourceRepository versions;

    LinkedResources(
            RemoteFiles remote,
            PublishingService publishing,
            org.openplaza.catalog.publishing.SourceRepository versions) {
        this.remote = remote;
        this.publishing = publishing;
        this.versions = versions;
    }

    /** The imported version and what the layout detection found, for the answer to give. */
    public record Linked(ImportedVersion imported, CsvAnalysis analysis) {}

    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Linked importFrom(long datasetId, String url, @Nullable String name) throws Exception {
        return load(datasetId, url, name, false).orElseThrow();
    }

    /**
     * As {@link #importFrom}, unless the file's bytes are those of the dataset's current version:
     * then nothing is imported.
     */
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public java.util.Optional<Linked> importIfChanged(long datasetId, String url) throws Exception {
        return load(datasetId, url, null, true);
    }

    private java.util.Optional<Linked> load(long datasetId, String url, @Nullable String name, boolean unlessSame)
            throws Exception {
        // checked before anything is fetched: only the dataset's publishers make the portal fetch
        publishing.metadata(datasetId);
        Path file = Files.createTempFile("openplaza-fetch", ".part");
        try {
            RemoteFiles.Fetched fetched = remote.fetch(url, file, publishing.maxUploadBytes(), null, null);
            if (unlessSame
                    && versions.currentSha256(datasetId).equals(java.util.Optional.of(ScheduledSources.sha256(file)))) {
                return java.util.Optional.empty();
            }
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
            return java.util.Optional.of(new Linked(imported, analysis));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
