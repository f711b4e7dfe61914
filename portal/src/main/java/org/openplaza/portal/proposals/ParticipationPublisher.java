package org.openplaza.portal.proposals;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openplaza.importer.CsvAnalyzer;
import org.openplaza.importer.ImportMonitor;
import org.openplaza.importer.ImportPlan;
import org.openplaza.portal.config.RunAs;
import org.openplaza.proposals.ParticipationData;
import org.openplaza.proposals.ProposalService;
import org.openplaza.publishing.DatasetMetadata;
import org.openplaza.publishing.ManagedDataset;
import org.openplaza.publishing.Organisation;
import org.openplaza.publishing.PublishingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * Publishes participation itself as open data: the public proposals with their statuses and
 * counts, supports per proposal and day, and the lifecycle steps with the officials' answers. Three
 * datasets of the "OpenPlaza participation" organisation, created on first start and given a new
 * version every night, so citizens can chart participation with the same tools as any data.
 */
@Component
class ParticipationPublisher {

    static final String ORGANISATION = "OpenPlaza participation";
    static final String PROPOSALS = "Proposals on OpenPlaza";
    static final String SUPPORTS = "Supports for proposals per day";
    static final String STEPS = "Proposal lifecycles and official answers";

    private static final Logger log = LoggerFactory.getLogger(ParticipationPublisher.class);

    private final ProposalService proposals;
    private final PublishingService publishing;
    private final RunAs runAs;
    private final boolean onStart;

    ParticipationPublisher(
            ProposalService proposals,
            PublishingService publishing,
            RunAs runAs,
            @Value("${openplaza.participation.publish-on-start:true}") boolean onStart) {
        this.proposals = proposals;
        this.publishing = publishing;
        this.runAs = runAs;
        this.onStart = onStart;
    }

    private static UsernamePasswordAuthenticationToken system() {
        return UsernamePasswordAuthenticationToken.authenticated(
                "openplaza", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
    }

    /** On the first start the datasets are made; afterwards the nightly refresh keeps them current. */
    @EventListener(ApplicationReadyEvent.class)
    void firstStart() {
        if (!onStart) {
            return;
        }
        try {
            runAs.run(system(), () -> {
                if (dataset(PROPOSALS).isEmpty()) {
                    publishAll();
                }
            });
        } catch (Exception e) {
            log.error("Participation data could not be published", e);
        }
    }

    @Scheduled(cron = "${openplaza.participation.refresh-cron:0 15 3 * * *}")
    void nightly() {
        try {
            runAs.run(system(), this::publishAll);
        } catch (Exception e) {
            log.error("Participation data could not be refreshed", e);
        }
    }

    /** Writes the three files and imports each as a new version of its dataset. */
    void publishAll() throws Exception {
        ParticipationData data = proposals.participation();
        if (data.proposals().isEmpty()) {
            return; // a new portal: nothing to publish, and no empty organisation in the catalogue
        }
        Path dir = Files.createTempDirectory("openplaza-participation");
        try {
            long organisation = organisation();
            publish(
                    organisation,
                    PROPOSALS,
                    "Every public proposal on OpenPlaza, from the government and from citizens: status, category,"
                            + " district, dates, supports that count toward the threshold, and comments."
                            + " Refreshed every night.",
                    List.of("participation", "proposals"),
                    write(
                            dir.resolve("proposals.csv"),
                            List.of(
                                    "id",
                                    "origin",
                                    "status",
                                    "title",
                                    "category",
                                    "district",
                                    "organisation",
                                    "published_at",
                                    "support_deadline",
                                    "support_threshold",
                                    "supports",
                                    "comments"),
                            data.proposals().stream()
                                    .map(p -> List.<Object>of(
                                            p.id(),
                                            p.origin().name(),
                                            p.status().name(),
                                            p.title(),
                                            p.category().name(),
                                            text(p.district()),
                                            text(p.organisation()),
                                            text(p.publishedAt()),
                                            text(p.supportDeadline()),
                                            text(p.supportThreshold()),
                                            p.supports(),
                                            p.comments()))
                                    .toList()));
            publish(
                    organisation,
                    SUPPORTS,
                    "How many supports each proposal received on each day (UTC). Who supported is never published."
                            + " Refreshed every night.",
                    List.of("participation", "supports"),
                    write(
                            dir.resolve("supports-per-day.csv"),
                            List.of("proposal_id", "day", "supports"),
                            data.supportsPerDay().stream()
                                    .map(d -> List.<Object>of(
                                            d.proposalId(), d.day().toString(), d.supports()))
                                    .toList()));
            publish(
                    organisation,
                    STEPS,
                    "Each step of every public proposal's lifecycle with the official answers and their reasons."
                            + " Refreshed every night.",
                    List.of("participation", "answers"),
                    write(
                            dir.resolve("lifecycle.csv"),
                            List.of("proposal_id", "at", "from_status", "to_status", "reason"),
                            data.steps().stream()
                                    .map(s -> List.<Object>of(
                                            s.proposalId(),
                                            s.at().toString(),
                                            s.from() == null ? "" : s.from().name(),
                                            s.to().name(),
                                            text(s.reason())))
                                    .toList()));
            log.info(
                    "Participation data published: {} proposals",
                    data.proposals().size());
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Path write(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get()
                        .print(out)) {
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        }
        return file;
    }

    private long organisation() {
        return publishing.myOrganisations().stream()
                .filter(o -> o.name().equals(ORGANISATION))
                .map(Organisation::id)
                .findFirst()
                .orElseGet(() -> publishing.createOrganisation(ORGANISATION).id());
    }

    private Optional<ManagedDataset> dataset(String title) {
        return publishing.managedDatasets().stream()
                .filter(d -> d.title().equals(title) && d.organisation().equals(ORGANISATION))
                .findFirst();
    }

    private void publish(long organisation, String title, String description, List<String> keywords, Path file)
            throws Exception {
        if (Files.readAllLines(file, StandardCharsets.UTF_8).size() < 2) {
            return; // nothing to publish yet: a dataset starts with its first row
        }
        Optional<ManagedDataset> existing = dataset(title);
        long id = existing.isPresent()
                ? existing.get().id()
                : publishing.createDataset(new DatasetMetadata(
                        organisation,
                        title,
                        description,
                        null,
                        null,
                        Set.of("GOVE"),
                        keywords,
                        "CC-BY-4.0",
                        "DAILY",
                        null,
                        LocalDate.now(),
                        null,
                        "en"));
        publishing.importVersion(
                id,
                file,
                file.getFileName().toString(),
                ImportPlan.asDetected(publishing.analyse(file, CsvAnalyzer.Settings.DETECT)),
                List.of(),
                new ImportMonitor());
        if (existing.isEmpty() || !"PUBLISHED".equals(existing.get().state())) {
            publishing.publish(id);
        }
    }
}
