package org.openplaza.participationdata;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ManagedDataset;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.springframework.stereotype.Component;

/**
 * Datasets of the "OpenPlaza participation" organisation, published by the portal itself (the
 * system actor {@code openplaza}): a CSV file becomes a new version of the dataset kept under a
 * stable key, which is created and published the first time. The key finds it again however its
 * title is edited.
 */
@Component
public class ParticipationDatasets {

    public static final String ORGANISATION = "OpenPlaza participation";

    private final PublishingService publishing;

    ParticipationDatasets(PublishingService publishing) {
        this.publishing = publishing;
    }

    /** A CSV printer on a new UTF-8 file with the header. */
    public static CSVPrinter csv(Path file, List<String> header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT
                .builder()
                .setHeader(header.toArray(String[]::new))
                .get()
                .print(out);
    }

    public static Path write(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        try (CSVPrinter csv = csv(file, header)) {
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        }
        return file;
    }

    public Optional<ManagedDataset> dataset(String key) {
        return publishing.systemDataset(key);
    }

    /**
     * Imports the file as the dataset's next version (columns as detected, or as {@code plan}
     * makes them), creating and publishing the dataset the first time. A file with no row is
     * skipped: a dataset starts with its first row. Returns the dataset's name in addresses.
     */
    public Optional<String> publish(
            String key,
            String title,
            String description,
            List<String> keywords,
            String frequency,
            Path file,
            UnaryOperator<ImportPlan> plan)
            throws Exception {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            if (lines.limit(2).count() < 2) {
                return Optional.empty();
            }
        }
        Optional<ManagedDataset> existing = dataset(key);
        long id = existing.isPresent()
                ? existing.get().id()
                : publishing.createSystemDataset(
                        key,
                        new DatasetMetadata(
                                organisation(),
                                title,
                                description,
                                null,
                                null,
                                Set.of("GOVE"),
                                keywords,
                                "CC-BY-4.0",
                                frequency,
                                null,
                                LocalDate.now(),
                                null,
                                "en"));
        publishing.importVersion(
                id,
                file,
                file.getFileName().toString(),
                plan.apply(ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT))),
                List.of(),
                new ImportMonitor());
        if (existing.isEmpty() || !"PUBLISHED".equals(existing.get().state())) {
            publishing.publish(id);
        }
        return dataset(key).map(ManagedDataset::slug);
    }

    private long organisation() {
        return publishing.myOrganisations().stream()
                .filter(o -> o.name().equals(ORGANISATION))
                .map(Organisation::id)
                .findFirst()
                .orElseGet(() -> publishing.createOrganisation(ORGANISATION).id());
    }
}
