package org.openplaza.catalog.dashboards;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.DASHBOARD;
import static org.openplaza.db.catalog.Tables.DASHBOARD_REPORT;
import static org.openplaza.db.catalog.Tables.DASHBOARD_TILE;
import static org.openplaza.db.catalog.Tables.VISUALISATION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.DashboardReport;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.KeyFigure;
import org.springframework.stereotype.Repository;

/** Dashboards and their tiles, kept in order by position. */
@Repository
public class DashboardRepository {

    private final DSLContext db;

    DashboardRepository(DSLContext db) {
        this.db = db;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public long create(String owner, String title, String description, Instant now) {
        long ownerId = org.openplaza.catalog.publishing.AccountIds.of(db, owner);
        return db.insertInto(DASHBOARD)
                .set(DASHBOARD.OWNER_ID, ownerId)
                .set(DASHBOARD.TITLE, title)
                .set(DASHBOARD.DESCRIPTION, description)
                .set(DASHBOARD.CREATED_AT, utc(now))
                .set(DASHBOARD.UPDATED_AT, utc(now))
                .returning(DASHBOARD.ID)
                .fetchOne(DASHBOARD.ID);
    }

    public void describe(long id, String title, String description, Instant now) {
        db.update(DASHBOARD)
                .set(DASHBOARD.TITLE, title)
                .set(DASHBOARD.DESCRIPTION, description)
                .set(DASHBOARD.UPDATED_AT, utc(now))
                .where(DASHBOARD.ID.eq(id))
                .execute();
    }

    /** Marks a change to the dashboard's tiles, and locks its row until the transaction ends. */
    public void touch(long id, Instant now) {
        db.update(DASHBOARD)
                .set(DASHBOARD.UPDATED_AT, utc(now))
                .where(DASHBOARD.ID.eq(id))
                .execute();
    }

    /** The account that owns the dashboard, if it exists. */
    public Optional<String> owner(long id) {
        return db.select(APP_USER.USERNAME)
                .from(DASHBOARD)
                .join(APP_USER)
                .on(APP_USER.ID.eq(DASHBOARD.OWNER_ID))
                .where(DASHBOARD.ID.eq(id))
                .fetchOptional(APP_USER.USERNAME);
    }

    public Optional<Dashboard> find(long id) {
        return db.select(
                        DASHBOARD.ID,
                        DASHBOARD.TITLE,
                        DASHBOARD.DESCRIPTION,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        DASHBOARD.CREATED_AT,
                        DASHBOARD.UPDATED_AT,
                        DASHBOARD.FEATURED_AT,
                        DASHBOARD.HIDDEN_REASON)
                .from(DASHBOARD)
                .join(APP_USER)
                .on(APP_USER.ID.eq(DASHBOARD.OWNER_ID))
                .where(DASHBOARD.ID.eq(id))
                .fetchOptional(r -> new Dashboard(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6().toInstant(),
                        r.value7().toInstant(),
                        r.value8() != null,
                        tiles(id),
                        r.value9()));
    }

    private List<Dashboard.Tile> tiles(long dashboardId) {
        return db.select(DASHBOARD_TILE.asterisk(), VISUALISATION.DATASET_ID, VISUALISATION.TITLE)
                .from(DASHBOARD_TILE)
                .leftJoin(VISUALISATION)
                .on(VISUALISATION.ID.eq(DASHBOARD_TILE.VISUALISATION_ID))
                .where(DASHBOARD_TILE.DASHBOARD_ID.eq(dashboardId))
                .orderBy(DASHBOARD_TILE.POSITION, DASHBOARD_TILE.ID)
                .fetch(DashboardRepository::tile);
    }

    private static Dashboard.Tile tile(Record r) {
        Long visualisationId = r.get(DASHBOARD_TILE.VISUALISATION_ID);
        String title = r.get(DASHBOARD_TILE.TITLE);
        if (visualisationId != null) {
            return new Dashboard.Tile(
                    r.get(DASHBOARD_TILE.ID),
                    title.isBlank() ? r.get(VISUALISATION.TITLE) : title,
                    r.get(DASHBOARD_TILE.WIDE),
                    r.get(VISUALISATION.DATASET_ID),
                    visualisationId,
                    null);
        }
        long datasetId = r.get(DASHBOARD_TILE.DATASET_ID);
        KeyFigure figure = new KeyFigure(
                datasetId,
                r.get(DASHBOARD_TILE.VALUE_COLUMN),
                GroupRequest.Aggregation.valueOf(r.get(DASHBOARD_TILE.AGGREGATION)),
                r.get(DASHBOARD_TILE.DATE_COLUMN),
                GroupRequest.Bucket.valueOf(r.get(DASHBOARD_TILE.PERIOD)));
        return new Dashboard.Tile(r.get(DASHBOARD_TILE.ID), title, r.get(DASHBOARD_TILE.WIDE), datasetId, null, figure);
    }

    /** The dashboard a tile is on, if the tile exists. */
    public Optional<Long> dashboardOfTile(long tileId) {
        return db.select(DASHBOARD_TILE.DASHBOARD_ID)
                .from(DASHBOARD_TILE)
                .where(DASHBOARD_TILE.ID.eq(tileId))
                .fetchOptional(DASHBOARD_TILE.DASHBOARD_ID);
    }

    /**
     * Dashboards, the last changed first: only one account's when {@code owner} is given (hidden
     * ones too), else every one not hidden.
     */
    public List<Dashboard.Summary> list(@Nullable String owner, int offset, int limit) {
        Condition whose = owner == null ? DASHBOARD.HIDDEN_AT.isNull() : APP_USER.USERNAME.eq(owner);
        var tiles = DSL.selectCount()
                .from(DASHBOARD_TILE)
                .where(DASHBOARD_TILE.DASHBOARD_ID.eq(DASHBOARD.ID))
                .<Integer>asField("tiles");
        return db.select(
                        DASHBOARD.ID,
                        DASHBOARD.TITLE,
                        DASHBOARD.DESCRIPTION,
                        APP_USER.DISPLAY_NAME,
                        DASHBOARD.UPDATED_AT,
                        tiles,
                        DASHBOARD.FEATURED_AT)
                .from(DASHBOARD)
                .join(APP_USER)
                .on(APP_USER.ID.eq(DASHBOARD.OWNER_ID))
                .where(whose)
                .orderBy(DASHBOARD.UPDATED_AT.desc(), DASHBOARD.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new Dashboard.Summary(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5().toInstant(),
                        r.value6(),
                        r.value7() != null));
    }

    /** How many dashboards are not hidden. */
    public int count() {
        return db.fetchCount(DASHBOARD, DASHBOARD.HIDDEN_AT.isNull());
    }

    public int tileCount(long dashboardId) {
        return db.fetchCount(DASHBOARD_TILE, DASHBOARD_TILE.DASHBOARD_ID.eq(dashboardId));
    }

    /** Adds a tile after the others. */
    public long addTile(
            long dashboardId, String title, boolean wide, @Nullable Long visualisationId, @Nullable KeyFigure figure) {
        int position = db.select(DSL.coalesce(DSL.max(DASHBOARD_TILE.POSITION), -1))
                        .from(DASHBOARD_TILE)
                        .where(DASHBOARD_TILE.DASHBOARD_ID.eq(dashboardId))
                        .fetchOne(0, Integer.class)
                + 1;
        return db.insertInto(DASHBOARD_TILE)
                .set(DASHBOARD_TILE.DASHBOARD_ID, dashboardId)
                .set(DASHBOARD_TILE.POSITION, position)
                .set(DASHBOARD_TILE.TITLE, title)
                .set(DASHBOARD_TILE.WIDE, wide)
                .set(DASHBOARD_TILE.VISUALISATION_ID, visualisationId)
                .set(DASHBOARD_TILE.DATASET_ID, figure == null ? null : figure.datasetId())
                .set(DASHBOARD_TILE.VALUE_COLUMN, figure == null ? null : figure.valueColumn())
                .set(
                        DASHBOARD_TILE.AGGREGATION,
                        figure == null ? null : figure.aggregation().name())
                .set(DASHBOARD_TILE.DATE_COLUMN, figure == null ? null : figure.dateColumn())
                .set(
                        DASHBOARD_TILE.PERIOD,
                        figure == null ? null : figure.period().name())
                .returning(DASHBOARD_TILE.ID)
                .fetchOne(DASHBOARD_TILE.ID);
    }

    public boolean removeTile(long dashboardId, long tileId) {
        return db.deleteFrom(DASHBOARD_TILE)
                        .where(DASHBOARD_TILE.ID.eq(tileId))
                        .and(DASHBOARD_TILE.DASHBOARD_ID.eq(dashboardId))
                        .execute()
                > 0;
    }

    /**
     * Moves a tile one place earlier ({@code by} below 0) or later, swapping it with its neighbour;
     * the first tile moved earlier, or the last moved later, stays. Positions are renumbered in order.
     */
    public boolean moveTile(long dashboardId, long tileId, int by) {
        List<Long> order = db.select(DASHBOARD_TILE.ID)
                .from(DASHBOARD_TILE)
                .where(DASHBOARD_TILE.DASHBOARD_ID.eq(dashboardId))
                .orderBy(DASHBOARD_TILE.POSITION, DASHBOARD_TILE.ID)
                .fetch(DASHBOARD_TILE.ID);
        int at = order.indexOf(tileId);
        int to = at + Integer.signum(by);
        if (at < 0 || to < 0 || to >= order.size()) {
            return false;
        }
        java.util.Collections.swap(order, at, to);
        for (int position = 0; position < order.size(); position++) {
            db.update(DASHBOARD_TILE)
                    .set(DASHBOARD_TILE.POSITION, position)
                    .where(DASHBOARD_TILE.ID.eq(order.get(position)))
                    .execute();
        }
        return true;
    }

    public void delete(long id) {
        db.deleteFrom(DASHBOARD).where(DASHBOARD.ID.eq(id)).execute();
    }

    /** Puts the dashboard on the home page in place of the one there. */
    public void feature(long id, Instant now) {
        db.update(DASHBOARD)
                .setNull(DASHBOARD.FEATURED_AT)
                .where(DASHBOARD.FEATURED_AT.isNotNull())
                .execute();
        db.update(DASHBOARD)
                .set(DASHBOARD.FEATURED_AT, utc(now))
                .where(DASHBOARD.ID.eq(id))
                .execute();
    }

    public void unfeature(long id) {
        db.update(DASHBOARD)
                .setNull(DASHBOARD.FEATURED_AT)
                .where(DASHBOARD.ID.eq(id))
                .execute();
    }

    /** The dashboard on the home page, if an administrator chose one. */
    public Optional<Long> featured() {
        return db.select(DASHBOARD.ID)
                .from(DASHBOARD)
                .where(DASHBOARD.FEATURED_AT.isNotNull())
                .and(DASHBOARD.HIDDEN_AT.isNull())
                .orderBy(DASHBOARD.FEATURED_AT.desc())
                .limit(1)
                .fetchOptional(DASHBOARD.ID);
    }

    public long userId(String username) {
        return org.openplaza.catalog.publishing.AccountIds.of(db, username);
    }

    public boolean hasOpenReport(long dashboardId, long reporterId) {
        return db.fetchExists(
                DASHBOARD_REPORT,
                DASHBOARD_REPORT
                        .DASHBOARD_ID
                        .eq(dashboardId)
                        .and(DASHBOARD_REPORT.REPORTER_ID.eq(reporterId))
                        .and(DASHBOARD_REPORT.RESOLVED_AT.isNull()));
    }

    public long report(long dashboardId, long reporterId, String reason, Instant now) {
        return db.insertInto(DASHBOARD_REPORT)
                .set(DASHBOARD_REPORT.DASHBOARD_ID, dashboardId)
                .set(DASHBOARD_REPORT.REPORTER_ID, reporterId)
                .set(DASHBOARD_REPORT.REASON, reason)
                .set(DASHBOARD_REPORT.CREATED_AT, utc(now))
                .returning(DASHBOARD_REPORT.ID)
                .fetchOne(DASHBOARD_REPORT.ID);
    }

    /** Open reports, oldest first, with the dashboard's title and author and the reporter's name. */
    public List<DashboardReport> openReports(int limit) {
        var author = APP_USER.as("author");
        var reporter = APP_USER.as("reporter");
        return db.select(
                        DASHBOARD_REPORT.ID,
                        DASHBOARD.ID,
                        DASHBOARD.TITLE,
                        author.DISPLAY_NAME,
                        reporter.DISPLAY_NAME,
                        DASHBOARD_REPORT.REASON,
                        DASHBOARD_REPORT.CREATED_AT)
                .from(DASHBOARD_REPORT)
                .join(DASHBOARD)
                .on(DASHBOARD.ID.eq(DASHBOARD_REPORT.DASHBOARD_ID))
                .join(author)
                .on(author.ID.eq(DASHBOARD.OWNER_ID))
                .join(reporter)
                .on(reporter.ID.eq(DASHBOARD_REPORT.REPORTER_ID))
                .where(DASHBOARD_REPORT.RESOLVED_AT.isNull())
                .orderBy(DASHBOARD_REPORT.CREATED_AT, DASHBOARD_REPORT.ID)
                .limit(limit)
                .fetch(r -> new DashboardReport(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7().toInstant()));
    }

    /** The dashboard an open report is about. */
    public Optional<Long> reportedDashboard(long reportId) {
        return db.select(DASHBOARD_REPORT.DASHBOARD_ID)
                .from(DASHBOARD_REPORT)
                .where(DASHBOARD_REPORT.ID.eq(reportId))
                .and(DASHBOARD_REPORT.RESOLVED_AT.isNull())
                .fetchOptional(DASHBOARD_REPORT.DASHBOARD_ID);
    }

    public void resolveReport(long reportId, String resolution, Instant now) {
        db.update(DASHBOARD_REPORT)
                .set(DASHBOARD_REPORT.RESOLVED_AT, utc(now))
                .set(DASHBOARD_REPORT.RESOLUTION, resolution)
                .where(DASHBOARD_REPORT.ID.eq(reportId))
                .execute();
    }

    /** Hides a dashboard with the reason its owner reads, takes it off the home page and closes its reports. */
    public void hide(long id, String reason, Instant now) {
        db.update(DASHBOARD)
                .set(DASHBOARD.HIDDEN_AT, utc(now))
                .set(DASHBOARD.HIDDEN_REASON, reason)
                .setNull(DASHBOARD.FEATURED_AT)
                .where(DASHBOARD.ID.eq(id))
                .execute();
        db.update(DASHBOARD_REPORT)
                .set(DASHBOARD_REPORT.RESOLVED_AT, utc(now))
                .set(DASHBOARD_REPORT.RESOLUTION, "HIDDEN")
                .where(DASHBOARD_REPORT.DASHBOARD_ID.eq(id))
                .and(DASHBOARD_REPORT.RESOLVED_AT.isNull())
                .execute();
    }

    public void restore(long id) {
        db.update(DASHBOARD)
                .setNull(DASHBOARD.HIDDEN_AT)
                .setNull(DASHBOARD.HIDDEN_REASON)
                .where(DASHBOARD.ID.eq(id))
                .execute();
    }
}
