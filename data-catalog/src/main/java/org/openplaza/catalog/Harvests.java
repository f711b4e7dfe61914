package org.openplaza.catalog;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.harvest.CkanRecords;
import org.openplaza.catalog.harvest.DcatRecords;
import org.openplaza.catalog.harvest.HarvestRepository;
import org.openplaza.catalog.harvest.HarvestRepository.Counted;
import org.openplaza.catalog.harvest.HarvestedRecord;
import org.openplaza.catalog.publishing.SourceRepository;
import org.openplaza.catalog.sources.RemoteFiles;
import org.openplaza.platform.Refusal;
import org.openplaza.platform.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;

/**
 * Harvesting other portals: an administrator adds a source (a CKAN Action API or a DCAT-AP
 * catalogue) and the organisation its datasets go under here; the portal reads it every so often,
 * on that administrator's behalf and under the portal's fetching rules, and mirrors each record as
 * a published dataset with its provenance. A record seen before is updated when it changed, a
 * record gone from the source withdraws its dataset here (and one that comes back is published
 * again), and each record's CSV file is imported into the store when the source says so. A run
 * counts as it goes (its progress can be watched from any node), can be cancelled between two
 * records, and ends with a report: new, updated, unchanged, removed, failed with reasons. A run
 * that could not read the whole listing, or was cancelled, removes nothing.
 */
@Service
public class Harvests {

    private static final Logger log = LoggerFactory.getLogger(Harvests.class);

    public static final Duration SHORTEST = Duration.ofHours(1);

    public static final Duration LONGEST = Duration.ofDays(31);

    /** A run that has said nothing for this long is taken as stopped with its node. */
    static final Duration STALE = Duration.ofHours(6);

    /** The problems a run keeps, at most. */
    static final int PROBLEMS = 200;

    private final HarvestRepository harvests;
    private final SourceRepository accounts;
    private final RemoteFiles remote;
    private final LinkedResources linked;
    private final PublishingService publishing;
    private final RunAs runAs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxRecords;
    private final int maxPages;
    private final long maxDocumentBytes;

