package org.openplaza.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.publishing.SourceRepository;
import org.openplaza.catalog.sources.RemoteFiles;
import org.openplaza.platform.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Datasets that refresh themselves: a publisher gives a dataset an http(s) address and how often
 * to fetch it, and the portal fetches it on the publisher's behalf, under {@link RemoteFiles}'
 * rules, with conditional requests (ETag, Last-Modified). A file that changed is imported as the
 * dataset's next version, detected as an upload is; one that did not (the server says so, or the
 * bytes are those of the current version) makes no version. A failure (the server unreachable or
 * refusing, columns added, removed or retyped, a file the importer refuses, a publisher no longer
 * allowed to publish the dataset) leaves the current version live, is recorded on the source for
 * the dataset's page, and is announced as a {@link SourceFailed} event for the publisher.
 */
@Service
public class ScheduledSources {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSources.class);

    /** The shortest and longest time between two fetches. */
    public static final Duration SHORTEST = Duration.ofMinutes(5);

    public static final Duration LONGEST = Duration.ofDays(31);

    /** How many due sources one round fetches, at most. */
    static final int ROUND = 20;

    /** What one fetch did. */
    public enum Outcome {
        /** A changed file, imported as the next version. */
        IMPORTED,
        /** Nothing new: the server said so, or sent the current version's bytes. */
        UNCHANGED,
        /** Failed: the current version stays; the reason is on the source. */
        FAILED,
        /** Not fetched: another fetch of the same source is under way here. */
        BUSY
    }

    /**
     * A fetch of a dataset's source failed, the {@code inRow}-th in a row; its publisher is told
     * when it starts failing.
     */
    public record SourceFailed(long datasetId, String owner, String messageKey, List<String> arguments, int inRow) {}

    private final SourceRepository sources;
    private final RemoteFiles remote;
    private final PublishingService publishing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    ScheduledSources(
            SourceRepository sources,
            RemoteFiles remote,
            PublishingService publishing,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sources = sources;
        this.remote = remote;
        this.publishing = publishing;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Gives the dataset a source fetched every so often on the caller's behalf (replacing any
     * earlier one). The address must be one the portal may fetch; the first fetch is due at once.
     */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public void set(long datasetId, String url, Duration every) {
        publishing.metadata(datasetId); // only the dataset's publishers
        if (every.compareTo(SHORTEST) < 0 || every.compareTo(LONGEST) > 0) {
            throw new CatalogException("every", "source.error.every", SHORTEST.toMinutes(), LONGEST.toDays());
        }
        String address = remote.checkToKeep(url).toString();
        sources.save(datasetId, address, (int) every.toMinutes(), Audited.currentActor(), clock.instant());
        events.publishEvent(Audited.byCurrentUser("SOURCE_SET", "dataset", String.valueOf(datasetId), address));
    }

    /** Stops fetching the dataset; its versions stay. */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public void remove(long datasetId) {
        publishing.metadata(datasetId);
        if (sources.remove(datasetId)) {
            events.publishEvent(Audited.byCurrentUser("SOURCE_REMOVED", "dataset", String.valueOf(datasetId), ""));
        }
    }

    /** The dataset's source, if it has one: public, as the dataset page shows when it was last refreshed. */
    public Optional<DatasetSource> of(long datasetId) {
        return sources.find(datasetId);
    }

    /**
     * Fetches the dataset's source now, for its publisher; the next fetch is then due a period
     * later (so the scheduler does not fetch it again at once).
     */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public Outcome refreshNow(long datasetId) {
        publishing.metadata(datasetId);
        DatasetSource source =
                sources.find(datasetId).orElseThrow(() -> new CatalogException(null, "source.error.none"));
        // a round of the scheduler that claimed it first makes this fetch the same one's twin: the
        // fetch itself is refused as busy by the running set
        sources.claim(datasetId, source.nextDueAt(), clock.instant().plus(source.nextWait()));
        return fetch(source);
    }

    /** Fetches the sources that are due, each once on whichever node claims it first. */
    @Scheduled(
            fixedDelayString = "${openplaza.sources.check-every:PT1M}",
            initialDelayString = "${openplaza.sources.first-check:PT1M}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "dataset-sources", lockAtMostFor = "PT30M")
    public void refreshDue() {
        Instant now = clock.instant();
        for (DatasetSource source : sources.due(now, ROUND)) {
            if (sources.claim(source.datasetId(), source.nextDueAt(), now.plus(source.nextWait()))) {
                try {
                    fetch(source);
                } catch (RuntimeException e) {
                    log.warn("The source of dataset {} could not be fetched", source.datasetId(), e);
                }
            }
        }
    }

    /** One fetch of a source, as its owner, with every failure recorded on it. */
    private Outcome fetch(DatasetSource source) {
        long datasetId = source.datasetId();
        if (!running.add(datasetId)) {
            return Outcome.BUSY;
        }
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            SecurityContext owner = SecurityContextHolder.createEmptyContext();
            owner.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    source.owner(), null, AuthorityUtils.createAuthorityList(sources.rolesOf(source.owner()))));
            SecurityContextHolder.setContext(owner);
            return fetchAsOwner(source);
        } catch (Refusal e) {
            return failed(
                    source,
                    e.messageKey(),
                    e.arguments().stream().map(String::valueOf).toList());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return failed(source, "source.error.not-allowed", List.of(source.owner()));
        } catch (Exception e) {
            log.info("The source of dataset {} failed", datasetId, e);
            return failed(source, "source.error.failed", List.of(describe(e)));
        } finally {
            SecurityContextHolder.setContext(before);
            running.remove(datasetId);
        }
    }

    private Outcome fetchAsOwner(DatasetSource source) throws Exception {
        long datasetId = source.datasetId();
        publishing.metadata(datasetId); // the owner still publishes it
        Path file = Files.createTempFile("openplaza-source", ".part");
        Path json = file.resolveSibling(file.getFileName() + ".json");
        try {
            Optional<String> current = sources.currentSha256(datasetId);
            // conditional only while the version the headers describe is the current one
            boolean conditional = current.isPresent();
            RemoteFiles.Fetched fetched = remote.fetch(
                    source.url(),
                    file,
                    publishing.maxUploadBytes(),
                    conditional ? source.etag() : null,
                    conditional ? source.lastModified() : null);
            if (fetched.notModified()) {
                sources.succeeded(datasetId, fetched.etag(), fetched.lastModified(), false, clock.instant());
                return Outcome.UNCHANGED;
            }
            String filename = fetched.filename();
            if (org.openplaza.catalog.importer.JsonRecords.isJson(file, fetched.contentType())) {
                // records as JSON become the CSV the version keeps: the same records make the same file
                Files.move(file, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                org.openplaza.catalog.importer.JsonRecords.toCsv(json, file);
                filename = filename.replaceFirst("(?i)\\.json$", "") + ".csv";
            }
            if (current.equals(Optional.of(sha256(file)))) {
                sources.succeeded(datasetId, fetched.etag(), fetched.lastModified(), false, clock.instant());
                return Outcome.UNCHANGED;
            }
            CsvAnalysis analysis = publishing.analyse(file, ReadSettings.DETECT);
            ImportPlan plan = ImportPlan.asDetected(analysis);
            requireSameColumns(datasetId, plan);
            publishing.importVersion(
                    datasetId,
                    file,
                    filename,
                    plan,
                    List.of(),
                    new ImportMonitor(),
                    fetched.from().toString());
            sources.succeeded(datasetId, fetched.etag(), fetched.lastModified(), true, clock.instant());
            return Outcome.IMPORTED;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(json);
        }
    }

    /**
     * Refuses a file whose columns are not the current version's (by label and type): charts,
     * dashboards and clients reading the dataset by column would break without the publisher
     * having chosen it. A dataset with no version yet takes any.
     */
    private void requireSameColumns(long datasetId, ImportPlan plan) {
        List<DatasetColumn> current = publishing.columns(datasetId);
        if (current.isEmpty()) {
            return;
        }
        List<String> was = new ArrayList<>();
        current.forEach(c -> was.add(c.label() + " (" + c.type() + ")"));
        List<String> now = new ArrayList<>();
        plan.storedColumns().forEach(c -> now.add(c.label() + " (" + c.type() + ")"));
        if (!was.equals(now)) {
            List<String> added = new ArrayList<>(now);
            added.removeAll(was);
            List<String> removed = new ArrayList<>(was);
            removed.removeAll(now);
            throw new CatalogException(
                    null,
                    "source.error.columns",
                    added.isEmpty() ? "-" : String.join(", ", added),
                    removed.isEmpty() ? "-" : String.join(", ", removed));
        }
    }

    private Outcome failed(DatasetSource source, String key, List<String> arguments) {
        sources.failed(source.datasetId(), key, arguments, clock.instant());
        int inRow = source.failures() + 1;
        events.publishEvent(new SourceFailed(source.datasetId(), source.owner(), key, arguments, inRow));
        events.publishEvent(
                new Audited(source.owner(), "SOURCE_FAILED", "dataset", String.valueOf(source.datasetId()), key, null));
        return Outcome.FAILED;
    }

    static String sha256(Path file) throws java.io.IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
