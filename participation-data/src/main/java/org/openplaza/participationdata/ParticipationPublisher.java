package org.openplaza.participationdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openplaza.platform.RunAs;
import org.openplaza.proposals.ParticipationData;
import org.openplaza.proposals.ProposalService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes participation itself as open data: the public proposals with their statuses and
 * counts, supports per proposal and day, and the lifecycle steps with the officials' answers. Three
 * datasets of the "OpenPlaza participation" organisation, created on first start and given a new
 * version every night, so citizens can chart participation with the same tools as any data.
 */
@Component
class ParticipationPublisher {

    static final String ORGANISATION = ParticipationDatasets.ORGANISATION;
    static final String PROPOSALS = "Proposals on OpenPlaza";
    static final String SUPPORTS = "Supports for proposals per day";
    static final String STEPS = "Proposal lifecycles and official answers";

    /** The stable key of each dataset, by the title it is first published with. */
    static final java.util.Map<String, String> KEYS = java.util.Map.of(
            PROPOSALS, "participation-proposals",
            SUPPORTS, "participation-supports",
            STEPS, "participation-steps");

    private static final Logger log = LoggerFactory.getLogger(ParticipationPublisher.class);

    private final ProposalService proposals;
    private final ParticipationDatasets datasets;
    private final RunAs runAs;
    private final boolean onStart;
    private final org.openplaza.platform.ClusterLock lock;

    ParticipationPublisher(
            ProposalService proposals,
            ParticipationDatasets datasets,
            RunAs runAs,
            org.openplaza.platform.ClusterLock lock,
            @Value("${openplaza.participation.publish-on-start:true}") boolean onStart) {
        this.lock = lock;
        this.proposals = proposals;
        this.datasets = datasets;
        this.runAs = runAs;
        this.onStart = onStart;
    }

    /** On the first start the datasets are made; afterwards the nightly refresh keeps them current. */
    @EventListener(ApplicationReadyEvent.class)
    void firstStart() {
        if (!onStart) {
            return;
        }
        try {
            // on one node at a time: a node that waited finds the datasets there
            lock.whileHolding(
                    org.openplaza.platform.ClusterLock.SEEDING,
                    org.openplaza.platform.ClusterLock.SEEDING_AT_MOST,
                    () -> runAs.run(org.openplaza.platform.SystemIdentity.job(), () -> {
                        if (datasets.dataset(KEYS.get(PROPOSALS)).isEmpty()) {
                            publishAll();
                        }
                    }));
        } catch (Exception e) {
            log.error("Participation data could not be published", e);
        }
    }

    @Scheduled(cron = "${openplaza.participation.refresh-cron:0 15 3 * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "participation-nightly", lockAtMostFor = "PT2H")
    void nightly() {
        try {
            runAs.run(org.openplaza.platform.SystemIdentity.job(), this::publishAll);
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
            publishProposals(dir, data);
            publishSupports(dir, data);
            publishSteps(dir, data);
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

    /** Every public proposal with its status, dates, supports and comments. */
    private void publishProposals(Path dir, ParticipationData data) throws Exception {
        publish(
                PROPOSALS,
                "Every public proposal on OpenPlaza, from the government and from citizens: status, category,"
                        + " district, dates, supports that count toward the threshold, and comments."
                        + " Refreshed every night.",
                List.of("participation", "proposals"),
                ParticipationDatasets.write(
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
    }

    /** The supports each proposal received per day; never who supported. */
    private void publishSupports(Path dir, ParticipationData data) throws Exception {
        publish(
                SUPPORTS,
                "How many supports each proposal received on each day (UTC). Who supported is never published."
                        + " Refreshed every night.",
                List.of("participation", "supports"),
                ParticipationDatasets.write(
                        dir.resolve("supports-per-day.csv"),
                        List.of("proposal_id", "day", "supports"),
                        data.supportsPerDay().stream()
                                .map(d ->
                                        List.<Object>of(d.proposalId(), d.day().toString(), d.supports()))
                                .toList()));
    }

    /** Each step of every public proposal's lifecycle, with the official answers' reasons. */
    private void publishSteps(Path dir, ParticipationData data) throws Exception {
        publish(
                STEPS,
                "Each step of every public proposal's lifecycle with the official answers and their reasons."
                        + " Refreshed every night.",
                List.of("participation", "answers"),
                ParticipationDatasets.write(
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
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private void publish(String title, String description, List<String> keywords, Path file) throws Exception {
        datasets.publish(KEYS.get(title), title, description, keywords, "DAILY", file, plan -> plan);
    }
}