    private final ExecutorService runs = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "harvest");
        thread.setDaemon(true);
        return thread;
    });

    Harvests(
            HarvestRepository harvests,
            SourceRepository accounts,
            RemoteFiles remote,
            LinkedResources linked,
            PublishingService publishing,
            RunAs runAs,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${openplaza.harvest.max-records:10000}") int maxRecords,
            @Value("${openplaza.harvest.max-pages:200}") int maxPages,
            @Value("${openplaza.harvest.max-document-bytes:104857600}") long maxDocumentBytes) {
        this.harvests = harvests;
        this.accounts = accounts;
        this.remote = remote;
        this.linked = linked;
        this.publishing = publishing;
        this.runAs = runAs;
        this.events = events;
        this.clock = clock;
        this.maxRecords = maxRecords;
        this.maxPages = maxPages;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        runs.shutdownNow();
    }

    /** Adds a source, first harvested at once (by the scheduler, or now by {@link #start}). */
    @PreAuthorize("hasRole('ADMIN')")
    public HarvestSource add(
            String title, String url, HarvestSource.Kind kind, long organisationId, boolean importCsv, Duration every) {
        String name = title.strip();
        if (name.length() < 3 || name.length() > 200) {
            throw new CatalogException("title", "harvest.error.title");
        }
        if (every.compareTo(SHORTEST) < 0 || every.compareTo(LONGEST) > 0) {
            throw new CatalogException("every", "harvest.error.every", SHORTEST.toHours(), LONGEST.toDays());
        }
        if (!harvests.organisationExists(organisationId)) {
            throw new CatalogException("organisation", "harvest.error.organisation");
        }
        String address = remote.checkToKeep(kind == HarvestSource.Kind.CKAN ? CkanRecords.root(url) : url)
                .toString();
        long id = harvests.insertSource(
                name,
                address,
                kind,
                organisationId,
                importCsv,
                (int) every.toMinutes(),
                Audited.currentActor(),
                clock.instant());
        events.publishEvent(
                Audited.byCurrentUser("HARVEST_SOURCE_ADDED", "harvest-source", String.valueOf(id), address));
        return harvests.source(id).orElseThrow();
    }

    /**
     * Removes a source: the datasets it mirrors are withdrawn (they would go stale), and keep their
     * versions; its runs go.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void remove(long sourceId) {
        HarvestSource source = source(sourceId);
        for (HarvestRepository.Mirrored mirrored : harvests.present(sourceId)) {
            publishing.withdraw(mirrored.datasetId());
        }
        harvests.deleteSource(sourceId);
        events.publishEvent(Audited.byCurrentUser(
                "HARVEST_SOURCE_REMOVED", "harvest-source", String.valueOf(sourceId), source.url()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<HarvestSource> sources() {
        return harvests.sources();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public HarvestSource source(long sourceId) {
        return harvests.source(sourceId).orElseThrow(() -> new CatalogException(null, "harvest.error.no-source"));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<HarvestRun> run(long runId) {
        return harvests.run(runId);
    }

    /** The source's latest runs, the newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<HarvestRun> runs(long sourceId, int limit) {
        return harvests.runs(sourceId, limit);
    }

    /** The records a run could not mirror, and why. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<HarvestRun.Problem> problems(long runId) {
        return harvests.problems(runId);
    }

    /** Asks a run to stop after the record it is on; whether it was still running. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean cancel(long runId) {
        boolean asked = harvests.requestCancel(runId);
        if (asked) {
            events.publishEvent(Audited.byCurrentUser("HARVEST_CANCELLED", "harvest-run", String.valueOf(runId), ""));
        }
        return asked;
    }

    /**
     * Starts a run of the source in the background, on the source's behalf; its progress is read
     * with {@link #run(long)}. Refused while another run of it is under way, on any node.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public HarvestRun start(long sourceId) {
        HarvestSource source = source(sourceId);
        long runId = claim(source, Audited.currentActor());
        runs.execute(() -> {
            try {
                harvest(source, runId);
            } catch (RuntimeException e) {
                log.warn("Harvest run {} failed", runId, e);
            }
        });
        return harvests.run(runId).orElseThrow();
    }

    /** Runs the source now and waits for the run's end: its report. */
    @PreAuthorize("hasRole('ADMIN')")
    public HarvestRun harvestNow(long sourceId) {
        HarvestSource source = source(sourceId);
        long runId = claim(source, Audited.currentActor());
        harvest(source, runId);
        return harvests.run(runId).orElseThrow();
    }

    /** The datasets mirroring the source's records that are still at the source. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Long> datasetsOf(long sourceId) {
        return harvests.present(sourceId).stream()
                .map(HarvestRepository.Mirrored::datasetId)
                .toList();
    }

    /** Where a harvested dataset comes from; empty for one published here. Public, as its page shows it. */
    public Optional<Provenance> provenanceOf(long datasetId) {
        return harvests.provenance(datasetId);
    }

    /** Runs the sources that are due, each once on whichever node claims it first. */
    @Scheduled(
            fixedDelayString = "${openplaza.harvest.check-every:PT5M}",
            initialDelayString = "${openplaza.harvest.first-check:PT2M}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "harvest-sources", lockAtMostFor = "PT6H")
    public void harvestDue() {
        for (long sourceId : harvests.due(clock.instant(), 10)) {
            HarvestSource source = harvests.source(sourceId).orElse(null);
            if (source == null) {
                continue;
            }
            try {
                harvest(source, claim(source, "schedule"));
            } catch (CatalogException e) {
                log.debug("Harvest source {} is running elsewhere", sourceId);
            } catch (RuntimeException e) {
                log.warn("Harvest source {} failed", sourceId, e);
            }
        }
    }

    private long claim(HarvestSource source, String startedBy) {
        Instant now = clock.instant();
        if (!harvests.claim(source.id(), now, now.minus(STALE), now.plus(source.every()))) {
            throw new CatalogException(null, "harvest.error.running");
        }
        harvests.interrupted(source.id(), now);
        return harvests.insertRun(source.id(), startedBy, now);
    }

    /** One claimed run, as the source's owner with their roles now. */
    private void harvest(HarvestSource source, long runId) {
        var owner = UsernamePasswordAuthenticationToken.authenticated(
                source.owner(), null, AuthorityUtils.createAuthorityList(accounts.rolesOf(source.owner())));
        org.springframework.security.core.context.SecurityContext caller =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            runAs.run(owner, () -> harvestAsOwner(source, runId));
        } catch (Refusal e) {
            harvests.finish(
                    runId,
                    HarvestRun.State.FAILED,
                    e.messageKey(),
                    e.arguments().stream().map(String::valueOf).toList(),
                    clock.instant());
        } catch (AccessDeniedException e) {
            harvests.finish(
                    runId,
                    HarvestRun.State.FAILED,
                    "harvest.error.not-allowed",
                    List.of(source.owner()),
                    clock.instant());
        } catch (Exception e) {
            log.info("Harvest run {} of source {} failed", runId, source.id(), e);
            harvests.finish(
                    runId, HarvestRun.State.FAILED, "harvest.error.failed", List.of(describe(e)), clock.instant());
        } finally {
            harvests.release(source.id());
            org.springframework.security.core.context.SecurityContextHolder.setContext(caller);
        }
        HarvestRun ended = harvests.run(runId).orElseThrow();
        events.publishEvent(new Audited(
                source.owner(),
                "HARVEST_RUN",
                "harvest-source",
                String.valueOf(source.id()),
                ended.state() + " new " + ended.created() + ", updated " + ended.updated() + ", removed "
                        + ended.removed() + ", failed " + ended.failed(),
                null));
    }

    private void harvestAsOwner(HarvestSource source, long runId) throws Exception {
        if (!org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()
                .getAuthorities()
                .stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            throw new AccessDeniedException(source.owner());
        }
        Listing listing = source.kind() == HarvestSource.Kind.CKAN ? ckan(source) : dcat(source);
        harvests.total(runId, listing.records().size());
        Set<String> seen = new HashSet<>();
        int problems = 0;
        for (HarvestedRecord record : listing.records()) {
            if (harvests.cancelRequested(runId)) {
                harvests.finish(runId, HarvestRun.State.CANCELLED, null, List.of(), clock.instant());
                return;
            }
            seen.add(record.originalId());
            HarvestRun.Problem problem = null;
            Counted counted;
            try {
                counted = mirror(source, record);
            } catch (Refusal e) {
                counted = Counted.FAILED;
                problem = new HarvestRun.Problem(
                        record.originalId(),
                        record.title(),
                        e.messageKey(),
                        e.arguments().stream().map(String::valueOf).toList());
            } catch (CsvFailed e) {
                counted = Counted.FAILED;
                problem = new HarvestRun.Problem(
                        record.originalId(), record.title(), "harvest.problem.csv", List.of(e.url, e.reason));
            } catch (Exception e) {
                log.info("Harvested record {} of source {} failed", record.originalId(), source.id(), e);
                counted = Counted.FAILED;
                problem = new HarvestRun.Problem(
                        record.originalId(), record.title(), "harvest.problem.failed", List.of(describe(e)));
            }
            if (problem != null && problems < PROBLEMS) {
                harvests.problem(runId, problems++, problem);
            }
            harvests.counted(runId, counted);
        }
        for (String skipped : listing.skipped()) {
            if (problems < PROBLEMS) {
                harvests.problem(
                        runId,
                        problems++,
                        new HarvestRun.Problem("-", skipped, "harvest.problem.no-identifier", List.of()));
            }
            harvests.counted(runId, Counted.FAILED);
        }
        int removed = 0;
        if (listing.complete()) {
            for (HarvestRepository.Mirrored mirrored : harvests.present(source.id())) {
                if (!seen.contains(mirrored.originalId())) {
                    publishing.withdraw(mirrored.datasetId());
                    harvests.gone(mirrored.datasetId(), clock.instant());
                    removed++;
                }
            }
        }
        harvests.removed(runId, removed);
        harvests.finish(runId, HarvestRun.State.DONE, null, List.of(), clock.instant());
    }

    /**
     * Mirrors one record: a new dataset, published (with its CSV imported first when asked), or
     * the dataset that mirrors it brought up to date when it changed or came back.
     */
    private Counted mirror(HarvestSource source, HarvestedRecord record) throws Exception {
        String fingerprint = record.fingerprint();
        Optional<HarvestRepository.Mirrored> before = harvests.mirrored(source.id(), record.originalId());
        if (before.isPresent()
                && before.get().fingerprint().equals(fingerprint)
                && before.get().removedAt() == null) {
            harvests.seen(before.get().datasetId(), clock.instant());
            return Counted.UNCHANGED;
        }
        DatasetMetadata metadata = record.toMetadata(source.organisationId());
        HarvestedRecord.Link csv = source.importCsv() ? record.csv() : null;
        long datasetId;
        if (before.isEmpty()) {
            datasetId = create(metadata, record.name());
        } else {
            datasetId = before.get().datasetId();
            publishing.updateMetadata(datasetId, metadata);
        }
        harvests.mirror(datasetId, source.id(), record, fingerprint, csv == null ? null : csv.url(), clock.instant());
        CsvFailed failed = null;
        if (csv != null) {
            try {
                importCsv(datasetId, csv);
            } catch (CsvFailed e) {
                failed = e;
                harvests.again(datasetId);
            }
        }
        publishing.publishHarvested(datasetId);
        if (failed != null) {
            throw failed;
        }
        return before.isEmpty() ? Counted.CREATED : Counted.UPDATED;
    }

    /** A new dataset under the record's name there when it is free here, else one made from its title. */
    private long create(DatasetMetadata metadata, @Nullable String name) {
        if (name != null) {
            try {
                return publishing.createDataset(metadata, name);
            } catch (CatalogException e) {
                if (!"name".equals(e.field())) {
                    throw e;
                }
            }
        }
        return publishing.createDataset(metadata, null);
    }

    /** A record's CSV file that could not be imported, and why; the record is mirrored all the same. */
    private static final class CsvFailed extends Exception {
        final String url;
        final String reason;

        CsvFailed(String url, String reason) {
            super(reason, null, false, false);
            this.url = url;
            this.reason = reason;
        }
    }

    /** Imports the CSV file as the dataset's next version, unless it is the current one's file. */
    private void importCsv(long datasetId, HarvestedRecord.Link csv) throws Exception {
        try {
            linked.importIfChanged(datasetId, csv.url());
        } catch (Refusal e) {
            throw new CsvFailed(csv.url(), e.messageKey() + " " + e.arguments());
        }
    }

    /** A source's records as read, those skipped for want of an identifier, and whether all were read. */
    private record Listing(List<HarvestedRecord> records, List<String> skipped, boolean complete) {}

    private Listing ckan(HarvestSource source) throws Exception {
        String root = CkanRecords.root(source.url());
        Map<String, HarvestedRecord> records = new LinkedHashMap<>();
        int start = 0;
        for (int page = 0; page < maxPages; page++) {
            CkanRecords.Page read =
                    readDocument(CkanRecords.pageAddress(root, start), (in, fetched) -> CkanRecords.page(in, root));
            for (HarvestedRecord record : read.records()) {
                records.putIfAbsent(record.originalId(), record);
            }
            start += CkanRecords.PAGE;
            if (records.size() > maxRecords) {
                throw new CatalogException("url", "harvest.error.too-many", maxRecords);
            }
            if (read.records().isEmpty() || start >= read.count()) {
                return new Listing(new ArrayList<>(records.values()), List.of(), true);
            }
        }
        throw new CatalogException("url", "harvest.error.too-many-pages", maxPages);
    }

    private Listing dcat(HarvestSource source) throws Exception {
        Map<String, HarvestedRecord> records = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String address = source.url();
        for (int page = 0; page < maxPages && address != null && visited.add(address); page++) {
            String at = address;
            DcatRecords.Page read = readDocument(
                    at, (in, fetched) -> DcatRecords.read(fetched.file(), fetched.contentType(), at, this::context));
            for (HarvestedRecord record : read.records()) {
                records.putIfAbsent(record.originalId(), record);
            }
            skipped.addAll(read.skipped());
            if (records.size() > maxRecords) {
                throw new CatalogException("url", "harvest.error.too-many", maxRecords);
            }
            address = read.next() == null
                    ? null
                    : URI.create(at).resolve(read.next()).toString();
        }
        if (address != null && !visited.contains(address)) {
            throw new CatalogException("url", "harvest.error.too-many-pages", maxPages);
        }
        return new Listing(new ArrayList<>(records.values()), skipped, true);
    }

    /** A JSON-LD context given by address, fetched under the portal's rules like any other file. */
    private InputStream context(URI address) throws Exception {
        Path file = Files.createTempFile("openplaza-context", ".jsonld");
        try {
            remote.fetch(address.toString(), file, 1_000_000, null, null);
            return new java.io.ByteArrayInputStream(Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private interface Reading<T> {
        T read(InputStream in, RemoteFiles.Fetched fetched) throws Exception;
    }

    /** Fetches a document of the source under the portal's rules and reads it. */
    private <T> T readDocument(String address, Reading<T> reading) throws Exception {
        Path file = Files.createTempFile("openplaza-harvest", ".part");
        try {
            RemoteFiles.Fetched fetched = remote.fetch(address, file, maxDocumentBytes, null, null);
            try (InputStream in = Files.newInputStream(file)) {
                return reading.read(in, fetched);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
