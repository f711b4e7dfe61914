package org.openplaza.catalog.publishing;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.COLUMN_NULL_MARKER;
import static org.openplaza.db.catalog.Tables.COLUMN_PROFILE;
import static org.openplaza.db.catalog.Tables.COLUMN_TOP_VALUE;
import static org.openplaza.db.catalog.Tables.DATASET;
import static org.openplaza.db.catalog.Tables.DATASET_COLUMN;
import static org.openplaza.db.catalog.Tables.DATASET_KEYWORD;
import static org.openplaza.db.catalog.Tables.DATASET_THEME;
import static org.openplaza.db.catalog.Tables.DATASET_TRANSLATION;
import static org.openplaza.db.catalog.Tables.DATASET_TRANSLATION_KEYWORD;
import static org.openplaza.db.catalog.Tables.DATASET_VERSION;
import static org.openplaza.db.catalog.Tables.ORGANISATION;
import static org.openplaza.db.catalog.Tables.ORGANISATION_MEMBER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.ColumnProfile;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DownloadableFile;
import org.openplaza.catalog.ManagedDataset;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublicOrganisation;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
public class PublishingRepository {

    /** A version's column as stored, for schema diffs. */
    record StoredColumn(long versionId, String name, String label, ValueType type) {}

    /** A version row before its diff is computed. */
    record StoredVersion(
            long id,
            int number,
            long rows,
            long bytes,
            String sha256,
            String encoding,
            String filename,
            Instant at,
            String mediaType,
            String format,
            boolean live,
            @Nullable String sourceUrl,
            boolean tableDropped) {}

    private final DSLContext db;

    PublishingRepository(DSLContext db) {
        this.db = db;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Condition userIs(String username) {
        return APP_USER.USERNAME.eq(username);
    }

    /** The organisations an account publishes for, as a subquery. */
    private static org.jooq.Select<org.jooq.Record1<Long>> memberOf(String username) {
        return DSL.select(ORGANISATION_MEMBER.ORGANISATION_ID)
                .from(ORGANISATION_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ORGANISATION_MEMBER.USER_ID))
                .where(userIs(username));
    }

    public List<Organisation> organisations(@Nullable String memberUsername) {
        var query =
                db.select(ORGANISATION.ID, ORGANISATION.SLUG, ORGANISATION.NAME).from(ORGANISATION);
        Condition condition = memberUsername == null ? DSL.noCondition() : ORGANISATION.ID.in(memberOf(memberUsername));
        return query.where(condition).orderBy(ORGANISATION.NAME).fetch(Records.mapping(Organisation::new));
    }

