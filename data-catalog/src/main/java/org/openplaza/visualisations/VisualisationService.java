package org.openplaza.visualisations;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openplaza.audit.Audited;
import org.openplaza.datastore.Grouped;
import org.openplaza.datastore.QueryException;
import org.openplaza.publishing.DatasetPage;
import org.openplaza.publishing.DatasetReader;
import org.openplaza.publishing.PublishingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved visualisations and the public gallery. Anybody signed in saves a chart of a dataset they
 * can see; owners and administrators delete them. A visualisation is public while it is not hidden
 * and its dataset is published; its owner and administrators always see it.
 */
@Service
public class VisualisationService {

    private final VisualisationQuery query;
    private final DatasetReader reader;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VisualisationService(
            VisualisationQuery query, DatasetReader reader, ApplicationEventPublisher events, Clock clock) {
        this.query = query;
        this.reader = reader;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int countVisible() {
        return query.countVisible();
    }

    /** Newest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VisualisationSummary> listVisible(int offset, int limit) {
        return query.listVisible(Math.max(0, offset), Math.max(1, Math.min(limit, 200)));
    }

    /** Public visualisations by dataset name, chart type and words of the title; newest or most viewed first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VisualisationSummary> search(
            @org.jspecify.annotations.Nullable String datasetSlug,
            @org.jspecify.annotations.Nullable String type,
            @org.jspecify.annotations.Nullable String words,
            boolean mostViewed,
            int offset,
            int limit) {
        return query.search(
                datasetSlug, type, words, mostViewed, Math.max(0, offset), Math.max(1, Math.min(limit, 100)));
    }

    /** The public visualisations made from one dataset, newest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VisualisationSummary> listVisibleOf(long datasetId) {
        return query.listVisibleOf(datasetId, 50);
    }

    private static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private boolean visible(Visualisation v) {
        String actor = Audited.currentActor();
        return (!v.hidden() && query.datasetPublished(v.datasetId()))
                || v.owner().equals(actor)
                || isAdmin();
    }

    /**
     * Saves a chart of a dataset's current version; the chart must draw (an impossible one is
     * refused with its reason). Returns the new visualisation's id.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long save(
            long datasetId, String title, String description, ChartDefinition definition, boolean followsLatest)
            throws SQLException {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.length() < 3 || cleanTitle.length() > 300) {
            throw new PublishingException("title", "visualisation.error.title");
        }
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanDescription.length() > 2000) {
            throw new PublishingException("description", "visualisation.error.description");
        }
        DatasetPage dataset =
                reader.byId(datasetId).orElseThrow(() -> new PublishingException(null, "publish.error.no-dataset"));
        if (dataset.currentVersionId() == null) {
            throw new PublishingException(null, "publish.error.no-version");
        }
        reader.group(datasetId, definition.query());
        long id = query.insert(
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
        return id;
    }

    /** A visualisation, if the caller may see it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Visualisation> find(long id) {
        return query.find(id).filter(this::visible);
    }

    /**
     * The visualisation with its points: on the latest version when it follows it and the chart
     * still fits, otherwise on the version it was built on, with what broke.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<DrawnVisualisation> draw(long id) throws SQLException {
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
                return Optional.of(new DrawnVisualisation(v, definition, data, current, null));
            } catch (IllegalArgumentException | QueryException e) {
                problem = e.getMessage();
            }
        }
        long version = v.versionId() == null ? current : v.versionId();
        ChartDefinition definition = ChartDefinition.fromJson(v.definition(), reader.versionColumns(version));
        Grouped data = reader.groupVersion(version, definition.query());
        return Optional.of(new DrawnVisualisation(v, definition, data, version, problem));
    }

    @PreAuthorize("permitAll()")
    @Transactional
    public void countView(long id) {
        query.countView(id);
    }

    /** Deletes a visualisation: its owner or an administrator. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void delete(long id) {
        Visualisation v = query.find(id).orElseThrow(() -> new PublishingException(null, "visualisation.error.none"));
        if (!v.owner().equals(Audited.currentActor()) && !isAdmin()) {
            throw new AccessDeniedException("not the owner of visualisation " + id);
        }
        query.delete(id);
        events.publishEvent(
                Audited.byCurrentUser("VISUALISATION_DELETED", "visualisation", String.valueOf(id), v.title()));
    }
}
