package org.openplaza.catalog.dashboards;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.DASHBOARD_TILE;
import static org.openplaza.db.catalog.Tables.FIGURE_ALERT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.openplaza.catalog.FigureAlert;
import org.springframework.stereotype.Repository;

/** Users' alerts on key figures, one a tile, user and direction. */
@Repository
public class AlertRepository {

    /** An alert with whose it is, as the check of a changed dataset reads it. */
    public record Watched(FigureAlert alert, String username) {}

    private final DSLContext db;

    AlertRepository(DSLContext db) {
        this.db = db;
    }

    /** Sets the user's alert on the tile this way (replacing its threshold); returns its id. */
    public long save(
            long tileId,
            String username,
            FigureAlert.Direction direction,
            double threshold,
            boolean beyond,
            Instant now) {
        long userId = org.openplaza.catalog.publishing.AccountIds.of(db, username);
        db.deleteFrom(FIGURE_ALERT)
                .where(FIGURE_ALERT.TILE_ID.eq(tileId))
                .and(FIGURE_ALERT.USER_ID.eq(userId))
                .and(FIGURE_ALERT.DIRECTION.eq(direction.name()))
                .execute();
        return db.insertInto(FIGURE_ALERT)
                .set(FIGURE_ALERT.TILE_ID, tileId)
                .set(FIGURE_ALERT.USER_ID, userId)
                .set(FIGURE_ALERT.DIRECTION, direction.name())
                .set(FIGURE_ALERT.THRESHOLD, threshold)
                .set(FIGURE_ALERT.BEYOND, beyond)
                .set(FIGURE_ALERT.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(FIGURE_ALERT.ID)
                .fetchOne(FIGURE_ALERT.ID);
    }

    public boolean remove(long id, String username) {
        return db.deleteFrom(FIGURE_ALERT)
                        .where(FIGURE_ALERT.ID.eq(id))
                        .and(FIGURE_ALERT.USER_ID.in(
                                db.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username))))
                        .execute()
                > 0;
    }

    public List<FigureAlert> of(String username) {
        return select().where(APP_USER.USERNAME.eq(username))
                .orderBy(FIGURE_ALERT.ID)
                .fetch(r -> alert(r));
    }

    public Optional<FigureAlert> find(long id) {
        return select().where(FIGURE_ALERT.ID.eq(id)).fetchOptional(r -> alert(r));
    }

    /** The alerts on key figures of the dataset, of enabled accounts. */
    public List<Watched> onDataset(long datasetId) {
        return select().where(DASHBOARD_TILE.DATASET_ID.eq(datasetId))
                .and(APP_USER.ENABLED.isTrue())
                .orderBy(FIGURE_ALERT.ID)
                .fetch(r -> new Watched(alert(r), r.get(APP_USER.USERNAME)));
    }

    /**
     * Records that the figure is now past the threshold or back; false when another check recorded
     * it first (so that only one tells the user).
     */
    public boolean turn(long id, boolean beyond, Instant now) {
        var update = db.update(FIGURE_ALERT).set(FIGURE_ALERT.BEYOND, beyond);
        if (beyond) {
            update = update.set(FIGURE_ALERT.NOTIFIED_AT, now.atOffset(ZoneOffset.UTC));
        }
        return update.where(FIGURE_ALERT.ID.eq(id))
                        .and(FIGURE_ALERT.BEYOND.eq(!beyond))
                        .execute()
                > 0;
    }

    private org.jooq.SelectJoinStep<Record> select() {
        return db.select(FIGURE_ALERT.fields())
                .select(DASHBOARD_TILE.DASHBOARD_ID, DASHBOARD_TILE.TITLE, APP_USER.USERNAME)
                .from(FIGURE_ALERT)
                .join(DASHBOARD_TILE)
                .on(DASHBOARD_TILE.ID.eq(FIGURE_ALERT.TILE_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(FIGURE_ALERT.USER_ID));
    }

    private static FigureAlert alert(Record r) {
        return new FigureAlert(
                r.get(FIGURE_ALERT.ID),
                r.get(FIGURE_ALERT.TILE_ID),
                r.get(DASHBOARD_TILE.DASHBOARD_ID),
                r.get(DASHBOARD_TILE.TITLE),
                FigureAlert.Direction.valueOf(r.get(FIGURE_ALERT.DIRECTION)),
                r.get(FIGURE_ALERT.THRESHOLD),
                r.get(FIGURE_ALERT.BEYOND));
    }
}
