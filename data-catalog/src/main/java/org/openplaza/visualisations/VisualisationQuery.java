package org.openplaza.visualisations;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.DATASET;
import static org.openplaza.db.catalog.Tables.VISUALISATION;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** Read models of the gallery: hidden visualisations and those of unpublished datasets never show. */
@Repository
class VisualisationQuery {

    private final DSLContext db;

    VisualisationQuery(DSLContext db) {
        this.db = db;
    }

    private static Condition visible() {
        return VISUALISATION.HIDDEN.isFalse().and(DATASET.STATE.eq("PUBLISHED"));
    }

    int countVisible() {
        return db.fetchCount(db.selectOne()
                .from(VISUALISATION)
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .where(visible()));
    }

    List<VisualisationSummary> listVisibleOf(long datasetId, int limit) {
        return summaries(VISUALISATION.DATASET_ID.eq(datasetId), false, 0, limit);
    }

    List<VisualisationSummary> listVisible(int offset, int limit) {
        return summaries(org.jooq.impl.DSL.noCondition(), false, offset, limit);
    }

    /** Visible visualisations filtered by dataset (name), chart type and words of the title. */
    List<VisualisationSummary> search(
            @org.jspecify.annotations.Nullable String datasetSlug,
            @org.jspecify.annotations.Nullable String type,
            @org.jspecify.annotations.Nullable String words,
            boolean mostViewed,
            int offset,
            int limit) {
        Condition condition = org.jooq.impl.DSL.noCondition();
        if (datasetSlug != null && !datasetSlug.isBlank()) {
            condition = condition.and(DATASET.SLUG.eq(datasetSlug));
        }
        if (type != null && !type.isBlank()) {
            condition = condition.and(VISUALISATION.CHART_TYPE.eq(type));
        }
        if (words != null && !words.isBlank()) {
            condition = condition.and(VISUALISATION.TITLE.containsIgnoreCase(words.strip()));
        }
        return summaries(condition, mostViewed, offset, limit);
    }

    /** Visible visualisations that meet the condition, newest (or most viewed) first. */
    private List<VisualisationSummary> summaries(Condition condition, boolean mostViewed, int offset, int limit) {
        return db.select(
                        VISUALISATION.ID,
                        VISUALISATION.TITLE,
                        DATASET.TITLE,
                        APP_USER.DISPLAY_NAME,
                        VISUALISATION.CREATED_AT.convertFrom(t -> t.toInstant()),
                        VISUALISATION.CHART_TYPE.convertFrom(org.openplaza.charts.ChartType::valueOf),
                        DATASET.SLUG,
                        VISUALISATION.VIEW_COUNT)
                .from(VISUALISATION)
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(VISUALISATION.OWNER_ID))
                .where(visible())
                .and(condition)
                .orderBy(
                        mostViewed ? VISUALISATION.VIEW_COUNT.desc() : VISUALISATION.CREATED_AT.desc(),
                        VISUALISATION.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(VisualisationSummary::new));
    }

    private static final org.jooq.Field<Long> DATASET_ID = VISUALISATION.DATASET_ID;

    java.util.Optional<Visualisation> find(long id) {
        return db.select(
                        VISUALISATION.ID,
                        VISUALISATION.TITLE,
                        VISUALISATION.DESCRIPTION,
                        VISUALISATION.CHART_TYPE.convertFrom(org.openplaza.charts.ChartType::valueOf),
                        VISUALISATION.DEFINITION,
                        DATASET_ID,
                        DATASET.SLUG,
                        DATASET.TITLE,
                        VISUALISATION.VERSION_ID,
                        VISUALISATION.FOLLOWS_LATEST,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.USERNAME,
                        VISUALISATION.CREATED_AT.convertFrom(t -> t.toInstant()),
                        VISUALISATION.VIEW_COUNT,
                        VISUALISATION.HIDDEN,
                        VISUALISATION.HIDDEN_REASON)
                .from(VISUALISATION)
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(VISUALISATION.OWNER_ID))
                .where(VISUALISATION.ID.eq(id))
                .fetchOptional(Records.mapping(Visualisation::new));
    }

    boolean datasetPublished(long id) {
        return db.fetchExists(
                db.selectOne().from(DATASET).where(DATASET.ID.eq(id)).and(DATASET.STATE.eq("PUBLISHED")));
    }

    long insert(
            long datasetId,
            String owner,
            String title,
            String description,
            String type,
            String definition,
            long versionId,
            boolean followsLatest,
            java.time.Instant now) {
        Long ownerId = db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(owner))
                .fetchOptional(APP_USER.ID)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no account"));
        return db.insertInto(VISUALISATION)
                .set(VISUALISATION.DATASET_ID, datasetId)
                .set(VISUALISATION.OWNER_ID, ownerId)
                .set(VISUALISATION.TITLE, title)
                .set(VISUALISATION.DESCRIPTION, description)
                .set(VISUALISATION.CHART_TYPE, type)
                .set(VISUALISATION.DEFINITION, definition)
                .set(VISUALISATION.VERSION_ID, versionId)
                .set(VISUALISATION.FOLLOWS_LATEST, followsLatest)
                .set(VISUALISATION.CREATED_AT, now.atOffset(java.time.ZoneOffset.UTC))
                .set(VISUALISATION.UPDATED_AT, now.atOffset(java.time.ZoneOffset.UTC))
                .returning(VISUALISATION.ID)
                .fetchSingle(VISUALISATION.ID);
    }

    void delete(long id) {
        db.deleteFrom(VISUALISATION).where(VISUALISATION.ID.eq(id)).execute();
    }

    void countView(long id) {
        db.update(VISUALISATION)
                .set(VISUALISATION.VIEW_COUNT, VISUALISATION.VIEW_COUNT.plus(1))
                .where(VISUALISATION.ID.eq(id))
                .execute();
    }
}
