package org.openplaza.catalog.visualisations;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.DATASET;
import static org.openplaza.db.catalog.Tables.ORGANISATION;
import static org.openplaza.db.catalog.Tables.VISUALISATION;
import static org.openplaza.db.catalog.Tables.VISUALISATION_LIKE;
import static org.openplaza.db.catalog.Tables.VISUALISATION_REPORT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Gallery;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationReport;
import org.openplaza.catalog.VisualisationSummary;
import org.openplaza.db.accounts.tables.AppUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/**
 * Saved visualisations, their likes and reports. The gallery's read models never show hidden
 * visualisations or those of unpublished datasets.
 */
@Repository
public class VisualisationRepository {

    private final DSLContext db;

    VisualisationRepository(DSLContext db) {
        this.db = db;
    }

    private static Condition visible() {
        return VISUALISATION.HIDDEN.isFalse().and(DATASET.STATE.eq("PUBLISHED"));
    }

    private static Field<Instant> instant(Field<OffsetDateTime> field) {
        return field.convertFrom(t -> t == null ? null : t.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public int countVisible() {
        return count(Gallery.all(), null);
    }

    public int count(Gallery gallery, @org.jspecify.annotations.Nullable List<Long> matching) {
        return db.fetchCount(
                db.selectOne().from(withPublisher()).where(visible()).and(condition(gallery, matching)));
    }

    /** Visualisations with their datasets and the datasets' publishers. */
    private static org.jooq.Table<?> withPublisher() {
        return VISUALISATION
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .join(ORGANISATION)
                .on(ORGANISATION.ID.eq(DATASET.ORGANISATION_ID));
    }

    public List<VisualisationSummary> listVisibleOf(long datasetId, int limit) {
        return summaries(VISUALISATION.DATASET_ID.eq(datasetId), Gallery.Sort.NEWEST, 0, limit);
    }

    /**
     * A page of the gallery; {@code matching} are the ids its words found, the most relevant
     * first (null when it has no words), which is their order when the gallery asks for relevance.
     */
    public List<VisualisationSummary> search(
            Gallery gallery, @org.jspecify.annotations.Nullable List<Long> matching, int offset, int limit) {
        Condition condition = condition(gallery, matching);
        if (matching == null || gallery.sort() != Gallery.Sort.RELEVANCE) {
            return summaries(condition, gallery.sort(), offset, limit);
        }
        java.util.Set<Long> shown = java.util.Set.copyOf(db.select(VISUALISATION.ID)
                .from(withPublisher())
                .where(visible())
                .and(condition)
                .fetch(VISUALISATION.ID));
        List<Long> page = org.openplaza.platform.text.IndexedWords.page(matching, shown, offset, limit);
        return org.openplaza.platform.text.IndexedWords.inOrder(
                page, summaries(VISUALISATION.ID.in(page), Gallery.Sort.NEWEST, 0, limit), VisualisationSummary::id);
    }

    /** What the index of charts' words holds of one visualisation. */
    record Text(long id, String title, String description, String dataset) {}

    /** The words of every visualisation, of one, or of those of one dataset. */
    List<Text> texts(@org.jspecify.annotations.Nullable Long id, @org.jspecify.annotations.Nullable Long datasetId) {
        return db.select(VISUALISATION.ID, VISUALISATION.TITLE, VISUALISATION.DESCRIPTION, DATASET.TITLE)
                .from(VISUALISATION)
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .where(id == null ? DSL.noCondition() : VISUALISATION.ID.eq(id))
                .and(datasetId == null ? DSL.noCondition() : VISUALISATION.DATASET_ID.eq(datasetId))
                .fetch(org.jooq.Records.mapping(Text::new));
    }

    private static Condition condition(Gallery gallery, @org.jspecify.annotations.Nullable List<Long> matching) {
        Condition condition = DSL.noCondition();
        if (gallery.dataset() != null && !gallery.dataset().isBlank()) {
            condition = condition.and(DATASET.SLUG.eq(gallery.dataset()));
        }
        if (gallery.organisation() != null && !gallery.organisation().isBlank()) {
            condition = condition.and(ORGANISATION.SLUG.eq(gallery.organisation()));
        }
        if (gallery.type() != null) {
            condition = condition.and(VISUALISATION.CHART_TYPE.eq(gallery.type().name()));
        }
        if (matching != null) {
            condition = condition.and(VISUALISATION.ID.in(matching));
        }
        return condition;
    }

    private static SortField<?> order(Gallery.Sort sort) {
        switch (sort) {
            case MOST_VIEWED:
                return VISUALISATION.VIEW_COUNT.desc();
            case MOST_LIKED:
                return VISUALISATION.LIKE_COUNT.desc();
            default:
                return VISUALISATION.CREATED_AT.desc();
        }
    }

    /** Visible visualisations that meet the condition, in the gallery's order. */
    private List<VisualisationSummary> summaries(Condition condition, Gallery.Sort sort, int offset, int limit) {
        return db.select(
                        VISUALISATION.ID,
                        VISUALISATION.TITLE,
                        DATASET.TITLE,
                        APP_USER.DISPLAY_NAME,
                        instant(VISUALISATION.CREATED_AT),
                        VISUALISATION.CHART_TYPE.convertFrom(ChartType::valueOf),
                        DATASET.SLUG,
                        VISUALISATION.VIEW_COUNT,
                        VISUALISATION.LIKE_COUNT,
                        ORGANISATION.NAME,
                        ORGANISATION.SLUG)
                .from(VISUALISATION)
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .join(ORGANISATION)
                .on(ORGANISATION.ID.eq(DATASET.ORGANISATION_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(VISUALISATION.OWNER_ID))
                .where(visible())
                .and(condition)
                .orderBy(order(sort), VISUALISATION.CREATED_AT.desc(), VISUALISATION.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(VisualisationSummary::new));
    }

    /** The organisations whose datasets have visible visualisations: slug and name, by name. */
    public List<org.jooq.Record2<String, String>> organisations() {
        return db.selectDistinct(ORGANISATION.SLUG, ORGANISATION.NAME)
                .from(VISUALISATION)
                .join(DATASET)
                .on(DATASET.ID.eq(VISUALISATION.DATASET_ID))
                .join(ORGANISATION)
                .on(ORGANISATION.ID.eq(DATASET.ORGANISATION_ID))
                .where(visible())
                .orderBy(ORGANISATION.NAME)
                .fetch();
    }

    public Optional<Visualisation> find(long id) {
        return db.select(
                        VISUALISATION.ID,
                        VISUALISATION.TITLE,
                        VISUALISATION.DESCRIPTION,
                        VISUALISATION.CHART_TYPE.convertFrom(ChartType::valueOf),
                        VISUALISATION.DEFINITION,
                        VISUALISATION.DATASET_ID,
                        DATASET.SLUG,
                        DATASET.TITLE,
                        VISUALISATION.VERSION_ID,
                        VISUALISATION.FOLLOWS_LATEST,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.USERNAME,
                        instant(VISUALISATION.CREATED_AT),
                        VISUALISATION.VIEW_COUNT,
                        VISUALISATION.LIKE_COUNT,
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

    public boolean datasetPublished(long id) {
        return db.fetchExists(
                db.selectOne().from(DATASET).where(DATASET.ID.eq(id)).and(DATASET.STATE.eq("PUBLISHED")));
    }

    public long userId(String username) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.ID)
                .orElseThrow(() -> new AccessDeniedException("no account"));
    }

    public long insert(
            long datasetId,
            String owner,
            String title,
            String description,
            String type,
            String definition,
            long versionId,
            boolean followsLatest,
            Instant now) {
        return db.insertInto(VISUALISATION)
                .set(VISUALISATION.DATASET_ID, datasetId)
                .set(VISUALISATION.OWNER_ID, userId(owner))
                .set(VISUALISATION.TITLE, title)
                .set(VISUALISATION.DESCRIPTION, description)
                .set(VISUALISATION.CHART_TYPE, type)
                .set(VISUALISATION.DEFINITION, definition)
                .set(VISUALISATION.VERSION_ID, versionId)
                .set(VISUALISATION.FOLLOWS_LATEST, followsLatest)
                .set(VISUALISATION.CREATED_AT, utc(now))
                .set(VISUALISATION.UPDATED_AT, utc(now))
                .returning(VISUALISATION.ID)
                .fetchSingle(VISUALISATION.ID);
    }

    public void describe(long id, String title, String description, boolean followsLatest, Instant now) {
        db.update(VISUALISATION)
                .set(VISUALISATION.TITLE, title)
                .set(VISUALISATION.DESCRIPTION, description)
                .set(VISUALISATION.FOLLOWS_LATEST, followsLatest)
                .set(VISUALISATION.UPDATED_AT, utc(now))
                .where(VISUALISATION.ID.eq(id))
                .execute();
    }

    public void redefine(long id, String type, String definition, long versionId, Instant now) {
        db.update(VISUALISATION)
                .set(VISUALISATION.CHART_TYPE, type)
                .set(VISUALISATION.DEFINITION, definition)
                .set(VISUALISATION.VERSION_ID, versionId)
                .set(VISUALISATION.UPDATED_AT, utc(now))
                .where(VISUALISATION.ID.eq(id))
                .execute();
    }

    public void delete(long id) {
        db.deleteFrom(VISUALISATION).where(VISUALISATION.ID.eq(id)).execute();
    }

    public void countView(long id) {
        db.update(VISUALISATION)
                .set(VISUALISATION.VIEW_COUNT, VISUALISATION.VIEW_COUNT.plus(1))
                .where(VISUALISATION.ID.eq(id))
                .execute();
    }

    public boolean liked(long id, long userId) {
        return db.fetchExists(
                VISUALISATION_LIKE,
                VISUALISATION_LIKE.VISUALISATION_ID.eq(id).and(VISUALISATION_LIKE.USER_ID.eq(userId)));
    }

    /**
     * Adds a like unless the user has one already; the primary key keeps it to one even when two
     * requests race. Returns whether a like was added.
     */
    public boolean like(long id, long userId, Instant now) {
        int added = db.insertInto(VISUALISATION_LIKE)
                .set(VISUALISATION_LIKE.VISUALISATION_ID, id)
                .set(VISUALISATION_LIKE.USER_ID, userId)
                .set(VISUALISATION_LIKE.CREATED_AT, utc(now))
                .onConflictDoNothing()
                .execute();
        if (added > 0) {
            countLike(id, 1);
        }
        return added > 0;
    }

    public boolean unlike(long id, long userId) {
        int removed = db.deleteFrom(VISUALISATION_LIKE)
                .where(VISUALISATION_LIKE.VISUALISATION_ID.eq(id))
                .and(VISUALISATION_LIKE.USER_ID.eq(userId))
                .execute();
        if (removed > 0) {
            countLike(id, -1);
        }
        return removed > 0;
    }

    /** Adds to the count under the row's lock, so concurrent likes of different users all count. */
    private void countLike(long id, int change) {
        db.update(VISUALISATION)
                .set(VISUALISATION.LIKE_COUNT, VISUALISATION.LIKE_COUNT.plus(change))
                .where(VISUALISATION.ID.eq(id))
                .execute();
    }

    public long likes(long id) {
        return db.select(VISUALISATION.LIKE_COUNT)
                .from(VISUALISATION)
                .where(VISUALISATION.ID.eq(id))
                .fetchOptional(VISUALISATION.LIKE_COUNT)
                .orElse(0L);
    }

    public boolean hasOpenReport(long id, long reporterId) {
        return db.fetchExists(
                VISUALISATION_REPORT,
                VISUALISATION_REPORT
                        .VISUALISATION_ID
                        .eq(id)
                        .and(VISUALISATION_REPORT.REPORTER_ID.eq(reporterId))
                        .and(VISUALISATION_REPORT.RESOLVED_AT.isNull()));
    }

    public long report(long id, long reporterId, String reason, Instant now) {
        return db.insertInto(VISUALISATION_REPORT)
                .set(VISUALISATION_REPORT.VISUALISATION_ID, id)
                .set(VISUALISATION_REPORT.REPORTER_ID, reporterId)
                .set(VISUALISATION_REPORT.REASON, reason)
                .set(VISUALISATION_REPORT.CREATED_AT, utc(now))
                .returning(VISUALISATION_REPORT.ID)
                .fetchSingle(VISUALISATION_REPORT.ID);
    }

    /** Open reports, oldest first. */
    public List<VisualisationReport> openReports(int limit) {
        AppUser owner = APP_USER.as("owner");
        AppUser reporter = APP_USER.as("reporter");
        return db.select(
                        VISUALISATION_REPORT.ID,
                        VISUALISATION.ID,
                        VISUALISATION.TITLE,
                        owner.DISPLAY_NAME,
                        reporter.DISPLAY_NAME,
                        VISUALISATION_REPORT.REASON,
                        instant(VISUALISATION_REPORT.CREATED_AT),
                        VISUALISATION.HIDDEN)
                .from(VISUALISATION_REPORT)
                .join(VISUALISATION)
                .on(VISUALISATION.ID.eq(VISUALISATION_REPORT.VISUALISATION_ID))
                .join(owner)
                .on(owner.ID.eq(VISUALISATION.OWNER_ID))
                .join(reporter)
                .on(reporter.ID.eq(VISUALISATION_REPORT.REPORTER_ID))
                .where(VISUALISATION_REPORT.RESOLVED_AT.isNull())
                .orderBy(VISUALISATION_REPORT.CREATED_AT, VISUALISATION_REPORT.ID)
                .limit(limit)
                .fetch(Records.mapping(VisualisationReport::new));
    }

    public Optional<Long> reportedVisualisation(long reportId) {
        return db.select(VISUALISATION_REPORT.VISUALISATION_ID)
                .from(VISUALISATION_REPORT)
                .where(VISUALISATION_REPORT.ID.eq(reportId))
                .and(VISUALISATION_REPORT.RESOLVED_AT.isNull())
                .fetchOptional(VISUALISATION_REPORT.VISUALISATION_ID);
    }

    public void resolveReport(long reportId, String resolution, Instant now) {
        db.update(VISUALISATION_REPORT)
                .set(VISUALISATION_REPORT.RESOLVED_AT, utc(now))
                .set(VISUALISATION_REPORT.RESOLUTION, resolution)
                .where(VISUALISATION_REPORT.ID.eq(reportId))
                .and(VISUALISATION_REPORT.RESOLVED_AT.isNull())
                .execute();
    }

    public void hide(long id, String reason, Instant now) {
        db.update(VISUALISATION)
                .set(VISUALISATION.HIDDEN, true)
                .set(VISUALISATION.HIDDEN_REASON, reason)
                .set(VISUALISATION.HIDDEN_AT, utc(now))
                .where(VISUALISATION.ID.eq(id))
                .execute();
        db.update(VISUALISATION_REPORT)
                .set(VISUALISATION_REPORT.RESOLVED_AT, utc(now))
                .set(VISUALISATION_REPORT.RESOLUTION, "HIDDEN")
                .where(VISUALISATION_REPORT.VISUALISATION_ID.eq(id))
                .and(VISUALISATION_REPORT.RESOLVED_AT.isNull())
                .execute();
    }

    public void restore(long id) {
        db.update(VISUALISATION)
                .set(VISUALISATION.HIDDEN, false)
                .setNull(VISUALISATION.HIDDEN_REASON)
                .setNull(VISUALISATION.HIDDEN_AT)
                .where(VISUALISATION.ID.eq(id))
                .execute();
    }

    /** The owner's own visualisations, hidden ones included, newest first. */
    public List<Visualisation> owned(String owner, int limit) {
        return db
                .select(VISUALISATION.ID)
                .from(VISUALISATION)
                .join(APP_USER)
                .on(APP_USER.ID.eq(VISUALISATION.OWNER_ID))
                .where(APP_USER.USERNAME.eq(owner))
                .orderBy(VISUALISATION.CREATED_AT.desc(), VISUALISATION.ID.desc())
                .limit(limit)
                .fetch(VISUALISATION.ID)
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }
}