    public boolean isMember(String username, long organisationId) {
        return db.fetchExists(db.selectOne()
                .from(ORGANISATION_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ORGANISATION_MEMBER.USER_ID))
                .where(userIs(username))
                .and(ORGANISATION_MEMBER.ORGANISATION_ID.eq(organisationId)));
    }

    public Optional<Long> organisationOf(long datasetId) {
        return db.select(DATASET.ORGANISATION_ID)
                .from(DATASET)
                .where(DATASET.ID.eq(datasetId))
                .fetchOptional(DATASET.ORGANISATION_ID);
    }

    public long createOrganisation(String slug, String name, Instant now) {
        try {
            return db.insertInto(ORGANISATION)
                    .set(ORGANISATION.SLUG, slug)
                    .set(ORGANISATION.NAME, name)
                    .set(ORGANISATION.CREATED_AT, utc(now))
                    .returningResult(ORGANISATION.ID)
                    .fetchSingle(ORGANISATION.ID);
        } catch (DuplicateKeyException e) {
            throw new CatalogException("slug", "publish.error.organisation-taken");
        }
    }

    public boolean addMember(long organisationId, String username) {
        Long userId =
                db.select(APP_USER.ID).from(APP_USER).where(userIs(username)).fetchOne(APP_USER.ID);
        if (userId == null) {
            return false;
        }
        db.insertInto(ORGANISATION_MEMBER)
                .set(ORGANISATION_MEMBER.ORGANISATION_ID, organisationId)
                .set(ORGANISATION_MEMBER.USER_ID, userId)
                .onConflictDoNothing()
                .execute();
        return true;
    }

    public List<String> members(long organisationId) {
        return db.select(APP_USER.USERNAME)
                .from(ORGANISATION_MEMBER)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ORGANISATION_MEMBER.USER_ID))
                .where(ORGANISATION_MEMBER.ORGANISATION_ID.eq(organisationId))
                .orderBy(APP_USER.USERNAME)
                .fetch(APP_USER.USERNAME);
    }

    public boolean removeMember(long organisationId, String username) {
        return db.deleteFrom(ORGANISATION_MEMBER)
                        .where(ORGANISATION_MEMBER.ORGANISATION_ID.eq(organisationId))
                        .and(ORGANISATION_MEMBER.USER_ID.in(
                                DSL.select(APP_USER.ID).from(APP_USER).where(userIs(username))))
                        .execute()
                > 0;
    }

    public long insertDataset(DatasetMetadata metadata, String createdBy, Instant now) {
        return insertDataset(metadata, null, createdBy, now);
    }

    /** Whether a dataset already has this name (its URL's last part). */
    public boolean slugTaken(String slug) {
        return db.fetchExists(DATASET, DATASET.SLUG.eq(slug));
    }

    /** A new draft, named as asked or, without a name, after its title and id. */
    public long insertDataset(
            DatasetMetadata metadata, @org.jspecify.annotations.Nullable String name, String createdBy, Instant now) {
        long id = db.insertInto(DATASET)
                .set(DATASET.ORGANISATION_ID, metadata.organisationId())
                .set(DATASET.SLUG, "new-" + now.toEpochMilli() + "-" + System.nanoTime())
                .set(DATASET.TITLE, metadata.title())
                .set(DATASET.STATE, "DRAFT")
                .set(DATASET.CREATED_AT, utc(now))
                .set(DATASET.MODIFIED_AT, utc(now))
                .set(DATASET.CREATED_BY, DSL.select(APP_USER.ID).from(APP_USER).where(userIs(createdBy)))
                .returningResult(DATASET.ID)
                .fetchSingle(DATASET.ID);
        db.update(DATASET)
                .set(DATASET.SLUG, name != null ? name : slug(metadata.title()) + "-" + id)
                .where(DATASET.ID.eq(id))
                .execute();
        updateMetadata(id, metadata, now);
        return id;
    }

    public static String slug(String title) {
        // a Korean or Chinese title names its dataset in words, not "dataset"
        String slug = java.text.Normalizer.normalize(
                        org.openplaza.catalog.importer.Romanised.ascii(title), java.text.Normalizer.Form.NFKD)
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "dataset" : slug;
    }

    public void updateMetadata(long id, DatasetMetadata m, Instant now) {
        db.update(DATASET)
                .set(DATASET.ORGANISATION_ID, m.organisationId())
                .set(DATASET.TITLE, m.title())
                .set(DATASET.DESCRIPTION, m.description())
                .set(DATASET.CONTACT_NAME, m.contactName())
                .set(DATASET.CONTACT_EMAIL, m.contactEmail())
                .set(DATASET.LICENCE, m.licence())
                .set(DATASET.UPDATE_FREQUENCY, m.updateFrequency())
                .set(DATASET.TEMPORAL_FROM, m.temporalFrom())
                .set(DATASET.TEMPORAL_TO, m.temporalTo())
                .set(DATASET.SPATIAL, m.spatial())
                .set(DATASET.LANGUAGE, m.language())
                .set(DATASET.MODIFIED_AT, utc(now))
                .where(DATASET.ID.eq(id))
                .execute();
        db.deleteFrom(DATASET_THEME).where(DATASET_THEME.DATASET_ID.eq(id)).execute();
        for (String theme : m.themes()) {
            db.insertInto(DATASET_THEME)
                    .set(DATASET_THEME.DATASET_ID, id)
                    .set(DATASET_THEME.THEME, theme)
                    .execute();
        }
        db.deleteFrom(DATASET_KEYWORD).where(DATASET_KEYWORD.DATASET_ID.eq(id)).execute();
        for (String keyword : m.keywords()) {
            db.insertInto(DATASET_KEYWORD)
                    .set(DATASET_KEYWORD.DATASET_ID, id)
                    .set(DATASET_KEYWORD.KEYWORD, keyword)
                    .onConflictDoNothing()
                    .execute();
        }
        // the keywords go with their translation (a foreign key with a cascade)
        db.deleteFrom(DATASET_TRANSLATION)
                .where(DATASET_TRANSLATION.DATASET_ID.eq(id))
                .execute();
        for (var translation : m.translations().entrySet()) {
            DatasetMetadata.Translation t = translation.getValue();
            db.insertInto(DATASET_TRANSLATION)
                    .set(DATASET_TRANSLATION.DATASET_ID, id)
                    .set(DATASET_TRANSLATION.LANGUAGE, translation.getKey())
                    .set(DATASET_TRANSLATION.TITLE, t.title())
                    .set(DATASET_TRANSLATION.DESCRIPTION, t.description())
                    .execute();
            for (String keyword : t.keywords()) {
                db.insertInto(DATASET_TRANSLATION_KEYWORD)
                        .set(DATASET_TRANSLATION_KEYWORD.DATASET_ID, id)
                        .set(DATASET_TRANSLATION_KEYWORD.LANGUAGE, translation.getKey())
                        .set(DATASET_TRANSLATION_KEYWORD.KEYWORD, keyword)
                        .onConflictDoNothing()
                        .execute();
            }
        }
    }

    public Optional<DatasetMetadata> metadata(long id) {
        return db.select(
                        DATASET.ORGANISATION_ID,
                        DATASET.TITLE,
                        DATASET.DESCRIPTION,
                        DATASET.CONTACT_NAME,
                        DATASET.CONTACT_EMAIL,
                        DSL.multiset(DSL.select(DATASET_THEME.THEME)
                                        .from(DATASET_THEME)
                                        .where(DATASET_THEME.DATASET_ID.eq(DATASET.ID)))
                                .convertFrom(r -> java.util.Set.copyOf(r.getValues(DATASET_THEME.THEME))),
                        DSL.multiset(DSL.select(DATASET_KEYWORD.KEYWORD)
                                        .from(DATASET_KEYWORD)
                                        .where(DATASET_KEYWORD.DATASET_ID.eq(DATASET.ID))
                                        .orderBy(DATASET_KEYWORD.KEYWORD))
                                .convertFrom(r -> r.getValues(DATASET_KEYWORD.KEYWORD)),
                        DATASET.LICENCE,
                        DATASET.UPDATE_FREQUENCY,
                        DATASET.TEMPORAL_FROM,
                        DATASET.TEMPORAL_TO,
                        DATASET.SPATIAL,
                        DATASET.LANGUAGE,
                        DatasetTranslations.of(DATASET.ID))
                .from(DATASET)
                .where(DATASET.ID.eq(id))
                .fetchOptional(Records.mapping(
                        (organisationId,
                                title,
                                description,
                                contactName,
                                contactEmail,
                                themes,
                                keywords,
                                licence,
                                updateFrequency,
                                temporalFrom,
                                temporalTo,
                                spatial,
                                language,
                                translations) -> new DatasetMetadata(
                                organisationId,
                                title,
                                description,
                                contactName,
                                contactEmail,
                                themes,
                                keywords,
                                licence,
                                updateFrequency,
                                temporalFrom,
                                temporalTo,
                                spatial,
                                language,
                                translations)));
    }

    public int nextVersionNumber(long datasetId) {
        Integer max = db.select(DSL.max(DATASET_VERSION.VERSION_NO))
                .from(DATASET_VERSION)
                .where(DATASET_VERSION.DATASET_ID.eq(datasetId))
                .fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    public record NewVersion(
            long datasetId,
            int number,
            String table,
            long rows,
            long bytes,
            String sha256,
            String mediaType,
            String format,
            String encoding,
            char delimiter,
            String filename,
            String storedFile,
            String createdBy,
            @Nullable String sourceUrl) {}

    public long insertVersion(NewVersion v, List<ColumnAnalysis> columns, List<String> descriptions, Instant now) {
        long id = db.insertInto(DATASET_VERSION)
                .set(DATASET_VERSION.DATASET_ID, v.datasetId())
                .set(DATASET_VERSION.VERSION_NO, v.number())
                .set(DATASET_VERSION.STORE_TABLE, v.table())
                .set(DATASET_VERSION.ROW_COUNT, v.rows())
                .set(DATASET_VERSION.BYTE_SIZE, v.bytes())
                .set(DATASET_VERSION.SHA256, v.sha256())
                .set(DATASET_VERSION.MEDIA_TYPE, v.mediaType())
                .set(DATASET_VERSION.FILE_FORMAT, v.format())
                .set(DATASET_VERSION.ENCODING, v.encoding())
                .set(DATASET_VERSION.DELIMITER_CHAR, String.valueOf(v.delimiter()))
                .set(DATASET_VERSION.ORIGINAL_FILENAME, v.filename())
                .set(DATASET_VERSION.STORED_FILE, v.storedFile())
                .set(DATASET_VERSION.CREATED_AT, utc(now))
                .set(DATASET_VERSION.SOURCE_URL, v.sourceUrl())
                .set(
                        DATASET_VERSION.CREATED_BY,
                        DSL.select(APP_USER.ID).from(APP_USER).where(userIs(v.createdBy())))
                .returningResult(DATASET_VERSION.ID)
                .fetchSingle(DATASET_VERSION.ID);
        insertColumns(id, columns, descriptions);
        db.update(DATASET)
                .set(DATASET.CURRENT_VERSION_ID, id)
                .set(DATASET.MODIFIED_AT, utc(now))
                .where(DATASET.ID.eq(v.datasetId()))
                .execute();
        return id;
    }

    private void insertColumns(long id, List<ColumnAnalysis> columns, List<String> descriptions) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnAnalysis c = columns.get(i);
            db.insertInto(DATASET_COLUMN)
                    .set(DATASET_COLUMN.VERSION_ID, id)
                    .set(DATASET_COLUMN.POSITION, i)
                    .set(DATASET_COLUMN.COLUMN_NAME, c.name())
                    .set(DATASET_COLUMN.LABEL, c.label())
                    .set(DATASET_COLUMN.VALUE_TYPE, c.type().name())
                    .set(DATASET_COLUMN.VALUE_FORMAT, c.format())
                    .set(DATASET_COLUMN.VALUE_SCALE, c.scale())
                    .set(DATASET_COLUMN.DESCRIPTION, descriptions.get(i))
                    .set(DATASET_COLUMN.NULL_COUNT, c.nulls())
                    .execute();
        }
    }

    public void insertProfiles(long versionId, List<ColumnProfile> profiles) {
        for (int position = 0; position < profiles.size(); position++) {
            ColumnProfile p = profiles.get(position);
            db.insertInto(COLUMN_PROFILE)
                    .set(COLUMN_PROFILE.VERSION_ID, versionId)
                    .set(COLUMN_PROFILE.POSITION, position)
                    .set(COLUMN_PROFILE.NULL_COUNT, p.nulls())
                    .set(COLUMN_PROFILE.DISTINCT_COUNT, p.distinct())
                    .set(COLUMN_PROFILE.MIN_VALUE, p.min())
                    .set(COLUMN_PROFILE.MAX_VALUE, p.max())
                    .set(COLUMN_PROFILE.MEAN_VALUE, p.mean())
                    .execute();
            for (int rank = 0; rank < p.topValues().size(); rank++) {
                ColumnProfile.ValueCount top = p.topValues().get(rank);
                String text = top.value().length() > 500 ? top.value().substring(0, 500) : top.value();
                db.insertInto(COLUMN_TOP_VALUE)
                        .set(COLUMN_TOP_VALUE.VERSION_ID, versionId)
                        .set(COLUMN_TOP_VALUE.POSITION, position)
                        .set(COLUMN_TOP_VALUE.VALUE_RANK, rank + 1)
                        .set(COLUMN_TOP_VALUE.VALUE_TEXT, text)
                        .set(COLUMN_TOP_VALUE.VALUE_COUNT, top.count())
                        .execute();
            }
        }
    }

    /** A live version's profiles (and its columns' empty cells) as its rows are now. */
    public void replaceProfiles(long versionId, List<ColumnProfile> profiles) {
        db.deleteFrom(COLUMN_PROFILE)
                .where(COLUMN_PROFILE.VERSION_ID.eq(versionId))
                .execute();
        insertProfiles(versionId, profiles);
        for (int position = 0; position < profiles.size(); position++) {
            db.update(DATASET_COLUMN)
                    .set(DATASET_COLUMN.NULL_COUNT, profiles.get(position).nulls())
                    .where(DATASET_COLUMN.VERSION_ID.eq(versionId))
                    .and(DATASET_COLUMN.POSITION.eq(position))
                    .execute();
        }
    }

    /** How long a live version keeps its rows: by which date or time column, for how many days. */
    public record Retention(long versionId, long datasetId, String column, int days) {}

    /** Sets (or, with a null column, ends) how long a live version keeps its rows. */
    public void retain(long versionId, @Nullable String column, @Nullable Integer days) {
        db.update(DATASET_VERSION)
                .set(DATASET_VERSION.RETENTION_COLUMN, column)
                .set(DATASET_VERSION.RETENTION_DAYS, column == null ? null : days)
                .where(DATASET_VERSION.ID.eq(versionId))
                .execute();
    }

    /** The live versions, not deleted, that keep their rows for a while; or only this one's. */
    public List<Retention> retentions(@Nullable Long versionId) {
        return db.select(
                        DATASET_VERSION.ID,
                        DATASET_VERSION.DATASET_ID,
                        DATASET_VERSION.RETENTION_COLUMN,
                        DATASET_VERSION.RETENTION_DAYS)
                .from(DATASET_VERSION)
                .where(DATASET_VERSION.LIVE.isTrue())
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .and(DATASET_VERSION.RETENTION_COLUMN.isNotNull())
                .and(DATASET_VERSION.TABLE_DROPPED_AT.isNull())
                .and(versionId == null ? DSL.noCondition() : DATASET_VERSION.ID.eq(versionId))
                .orderBy(DATASET_VERSION.ID)
                .fetch(r -> new Retention(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Marks a new version live, with its key columns in this order. */
    public void makeLive(long versionId, List<String> key, Instant now) {
        db.update(DATASET_VERSION)
                .set(DATASET_VERSION.LIVE, true)
                .set(DATASET_VERSION.ROWS_CHANGED_AT, utc(now))
                .where(DATASET_VERSION.ID.eq(versionId))
                .execute();
        markKey(versionId, key);
    }

    private void markKey(long versionId, List<String> key) {
        for (int i = 0; i < key.size(); i++) {
            db.update(DATASET_COLUMN)
                    .set(DATASET_COLUMN.KEY_POSITION, i + 1)
                    .where(DATASET_COLUMN.VERSION_ID.eq(versionId))
                    .and(DATASET_COLUMN.COLUMN_NAME.eq(key.get(i)))
                    .execute();
        }
    }

    /** A live version's table dropped by a client: no rows, and none taken until it is made again. */
    public void markTableDropped(long versionId, Instant now) {
        db.update(DATASET_VERSION)
                .set(DATASET_VERSION.TABLE_DROPPED_AT, utc(now))
                .where(DATASET_VERSION.ID.eq(versionId))
                .execute();
    }

    /**
     * A dropped live version made again, with these columns and key, in this table: its old
     * columns (and their figures) go, and a retention rule by a column it no longer has of dates
     * or times ends.
     */
    public void remakeLiveTable(
            long versionId, List<ColumnAnalysis> columns, List<String> key, String table, long rows, Instant now) {
        db.deleteFrom(DATASET_COLUMN)
                .where(DATASET_COLUMN.VERSION_ID.eq(versionId))
                .execute();
        insertColumns(versionId, columns, columns.stream().map(c -> "").toList());
        markKey(versionId, key);
        List<String> times = columns.stream()
                .filter(c -> c.type() == ValueType.DATE || c.type() == ValueType.TIMESTAMP)
                .map(ColumnAnalysis::name)
                .toList();
        db.update(DATASET_VERSION)
                .set(DATASET_VERSION.STORE_TABLE, table)
                .set(DATASET_VERSION.ROW_COUNT, rows)
                .set(DATASET_VERSION.ROWS_CHANGED_AT, utc(now))
                .set(DATASET_VERSION.TABLE_DROPPED_AT, (OffsetDateTime) null)
                .where(DATASET_VERSION.ID.eq(versionId))
                .execute();
        db.update(DATASET_VERSION)
                .set(DATASET_VERSION.RETENTION_COLUMN, (String) null)
                .set(DATASET_VERSION.RETENTION_DAYS, (Integer) null)
                .where(DATASET_VERSION.ID.eq(versionId))
                .and(DATASET_VERSION.RETENTION_COLUMN.notIn(times))
                .execute();
    }

    /** A live version's table, columns and key. */
    public record LiveTable(long datasetId, String table, long rows, boolean dropped) {}

    /**
     * A live version's table and rows, its row locked until the transaction ends, so that its
     * writes wait for each other.
     */
    public Optional<LiveTable> lockLiveTable(long versionId) {
        return db.select(
                        DATASET_VERSION.DATASET_ID,
                        DATASET_VERSION.STORE_TABLE,
                        DSL.coalesce(DATASET_VERSION.ROW_COUNT, 0L),
                        DSL.field(DATASET_VERSION.TABLE_DROPPED_AT.isNotNull()))
                .from(DATASET_VERSION)
                .where(DATASET_VERSION.ID.eq(versionId))
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .and(DATASET_VERSION.LIVE.isTrue())
                .forUpdate()
                .fetchOptional(Records.mapping(LiveTable::new));
    }

    /** A live version's columns and key, which change only when a dropped table is made again. */
    public record LiveShape(List<StoreColumn> columns, List<String> key) {}

    public LiveShape liveShape(long versionId) {
        var columns = db.select(
                        DATASET_COLUMN.COLUMN_NAME,
                        DATASET_COLUMN.VALUE_TYPE,
                        DATASET_COLUMN.VALUE_SCALE,
                        DATASET_COLUMN.KEY_POSITION)
                .from(DATASET_COLUMN)
                .where(DATASET_COLUMN.VERSION_ID.eq(versionId))
                .orderBy(DATASET_COLUMN.POSITION)
                .fetch();
        List<String> key = columns.stream()
                .filter(c -> c.get(DATASET_COLUMN.KEY_POSITION) != null)
                .sorted(java.util.Comparator.comparing(c -> c.get(DATASET_COLUMN.KEY_POSITION)))
                .map(c -> c.get(DATASET_COLUMN.COLUMN_NAME))
                .toList();
        return new LiveShape(
                columns.map(c -> new org.openplaza.catalog.StoreColumn(
                        c.get(DATASET_COLUMN.COLUMN_NAME),
                        ValueType.valueOf(c.get(DATASET_COLUMN.VALUE_TYPE)),
                        c.get(DATASET_COLUMN.VALUE_SCALE))),
                key);
    }

    /**
     * The table a change to a live version wrote, now its rows. The dataset's time of change is
     * moved on unless it was moved within the second before: a sensor pushing several times a
     * second rewrites the dataset's row once a second, not at every push.
     */
    public void replaceLiveTable(long versionId, long datasetId, String table, long rows, Instant now) {
        db.update(DATASET_VERSION)
                .set(DATASET_VERSION.STORE_TABLE, table)
                .set(DATASET_VERSION.ROW_COUNT, rows)
                .set(DATASET_VERSION.ROWS_CHANGED_AT, utc(now))
                .where(DATASET_VERSION.ID.eq(versionId))
                .execute();
        db.update(DATASET)
                .set(DATASET.MODIFIED_AT, utc(now))
                .where(DATASET.ID.eq(datasetId))
                .and(DATASET.MODIFIED_AT.isNull().or(DATASET.MODIFIED_AT.le(utc(now.minusSeconds(1)))))
                .execute();
    }

    /** A version about to be pushed to: its dataset, whether it is live, and whether the caller publishes for it. */
    public record PushTarget(long datasetId, boolean live, boolean member) {}

    /** The version, not deleted, and in the same query whether the account is a member of its dataset's organisation. */
    public Optional<PushTarget> pushTarget(long versionId, String username) {
        return db.select(
                        DATASET_VERSION.DATASET_ID,
                        DATASET_VERSION.LIVE,
                        DSL.field(DATASET.ORGANISATION_ID.in(memberOf(username))))
                .from(DATASET_VERSION)
                .join(DATASET)
                .on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
                .where(DATASET_VERSION.ID.eq(versionId))
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .fetchOptional(r -> new PushTarget(r.value1(), Boolean.TRUE.equals(r.value2()), r.value3()));
    }

    /** The null markers each typed column's cells held in the file (a text column keeps them as text). */
    public void insertNullMarkers(long versionId, List<org.openplaza.catalog.ColumnAnalysis> columns) {
        for (int position = 0; position < columns.size(); position++) {
            var column = columns.get(position);
            if (column.type() == ValueType.TEXT) {
                continue;
            }
            for (var marker : column.nullMarkers().entrySet()) {
                db.insertInto(COLUMN_NULL_MARKER)
                        .set(COLUMN_NULL_MARKER.VERSION_ID, versionId)
                        .set(COLUMN_NULL_MARKER.POSITION, position)
                        .set(COLUMN_NULL_MARKER.MARKER, marker.getKey())
                        .set(COLUMN_NULL_MARKER.MARKER_COUNT, marker.getValue())
                        .execute();
            }
        }
    }

    /** A version's column labels by generated name, in file order. */
    public java.util.Map<String, String> columnLabels(long versionId) {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        db.select(DATASET_COLUMN.COLUMN_NAME, DATASET_COLUMN.LABEL)
                .from(DATASET_COLUMN)
                .where(DATASET_COLUMN.VERSION_ID.eq(versionId))
                .orderBy(DATASET_COLUMN.POSITION)
                .forEach(r -> labels.put(r.get(DATASET_COLUMN.COLUMN_NAME), r.get(DATASET_COLUMN.LABEL)));
        return java.util.Collections.unmodifiableMap(labels);
    }

    /** The current version's columns with their profiles, in file order. */
    public List<DatasetColumn> currentColumns(long datasetId) {
        return db.select(
                        DATASET_COLUMN.POSITION,
                        DATASET_COLUMN.COLUMN_NAME,
                        DATASET_COLUMN.LABEL,
                        DATASET_COLUMN.VALUE_TYPE.convertFrom(ValueType::valueOf),
                        DATASET_COLUMN.DESCRIPTION,
                        COLUMN_PROFILE.NULL_COUNT,
                        COLUMN_PROFILE.DISTINCT_COUNT,
                        COLUMN_PROFILE.MIN_VALUE,
                        COLUMN_PROFILE.MAX_VALUE,
                        COLUMN_PROFILE.MEAN_VALUE,
                        DSL.multiset(DSL.select(COLUMN_TOP_VALUE.VALUE_TEXT, COLUMN_TOP_VALUE.VALUE_COUNT)
                                        .from(COLUMN_TOP_VALUE)
                                        .where(COLUMN_TOP_VALUE.VERSION_ID.eq(DATASET_COLUMN.VERSION_ID))
                                        .and(COLUMN_TOP_VALUE.POSITION.eq(DATASET_COLUMN.POSITION))
                                        .orderBy(COLUMN_TOP_VALUE.VALUE_RANK))
                                .convertFrom(r -> r.map(Records.mapping(ColumnProfile.ValueCount::new))),
                        DATASET_COLUMN.VALUE_FORMAT,
                        DSL.multiset(DSL.select(COLUMN_NULL_MARKER.MARKER, COLUMN_NULL_MARKER.MARKER_COUNT)
                                        .from(COLUMN_NULL_MARKER)
                                        .where(COLUMN_NULL_MARKER.VERSION_ID.eq(DATASET_COLUMN.VERSION_ID))
                                        .and(COLUMN_NULL_MARKER.POSITION.eq(DATASET_COLUMN.POSITION)))
                                .convertFrom(
                                        r -> r.intoMap(COLUMN_NULL_MARKER.MARKER, COLUMN_NULL_MARKER.MARKER_COUNT)))
                .from(DATASET_COLUMN)
                .join(DATASET)
                .on(DATASET.CURRENT_VERSION_ID.eq(DATASET_COLUMN.VERSION_ID))
                .leftJoin(COLUMN_PROFILE)
                .on(COLUMN_PROFILE.VERSION_ID.eq(DATASET_COLUMN.VERSION_ID))
                .and(COLUMN_PROFILE.POSITION.eq(DATASET_COLUMN.POSITION))
                .where(DATASET.ID.eq(datasetId))
                .orderBy(DATASET_COLUMN.POSITION)
                .fetch(Records.mapping(DatasetColumn::new));
    }

    public Optional<DownloadableFile> originalFile(long versionId) {
        return db.select(
                        DATASET_VERSION.DATASET_ID,
                        DATASET_VERSION.STORED_FILE.convertFrom(java.nio.file.Path::of),
                        DATASET_VERSION.ORIGINAL_FILENAME,
                        DATASET_VERSION.MEDIA_TYPE,
                        DATASET_VERSION.BYTE_SIZE)
                .from(DATASET_VERSION)
                .where(DATASET_VERSION.ID.eq(versionId))
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .and(DATASET_VERSION.LIVE.isFalse())
                .fetchOptional(Records.mapping(DownloadableFile::new));
    }

    /** The dataset's state, its row locked until the transaction ends. */
    @Nullable
    public String lockState(long datasetId) {
        return db.select(DATASET.STATE)
                .from(DATASET)
                .where(DATASET.ID.eq(datasetId))
                .forUpdate()
                .fetchOptional(DATASET.STATE)
                .orElse(null);
    }

    public Optional<String> state(long datasetId) {
        return db.select(DATASET.STATE)
                .from(DATASET)
                .where(DATASET.ID.eq(datasetId))
                .fetchOptional(DATASET.STATE);
    }

    public boolean hasVersion(long datasetId) {
        return db.fetchExists(
                DATASET_VERSION, DATASET_VERSION.DATASET_ID.eq(datasetId).and(DATASET_VERSION.DELETED_AT.isNull()));
    }

    public void setState(long datasetId, String state, Instant now) {
        db.update(DATASET)
                .set(DATASET.STATE, state)
                .set(DATASET.MODIFIED_AT, utc(now))
                .set(
                        DATASET.ISSUED_AT,
                        "PUBLISHED".equals(state)
                                ? DSL.coalesce(DATASET.ISSUED_AT, DSL.val(utc(now)))
                                : DATASET.ISSUED_AT)
                .where(DATASET.ID.eq(datasetId))
                .execute();
    }

    public List<ManagedDataset> managed(@Nullable String memberUsername) {
        return managed(
                memberUsername == null ? DSL.noCondition() : DATASET.ORGANISATION_ID.in(memberOf(memberUsername)));
    }

    /** The dataset the portal keeps under this key. */
    public Optional<ManagedDataset> bySystemKey(String key) {
        return managed(DATASET.SYSTEM_KEY.eq(key)).stream().findFirst();
    }

    public void setSystemKey(long datasetId, String key) {
        db.update(DATASET)
                .set(DATASET.SYSTEM_KEY, key)
                .where(DATASET.ID.eq(datasetId))
                .execute();
    }

    private List<ManagedDataset> managed(Condition condition) {
        return db.select(
                        DATASET.ID,
                        DATASET.SLUG,
                        DATASET.TITLE,
                        ORGANISATION.NAME,
                        DATASET.STATE,
                        DATASET_VERSION.VERSION_NO,
                        DATASET_VERSION.ROW_COUNT,
                        DATASET.MODIFIED_AT.convertFrom(OffsetDateTime::toInstant))
                .from(DATASET)
                .join(ORGANISATION)
                .on(ORGANISATION.ID.eq(DATASET.ORGANISATION_ID))
                .leftJoin(DATASET_VERSION)
                .on(DATASET_VERSION.ID.eq(DATASET.CURRENT_VERSION_ID))
                .where(condition)
                .orderBy(DATASET.MODIFIED_AT.desc(), DATASET.ID.desc())
                .fetch(Records.mapping(ManagedDataset::new));
    }

    List<StoredVersion> versions(long datasetId) {
        return db.select(
                        DATASET_VERSION.ID,
                        DATASET_VERSION.VERSION_NO,
                        DATASET_VERSION.ROW_COUNT,
                        DATASET_VERSION.BYTE_SIZE,
                        DATASET_VERSION.SHA256,
                        DATASET_VERSION.ENCODING,
                        DATASET_VERSION.ORIGINAL_FILENAME,
                        DATASET_VERSION.CREATED_AT.convertFrom(OffsetDateTime::toInstant),
                        DATASET_VERSION.MEDIA_TYPE,
                        DATASET_VERSION.FILE_FORMAT,
                        DATASET_VERSION.LIVE,
                        DATASET_VERSION.SOURCE_URL,
                        DSL.field(DATASET_VERSION.TABLE_DROPPED_AT.isNotNull()))
                .from(DATASET_VERSION)
                .where(DATASET_VERSION.DATASET_ID.eq(datasetId))
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .orderBy(DATASET_VERSION.VERSION_NO)
                .fetch(Records.mapping(StoredVersion::new));
    }

    List<StoredColumn> columns(long datasetId) {
        return db.select(
                        DATASET_COLUMN.VERSION_ID,
                        DATASET_COLUMN.COLUMN_NAME,
                        DATASET_COLUMN.LABEL,
                        DATASET_COLUMN.VALUE_TYPE.convertFrom(ValueType::valueOf))
                .from(DATASET_COLUMN)
                .join(DATASET_VERSION)
                .on(DATASET_VERSION.ID.eq(DATASET_COLUMN.VERSION_ID))
                .where(DATASET_VERSION.DATASET_ID.eq(datasetId))
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .orderBy(DATASET_COLUMN.VERSION_ID, DATASET_COLUMN.POSITION)
                .fetch(Records.mapping(StoredColumn::new));
    }

    public Optional<DatasetPage> page(String slug) {
        return db.select(DATASET.ID)
                .from(DATASET)
                .where(DATASET.SLUG.eq(slug))
                .fetchOptional(DATASET.ID)
                .flatMap(this::page);
    }

    public Optional<DatasetPage> page(long id) {
        Optional<DatasetMetadata> metadata = metadata(id);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        return db.select(
                        DATASET.ID,
                        DATASET.SLUG,
                        DATASET.STATE,
                        ORGANISATION.NAME,
                        ORGANISATION.SLUG,
                        DATASET.ISSUED_AT.convertFrom(t -> t == null ? null : t.toInstant()),
                        DATASET.MODIFIED_AT.convertFrom(OffsetDateTime::toInstant),
                        DATASET.CURRENT_VERSION_ID,
                        DSL.coalesce(DATASET_VERSION.ROW_COUNT, 0L),
                        DATASET.VIEW_COUNT,
                        DATASET.DOWNLOAD_COUNT)
                .from(DATASET)
                .join(ORGANISATION)
                .on(ORGANISATION.ID.eq(DATASET.ORGANISATION_ID))
                .leftJoin(DATASET_VERSION)
                .on(DATASET_VERSION.ID.eq(DATASET.CURRENT_VERSION_ID))
                .where(DATASET.ID.eq(id))
                .fetchOptional(Records.mapping(
                        (datasetId,
                                slug,
                                state,
                                organisation,
                                organisationSlug,
                                issued,
                                modified,
                                currentVersion,
                                rows,
                                views,
                                downloads) -> new DatasetPage(
                                datasetId,
                                slug,
                                state,
                                metadata.get(),
                                organisation,
                                organisationSlug,
                                issued,
                                modified,
                                currentVersion,
                                rows,
                                views,
                                downloads)));
    }

    /** What deciding who may read a dataset needs: its state, organisation and current version. */
    public record Access(
            String state, long organisationId, @Nullable Long currentVersionId) {}

    /** The dataset of this organisation with this title, if there is one (the oldest). */
    Optional<Long> datasetByTitle(long organisationId, String title) {
        return db.select(DATASET.ID)
                .from(DATASET)
                .where(DATASET.ORGANISATION_ID.eq(organisationId))
                .and(DATASET.TITLE.eq(title))
                .orderBy(DATASET.ID)
                .limit(1)
                .fetchOptional(DATASET.ID);
    }

    public Optional<Access> access(long datasetId) {
        return db.select(DATASET.STATE, DATASET.ORGANISATION_ID, DATASET.CURRENT_VERSION_ID)
                .from(DATASET)
                .where(DATASET.ID.eq(datasetId))
                .fetchOptional(Records.mapping(Access::new));
    }

    public Optional<VersionTable> versionTable(long versionId) {
        var version = db.select(
                        DATASET_VERSION.DATASET_ID,
                        DATASET_VERSION.VERSION_NO,
                        DATASET_VERSION.STORE_TABLE,
                        DATASET_VERSION.ROW_COUNT,
                        DATASET_VERSION.TABLE_DROPPED_AT)
                .from(DATASET_VERSION)
                .where(DATASET_VERSION.ID.eq(versionId))
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .fetchOptional();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        var columns = db.select(
                        DATASET_COLUMN.COLUMN_NAME,
                        DATASET_COLUMN.VALUE_TYPE,
                        DATASET_COLUMN.VALUE_SCALE,
                        DATASET_COLUMN.LABEL,
                        DATASET_COLUMN.VALUE_FORMAT)
                .from(DATASET_COLUMN)
                .where(DATASET_COLUMN.VERSION_ID.eq(versionId))
                .orderBy(DATASET_COLUMN.POSITION)
                .fetch();
        var v = version.get();
        return Optional.of(new VersionTable(
                v.get(DATASET_VERSION.DATASET_ID),
                versionId,
                v.get(DATASET_VERSION.VERSION_NO),
                v.get(DATASET_VERSION.STORE_TABLE),
                v.get(DATASET_VERSION.ROW_COUNT),
                columns.map(Records.mapping((name, type, scale, label, format) ->
                        new org.openplaza.catalog.StoreColumn(name, ValueType.valueOf(type), scale))),
                columns.getValues(DATASET_COLUMN.LABEL),
                columns.getValues(DATASET_COLUMN.VALUE_FORMAT),
                v.get(DATASET_VERSION.TABLE_DROPPED_AT) != null));
    }

    /** A version that is not deleted: its dataset, number, store table and original file. */
    public record LiveFile(long datasetId, int number, String table, String storedFile, boolean live) {}

    public Optional<LiveFile> undeletedVersion(long versionId) {
        return db.select(
                        DATASET_VERSION.DATASET_ID,
                        DATASET_VERSION.VERSION_NO,
                        DATASET_VERSION.STORE_TABLE,
                        DATASET_VERSION.STORED_FILE,
                        DATASET_VERSION.LIVE)
                .from(DATASET_VERSION)
                .where(DATASET_VERSION.ID.eq(versionId))
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .fetchOptional(Records.mapping(LiveFile::new));
    }

    /**
     * Marks a version deleted and makes the newest version left current (or none). Charts pinned
     * to the deleted version move to the new current one. Returns the new current version.
     */
    @Nullable
    public Long deleteVersion(long datasetId, long versionId, Instant now) {
        db.update(DATASET_VERSION)
                .set(DATASET_VERSION.DELETED_AT, utc(now))
                .where(DATASET_VERSION.ID.eq(versionId))
                .execute();
        Long current = db.select(DATASET_VERSION.ID)
                .from(DATASET_VERSION)
                .where(DATASET_VERSION.DATASET_ID.eq(datasetId))
                .and(DATASET_VERSION.DELETED_AT.isNull())
                .orderBy(DATASET_VERSION.VERSION_NO.desc())
                .limit(1)
                .fetchOptional(DATASET_VERSION.ID)
                .orElse(null);
        db.update(DATASET)
                .set(DATASET.CURRENT_VERSION_ID, current)
                .set(DATASET.MODIFIED_AT, utc(now))
                .where(DATASET.ID.eq(datasetId))
                .execute();
        db.update(org.openplaza.db.catalog.Tables.VISUALISATION)
                .set(org.openplaza.db.catalog.Tables.VISUALISATION.VERSION_ID, current)
                .where(org.openplaza.db.catalog.Tables.VISUALISATION.VERSION_ID.eq(versionId))
                .execute();
        return current;
    }

    public void countView(long datasetId) {
        db.update(DATASET)
                .set(DATASET.VIEW_COUNT, DATASET.VIEW_COUNT.plus(1))
                .where(DATASET.ID.eq(datasetId))
                .execute();
    }

    public void countDownload(long datasetId) {
        db.update(DATASET)
                .set(DATASET.DOWNLOAD_COUNT, DATASET.DOWNLOAD_COUNT.plus(1))
                .where(DATASET.ID.eq(datasetId))
                .execute();
    }

    public List<String> publishedSlugs(int offset, int limit) {
        return db.select(DATASET.SLUG)
                .from(DATASET)
                .where(DATASET.STATE.eq("PUBLISHED"))
                .orderBy(DATASET.SLUG)
                .offset(offset)
                .limit(limit)
                .fetch(DATASET.SLUG);
    }

    public Optional<Long> datasetIdBySlug(String slug) {
        return db.select(DATASET.ID).from(DATASET).where(DATASET.SLUG.eq(slug)).fetchOptional(DATASET.ID);
    }

    public List<PublicOrganisation> publicOrganisations() {
        var published = DSL.count(DATASET.ID).filterWhere(DATASET.STATE.eq("PUBLISHED"));
        return db.select(ORGANISATION.ID, ORGANISATION.SLUG, ORGANISATION.NAME, published)
                .from(ORGANISATION)
                .leftJoin(DATASET)
                .on(DATASET.ORGANISATION_ID.eq(ORGANISATION.ID))
                .groupBy(ORGANISATION.ID, ORGANISATION.SLUG, ORGANISATION.NAME)
                .orderBy(ORGANISATION.SLUG)
                .fetch(Records.mapping(PublicOrganisation::new));
    }

    public List<String> publishedKeywords() {
        return db.selectDistinct(DATASET_KEYWORD.KEYWORD)
                .from(DATASET_KEYWORD)
                .join(DATASET)
                .on(DATASET.ID.eq(DATASET_KEYWORD.DATASET_ID))
                .where(DATASET.STATE.eq("PUBLISHED"))
                .orderBy(DATASET_KEYWORD.KEYWORD)
                .fetch(DATASET_KEYWORD.KEYWORD);
    }
}
