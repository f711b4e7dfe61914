package org.openplaza.catalog.publishing;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;

/** A dataset made the way an official makes one: metadata, a file imported as detected, published. */
public final class TestDatasets {

    private TestDatasets() {}

    /** Metadata with only a title of its own. */
    public static DatasetMetadata metadata(long organisation, String title) {
        return new DatasetMetadata(
                organisation,
                title,
                "Test data.",
                null,
                null,
                Set.of("HEAL"),
                List.of(),
                "CC-BY-4.0",
                "DAILY",
                null,
                null,
                null,
                "en");
    }

    /** Creates the dataset, imports the file as its first version and publishes it if asked; returns its id. */
    public static long imported(PublishingService publishing, DatasetMetadata metadata, Path file, boolean publish)
            throws Exception {
        long dataset = publishing.createDataset(metadata);
        publishing.importVersion(
                dataset,
                file,
                file.getFileName().toString(),
                ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                List.of(),
                new ImportMonitor());
        if (publish) {
            publishing.publish(dataset);
        }
        return dataset;
    }
}
