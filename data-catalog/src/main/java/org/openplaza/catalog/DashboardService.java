package org.openplaza.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.dashboards.DashboardRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboards: anybody signed in composes one from saved visualisations and key figures of
 * datasets they can see; its owner changes it, its owner or an administrator deletes it, and an
 * administrator puts one on the home page as the city at a glance. Anybody may open a dashboard,
 * and each tile is drawn for its reader: one drawn from a dataset the reader may not see shows why
 * instead.
 */
@Service
public class DashboardService {

    /** The most tiles a dashboard holds. */
    public static final int MAX_TILES = 24;

    private final DashboardRepository repository;
    private final DatasetReader reader;
    private final VisualisationService visualisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DashboardService(
            DashboardRepository repository,
            DatasetReader reader,
            VisualisationService visualisations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.reader = reader;
        this.visualisations = visualisations;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an empty dashboard of the caller's; returns its id. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long create(String title, String description) {
        String cleanTitle = cleanTitle(title);
        long id = repository.create(Audited.currentActor(), cleanTitle, cleanDescription(description), clock.instant());
        events.publishEvent(Audited.byCurrentUser("DASHBOARD_CREATED", "dashboard", String.valueOf(id), cleanTitle));
        return id;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void describe(long id, String title, String description) {
        owned(id);
        repository.describe(id, cleanTitle(title), cleanDescription(description), clock.instant());
    }

    /** Adds a saved visualisation the caller can see, after the other tiles; returns the tile's id. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long addChart(long id, long visualisationId, boolean wide) {
        owned(id);
        roomFor(id);
        visualisations
                .find(visualisationId)
                .filter(v -> !v.hidden())
                .orElseThrow(() -> new CatalogException("visualisation", "visualisation.error.none"));
        return repository.addTile(id, "", wide, visualisationId, null);
    }

    /**
     * Adds a key figure of a dataset the caller can see, after the other tiles; the figure must
     * draw on the dataset's current version (the columns exist with fitting types). Returns the
     * tile's id.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long addFigure(long id, String title, KeyFigure figure, boolean wide) {
        owned(id);
        roomFor(id);
        String cleanTitle = cleanTitle(title);
        DatasetPage dataset = reader.byId(figure.datasetId())
                .filter(DatasetPage::published)
                .orElseThrow(() -> new CatalogException("dataset", "publish.error.no-dataset"));
        check(figure, reader.storeColumns(dataset.id()));
        draw(figure);
        return repository.addTile(id, cleanTitle, wide, null, figure);
    }

    /** A figure's columns must exist: the period's a date, the value's a number unless counted. */
    private static void check(KeyFigure figure, List<StoreColumn> columns) {
        StoreColumn date = column(columns, figure.dateColumn(), "date");
        if (date.type() != ValueType.DATE && date.type() != ValueType.TIMESTAMP) {
            throw new CatalogException("date", "dashboard.error.date-column");
        }
        if (figure.valueColumn() == null) {
            return;
        }
        StoreColumn value = column(columns, figure.valueColumn(), "value");
        boolean counted = figure.aggregation() == GroupRequest.Aggregation.COUNT
                || figure.aggregation() == GroupRequest.Aggregation.COUNT_DISTINCT;
        if (!counted && value.type() != ValueType.INTEGER && value.type() != ValueType.DECIMAL) {
            throw new CatalogException("value", "dashboard.error.value-column");
        }
    }

    private static StoreColumn column(List<StoreColumn> columns, String name, String field) {
        return columns.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new CatalogException(field, "dashboard.error.no-column", name));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void removeTile(long id, long tileId) {
        owned(id);
        if (!repository.removeTile(id, tileId)) {
            throw new CatalogException(null, "dashboard.error.no-tile");
        }
    }

    /** Moves a tile one place earlier ({@code by} below 0) or later. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void moveTile(long id, long tileId, int by) {
        owned(id);
        repository.moveTile(id, tileId, by);
    }

    /** Deletes a dashboard: its owner or an administrator. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void delete(long id) {
        Dashboard dashboard = repository.find(id).orElseThrow(() -> new CatalogException(null, "dashboard.error.none"));
        if (!dashboard.owner().equals(Audited.currentActor()) && !PublishingService.isAdmin()) {
            throw new AccessDeniedException("not the owner of dashboard " + id);
        }
        repository.delete(id);
        events.publishEvent(
                Audited.byCurrentUser("DASHBOARD_DELETED", "dashboard", String.valueOf(id), dashboard.title()));
    }

    /** Puts the dashboard on the home page as the city at a glance, or takes it off. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void feature(long id, boolean featured) {
        Dashboard dashboard = repository.find(id).orElseThrow(() -> new CatalogException(null, "dashboard.error.none"));
        if (featured && dashboard.hiddenReason() != null) {
            throw new CatalogException(null, "dashboard.error.hidden");
        }
        if (featured) {
            repository.feature(id, clock.instant());
        } else {
            repository.unfeature(id);
        }
        events.publishEvent(Audited.byCurrentUser(
                featured ? "DASHBOARD_FEATURED" : "DASHBOARD_UNFEATURED",
                "dashboard",
                String.valueOf(id),
                dashboard.title()));
    }

    /** The dashboard an administrator put on the home page, if any. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Dashboard> featured() {
        return repository.featured().flatMap(repository::find);
    }

    /** The dashboard, unless it is hidden and the caller is neither its owner nor an administrator. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Dashboard> find(long id) {
        return repository.find(id).filter(DashboardService::shownToCaller);
    }

    private static boolean shownToCaller(Dashboard dashboard) {
        return dashboard.hiddenReason() == null
                || dashboard.owner().equals(Audited.currentActor())
                || PublishingService.isAdmin();
    }

    /** Anybody signed in reports a dashboard they can see, with a reason; one open report each. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void report(long id, String reason) {
        Dashboard dashboard = find(id).orElseThrow(() -> new CatalogException(null, "dashboard.error.none"));
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 3 || clean.length() > 1000) {
            throw new CatalogException("reason", "dashboard.error.report-reason");
        }
        long reporter = repository.userId(Audited.currentActor());
        if (repository.hasOpenReport(id, reporter)) {
            throw new CatalogException("reason", "dashboard.error.already-reported");
        }
        long report = repository.report(id, reporter, clean, clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "DASHBOARD_REPORTED",
                "dashboard",
                String.valueOf(id),
                org.openplaza.audit.AuditDetail.of("dashboard-reported", dashboard.title(), report)));
    }

    /** Open reports on dashboards, oldest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<DashboardReport> openReports() {
        return repository.openReports(500);
    }

    /**
     * An administrator hides a dashboard with a reason its owner reads: it leaves the list and the
     * home page, visitors no longer find it, and its reports close.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void hide(long id, String reason) {
        Dashboard dashboard = repository.find(id).orElseThrow(() -> new CatalogException(null, "dashboard.error.none"));
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 3 || clean.length() > 500) {
            throw new CatalogException("reason", "dashboard.error.hide-reason");
        }
        repository.hide(id, clean, clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "DASHBOARD_HIDDEN", "dashboard", String.valueOf(id), dashboard.title() + ": " + clean));
    }

    /** An administrator shows a hidden dashboard again (it does not go back on the home page by itself). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void restore(long id) {
        Dashboard dashboard = repository.find(id).orElseThrow(() -> new CatalogException(null, "dashboard.error.none"));
        repository.restore(id);
        events.publishEvent(
                Audited.byCurrentUser("DASHBOARD_RESTORED", "dashboard", String.valueOf(id), dashboard.title()));
    }

    /** An administrator closes a report without hiding anything. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void dismissReport(long reportId) {
        long id = repository
                .reportedDashboard(reportId)
                .orElseThrow(() -> new CatalogException(null, "dashboard.error.no-report"));
        repository.resolveReport(reportId, "DISMISSED", clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "DASHBOARD_REPORT_DISMISSED",
                "dashboard",
                String.valueOf(id),
                org.openplaza.audit.AuditDetail.of("report-dismissed", reportId)));
    }

    /** Every dashboard, the last changed first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Dashboard.Summary> list(int offset, int limit) {
        return repository.list(null, Math.max(0, offset), Math.max(1, Math.min(limit, 200)));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int count() {
        return repository.count();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Dashboard.Summary> mine() {
        return repository.list(Audited.currentActor(), 0, 200);
    }

    /** A tile as the caller sees it now, or why it cannot be drawn. */
    @PreAuthorize("permitAll()")
    public DrawnTile draw(Dashboard.Tile tile) {
        try {
            if (tile.visualisationId() != null) {
                Optional<DrawnVisualisation> chart = visualisations
                        .draw(tile.visualisationId())
                        .filter(d -> !d.visualisation().hidden());
                if (chart.isEmpty()) {
                    return new DrawnTile(tile, null, null, "dashboard.tile.unavailable", null);
                }
                java.time.Instant asOf =
                        reader.byId(tile.datasetId()).map(DatasetPage::modified).orElse(null);
                return new DrawnTile(tile, chart.get(), null, null, asOf);
            }
            KeyFigure.Value figure = draw(java.util.Objects.requireNonNull(tile.figure()));
            return new DrawnTile(tile, null, figure, null, figure.asOf());
        } catch (CatalogException | IllegalArgumentException e) {
            // a chart or figure the current version no longer fits, or a dataset now withdrawn
            return new DrawnTile(tile, null, null, "dashboard.tile.unavailable", null);
        }
    }

    /**
     * The dataset a committed change is about, or -1 when it is about something else: a screen
     * showing the dataset's tiles draws them again.
     */
    public static long changedDataset(org.openplaza.platform.Changed change) {
        return org.openplaza.catalog.publishing.DatasetChanges.datasetOf(change);
    }

    /** A key figure as the caller sees it now, on its dataset's current version. */
    @PreAuthorize("permitAll()")
    public KeyFigure.Value draw(KeyFigure figure) {
        DatasetPage dataset = reader.byId(figure.datasetId())
                .filter(DatasetPage::published)
                .orElseThrow(() -> new CatalogException(null, "publish.error.no-dataset"));
        Grouped points = reader.group(figure.datasetId(), figure.query());
        return KeyFigure.Value.of(points, label(figure), dataset);
    }

    /** The value's column as the publisher labelled it, or none for a count of rows. */
    private String label(KeyFigure figure) {
        if (figure.valueColumn() == null) {
            return "";
        }
        return reader.columns(figure.datasetId()).stream()
                .filter(c -> c.name().equals(figure.valueColumn()))
                .map(c -> c.label().isBlank() ? c.name() : c.label())
                .findFirst()
                .orElse(figure.valueColumn());
    }

    private Dashboard owned(long id) {
        Dashboard dashboard = repository.find(id).orElseThrow(() -> new CatalogException(null, "dashboard.error.none"));
        if (!dashboard.owner().equals(Audited.currentActor())) {
            throw new AccessDeniedException("not the owner of dashboard " + id);
        }
        repository.touch(id, clock.instant());
        return dashboard;
    }

    private void roomFor(long id) {
        if (repository.tileCount(id) >= MAX_TILES) {
            throw new CatalogException(null, "dashboard.error.full", MAX_TILES);
        }
    }

    private static String cleanTitle(@Nullable String title) {
        return UserText.clean(title, 3, 300, "title", "dashboard.error.title");
    }

    private static String cleanDescription(@Nullable String description) {
        return UserText.clean(description, 0, 2000, "description", "dashboard.error.description");
    }
}
