package org.openplaza.catalog;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.dashboards.AlertRepository;
import org.openplaza.catalog.dashboards.DashboardRepository;
import org.openplaza.catalog.publishing.DatasetChanges;
import org.openplaza.catalog.publishing.SourceRepository;
import org.openplaza.platform.Changed;
import org.openplaza.platform.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts on dashboards' key figures: a signed-in user who can see a figure asks to be told when
 * its latest value goes above or below a threshold. When a dataset changes (a new version, pushed
 * records), the node that made the change looks at every alert on its figures, each as its user
 * now sees it, and announces {@link Crossed} once for a figure that went past its threshold; the
 * alert is armed again when the figure comes back. On a cluster, an alert turns once whichever
 * nodes look at it, so its user is told once.
 */
@Service
public class FigureAlerts {

    private static final Logger log = LoggerFactory.getLogger(FigureAlerts.class);

    /** A figure went past a user's threshold: {@code value} in {@code period}. */
    public record Crossed(
            String user,
            long datasetId,
            long dashboardId,
            String tileTitle,
            FigureAlert.Direction direction,
            double threshold,
            double value,
            String period) {}

    private final AlertRepository alerts;
    private final DashboardRepository tiles;
    private final DashboardService dashboards;
    private final SourceRepository accounts;
    private final RunAs runAs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final ExecutorService checks = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "figure-alerts");
        thread.setDaemon(true);
        return thread;
    });

    FigureAlerts(
            AlertRepository alerts,
            DashboardRepository tiles,
            DashboardService dashboards,
            SourceRepository accounts,
            RunAs runAs,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.alerts = alerts;
        this.tiles = tiles;
        this.dashboards = dashboards;
        this.accounts = accounts;
        this.runAs = runAs;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Asks to be told when the tile's key figure goes past the threshold this way (replacing the
     * caller's earlier threshold that way). The caller must see the figure. If it is past already,
     * the caller is told when it next crosses. Returns the alert's id.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long watch(long tileId, FigureAlert.Direction direction, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new CatalogException("threshold", "dashboard.error.threshold");
        }
        Dashboard.Tile tile = tile(tileId).orElseThrow(() -> new CatalogException(null, "dashboard.error.no-tile"));
        if (tile.figure() == null) {
            throw new CatalogException(null, "dashboard.error.not-a-figure");
        }
        KeyFigure.Value now = dashboards.draw(tile.figure());
        boolean beyond = now.latest() != null && direction.beyond(now.latest(), threshold);
        return alerts.save(tileId, Audited.currentActor(), direction, threshold, beyond, clock.instant());
    }

    /** Stops one of the caller's alerts. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void stop(long alertId) {
        if (!alerts.remove(alertId, Audited.currentActor())) {
            throw new AccessDeniedException("not an alert of the caller: " + alertId);
        }
    }

    /** The caller's alerts. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<FigureAlert> mine() {
        return alerts.of(Audited.currentActor());
    }

    private Optional<Dashboard.Tile> tile(long tileId) {
        return tiles.dashboardOfTile(tileId)
                .flatMap(tiles::find)
                .flatMap(d -> d.tiles().stream().filter(t -> t.id() == tileId).findFirst());
    }

    /** A change made here: its dataset's alerts are looked at away from the thread that made it. */
    @EventListener
    void on(Changed change) {
        long dataset = DatasetChanges.datasetOf(change);
        if (change.here() && dataset >= 0) {
            checks.execute(() -> {
                try {
                    check(dataset);
                } catch (RuntimeException e) {
                    log.warn("The alerts on dataset {} could not be looked at", dataset, e);
                }
            });
        }
    }

    /**
     * Looks at every alert on the dataset's key figures, each as its user (with the roles the
     * account holds now), and announces those that went past their threshold. Returns how many.
     */
    public int check(long datasetId) {
        int crossed = 0;
        Map<Long, Optional<Dashboard.Tile>> found = new HashMap<>();
        for (AlertRepository.Watched watched : alerts.onDataset(datasetId)) {
            FigureAlert alert = watched.alert();
            Optional<Dashboard.Tile> tile = found.computeIfAbsent(alert.tileId(), this::tile);
            if (tile.isEmpty() || tile.get().figure() == null) {
                continue;
            }
            KeyFigure.Value[] value = new KeyFigure.Value[1];
            try {
                runAs.run(
                        UsernamePasswordAuthenticationToken.authenticated(
                                watched.username(),
                                null,
                                AuthorityUtils.createAuthorityList(accounts.rolesOf(watched.username()))),
                        () -> value[0] = dashboards.draw(tile.get().figure()));
            } catch (CatalogException | IllegalArgumentException e) {
                continue; // the user no longer sees it, or it no longer draws
            }
            Double latest = value[0].latest();
            if (latest == null) {
                continue;
            }
            boolean beyond = alert.direction().beyond(latest, alert.threshold());
            if (beyond == alert.beyond()
                    || !Boolean.TRUE.equals(
                            transactions.execute(s -> alerts.turn(alert.id(), beyond, clock.instant())))) {
                continue;
            }
            if (beyond) {
                crossed++;
                events.publishEvent(new Crossed(
                        watched.username(),
                        datasetId,
                        alert.dashboardId(),
                        tile.get().title(),
                        alert.direction(),
                        alert.threshold(),
                        latest,
                        java.util.Objects.requireNonNullElse(value[0].latestPeriod(), "")));
            }
        }
        return crossed;
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        checks.shutdownNow();
    }
}
