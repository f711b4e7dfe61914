package org.openplaza.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.visualisations.VisualisationRepository;
import org.openplaza.catalog.visualisations.VisualisationWords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved visualisations and the public gallery. Anybody signed in saves a chart of a dataset they
 * can see; owners and administrators delete them. A visualisation is public while it is not hidden
 * and its dataset is published; its owner and administrators always see it.
 */
@Service
public class VisualisationService {

    private final VisualisationRepository repository;
    private final DatasetReader reader;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VisualisationWords words;

    VisualisationService(
            VisualisationRepository repository,
            DatasetReader reader,
            ApplicationEventPublisher events,
            Clock clock,
            VisualisationWords words) {
        this.words = words;
        this.repository = repository;
        this.reader = reader;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int countVisible() {
        return repository.countVisible();
    }

    /** Newest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VisualisationSummary> listVisible(int offset, int limit) {
        return repository.search(Gallery.all(), null, Math.max(0, offset), Math.max(1, Math.min(limit, 200)));
    }

    /** Public visualisations that match the gallery's filters, in its order. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VisualisationSummary> search(Gallery gallery, int offset, int limit) {
        return repository.search(gallery, matching(gallery), Math.max(0, offset), Math.max(1, Math.min(limit, 100)));
    }

    /** How many public visualisations match the gallery's filters. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int count(Gallery gallery) {
        return repository.count(gallery, matching(gallery));
    }

    /**
     * The visualisations the gallery's words find, the most relevant first, or null without
     * words. Too many words are refused with an {@code IllegalArgumentException}.
     */
    private java.util.@org.jspecify.annotations.Nullable List<Long> matching(Gallery gallery) {
        return gallery.hasWords() ? words.find(gallery.words()) : null;
    }

    /** The organisations with public visualisations of their datasets: name (slug) to title. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Map<String, String> organisations() {
        java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
        repository.organisations().forEach(r -> found.put(r.value1(), r.value2()));
        return found;
    }

    /** The public visualisations made from one dataset, newest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VisualisationSummary> listVisibleOf(long datasetId) {
        return repository.listVisibleOf(datasetId, 50);
    }

    private boolean visible(Visualisation v) {
        String actor = Audited.currentActor();
        return (!v.hidden() && repository.datasetPublished(v.datasetId()))
                || v.owner().equals(actor)
                || PublishingService.isAdmin();
    }

    /**
     * Saves a chart of a dataset's current version; the chart must draw (an impossible one is
     * refused with its reason). Returns the new visualisation's id.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long save(
            long datasetId, String title, String description, ChartDefinition definition, boolean followsLatest) {
        String cleanTitle = cleanTitle(title);
        String cleanDescription = cleanDescription(description);
        DatasetPage dataset =
                reader.byId(datasetId).orElseThrow(() -> new CatalogException(null, "publish.error.no-dataset"));
        if (dataset.currentVersionId() == null) {
            throw new CatalogException(null, "publish.error.no-version");
        }
        reader.group(datasetId, definition.query());
        long id = repository.insert(
                datasetId,
                Audited.currentActor(),
                cleanTitle,
                cleanDescription,
                definition.type().name(),
                definition.toJson(),
                dataset.currentVersionId(),
                followsLatest,
                clock.instant());
        events.publishEvent(
                Audited.byCurrentUser("VISUALISATION_CREATED", "visualisation", String.valueOf(id), cleanTitle));
        events.publishEvent(words.changed(id));
        return id;
    }

    private static String cleanTitle(@org.jspecify.annotations.Nullable String title) {
        return UserText.clean(title, 3, 300, "title", "visualisation.error.title");
    }

    private static String cleanDescription(@org.jspecify.annotations.Nullable String description) {
        return UserText.clean(description, 0, 2000, "description", "visualisation.error.description");
    }

    private Visualisation owned(long id) {
        Visualisation v = repository.find(id).orElseThrow(() -> new CatalogException(null, "visualisation.error.none"));
        if (!v.owner().equals(Audited.currentActor())) {
            throw new AccessDeniedException("not the owner of visualisation " + id);
        }
        return v;
    }

    /** The owner changes the title, the description and whether it follows the latest version. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void describe(long id, String title, String description, boolean followsLatest) {
        owned(id);
        String cleanTitle = cleanTitle(title);
        repository.describe(id, cleanTitle, cleanDescription(description), followsLatest, clock.instant());
        events.publishEvent(
                Audited.byCurrentUser("VISUALISATION_UPDATED", "visualisation", String.valueOf(id), cleanTitle));
        events.publishEvent(words.changed(id));
    }

    /**
     * The owner replaces the chart itself, drawn on the dataset's current version; a chart that
     * cannot be drawn is refused with its reason and the old one is kept.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void redefine(long id, ChartDefinition definition) {
        Visualisation v = owned(id);
        DatasetPage dataset =
                reader.byId(v.datasetId()).orElseThrow(() -> new CatalogException(null, "publish.error.no-dataset"));
        if (dataset.currentVersionId() == null) {
            throw new CatalogException(null, "publish.error.no-version");
        }
        reader.group(v.datasetId(), definition.query());
        repository.redefine(
                id, definition.type().name(), definition.toJson(), dataset.currentVersionId(), clock.instant());
        events.publishEvent(
                Audited.byCurrentUser("VISUALISATION_REDEFINED", "visualisation", String.valueOf(id), v.title()));
    }

    /** Whether the signed-in caller likes the visualisation (false for visitors). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean likedByMe(long id) {
        String actor = Audited.currentActor();
        if (Audited.ANONYMOUS.equals(actor)) {
            return false;
        }
        return repository.liked(id, repository.userId(actor));
    }

    /**
     * The signed-in caller likes or stops liking a visualisation they can see; one like per user,
     * however often or concurrently they click. Returns the new number of likes.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long like(long id, boolean like) {
        find(id).orElseThrow(() -> new CatalogException(null, "visualisation.error.none"));
        long user = repository.userId(Audited.currentActor());
        if (like) {
            try {
                repository.like(id, user, clock.instant());
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // a concurrent click of the same user won the race: the one like stands
            }
        } else {
            repository.unlike(id, user);
        }
        return repository.likes(id);
    }

    /** Anybody signed in reports a visualisation they can see, with a reason; one open report each. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void report(long id, String reason) {
        Visualisation v = find(id).orElseThrow(() -> new CatalogException(null, "visualisation.error.none"));
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 3 || clean.length() > 1000) {
            throw new CatalogException("reason", "visualisation.error.report-reason");
        }
        long reporter = repository.userId(Audited.currentActor());
        if (repository.hasOpenReport(id, reporter)) {
            throw new CatalogException("reason", "visualisation.error.already-reported");
        }
        long report = repository.report(id, reporter, clean, clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "VISUALISATION_REPORTED",
                "visualisation",
                String.valueOf(id),
                org.openplaza.audit.AuditDetail.of("visualisation-reported", v.title(), report)));
    }

    /** Open reports, oldest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<VisualisationReport> openReports() {
        return repository.openReports(500);
    }

    /** An administrator hides a visualisation with a reason its owner will see; its reports close. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void hide(long id, String reason) {
        Visualisation v = repository.find(id).orElseThrow(() -> new CatalogException(null, "visualisation.error.none"));
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 3 || clean.length() > 500) {
            throw new CatalogException("reason", "visualisation.error.hide-reason");
        }
        repository.hide(id, clean, clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "VISUALISATION_HIDDEN", "visualisation", String.valueOf(id), v.title() + ": " + clean));
    }

    /** An administrator shows a hidden visualisation again. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void restore(long id) {
        Visualisation v = repository.find(id).orElseThrow(() -> new CatalogException(null, "visualisation.error.none"));
        repository.restore(id);
        events.publishEvent(
                Audited.byCurrentUser("VISUALISATION_RESTORED", "visualisation", String.valueOf(id), v.title()));
    }

    /** An administrator closes a report without hiding anything. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void dismissReport(long reportId) {
        long id = repository
                .reportedVisualisation(reportId)
                .orElseThrow(() -> new CatalogException(null, "visualisation.error.no-report"));
        repository.resolveReport(reportId, "DISMISSED", clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "VISUALISATION_REPORT_DISMISSED",
                "visualisation",
                String.valueOf(id),
                org.openplaza.audit.AuditDetail.of("report-dismissed", reportId)));
    }

    /** The caller's own visualisations, hidden ones with their reason, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Visualisation> mine() {
        return repository.owned(Audited.currentActor(), 200);
    }

    /** A visualisation, if the caller may see it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Visualisation> find(long id) {
        return repository.find(id).filter(this::visible);
    }

    /**
     * The ECharts option of a visualisation's thumbnail for the gallery's cards, drawn as {@link
     * #draw} draws it; none when it cannot be seen or drawn.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<String> thumbnail(long id) {
        try {
            return draw(id).map(d ->
                    org.openplaza.catalog.charts.Thumbnails.build(d.definition().type(), d.data()));
        } catch (RuntimeException e) {
            // a chart the store cannot draw keeps its card, without a picture
            return Optional.empty();
        }
    }

    /**
     * The visualisation with its points: on the latest version when it follows it and the chart
     * still fits, otherwise on the version it was built on, with what broke.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<DrawnVisualisation> draw(long id) {
        Optional<Visualisation> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Visualisation v = found.get();
        Long current =
                reader.byId(v.datasetId()).map(DatasetPage::currentVersionId).orElse(null);
        String problem = null;
        if (v.followsLatest() && current != null && !current.equals(v.versionId())) {
            try {
                ChartDefinition definition = ChartDefinition.fromJson(v.definition(), reader.versionColumns(current));
                Grouped data = reader.groupVersion(current, definition.query());
                return Optional.of(
                        new DrawnVisualisation(v, definition, data, current, null, reader.versionLabels(current)));
            } catch (IllegalArgumentException | CatalogException e) {
                problem = e.getMessage();
            }
        }
        long version = v.versionId() == null ? current : v.versionId();
        ChartDefinition definition = ChartDefinition.fromJson(v.definition(), reader.versionColumns(version));
        Grouped data = reader.groupVersion(version, definition.query());
        return Optional.of(
                new DrawnVisualisation(v, definition, data, version, problem, reader.versionLabels(version)));
    }

    @PreAuthorize("permitAll()")
    @Transactional
    public void countView(long id) {
        repository.countView(id);
    }

    /** Deletes a visualisation: its owner or an administrator. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void delete(long id) {
        Visualisation v = repository.find(id).orElseThrow(() -> new CatalogException(null, "visualisation.error.none"));
        if (!v.owner().equals(Audited.currentActor()) && !PublishingService.isAdmin()) {
            throw new AccessDeniedException("not the owner of visualisation " + id);
        }
        repository.delete(id);
        events.publishEvent(
                Audited.byCurrentUser("VISUALISATION_DELETED", "visualisation", String.valueOf(id), v.title()));
        events.publishEvent(words.changed(id));
    }
}
