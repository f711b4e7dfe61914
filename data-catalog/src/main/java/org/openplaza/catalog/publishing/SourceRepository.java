package org.openplaza.catalog.publishing;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.accounts.Tables.USER_ROLE;
import static org.openplaza.db.catalog.Tables.DATASET;
import static org.openplaza.db.catalog.Tables.DATASET_SOURCE;
import static org.openplaza.db.catalog.Tables.DATASET_VERSION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.DatasetSource;
import org.springframework.stereotype.Repository;

/** Datasets' sources: where each is fetched from, how often, on whose behalf, and how it went. */
@Repository
public class SourceRepository {

    private final DSLContext db;

    SourceRepository(DSLContext db) {
        this.db = db;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** Sets the dataset's source (replacing any earlier one, whose conditional headers go), due at once. */
    public void save(long datasetId, String url, int everyMinutes, String owner, Instant now) {
        long ownerId = AccountIds.of(db, owner);
        db.deleteFrom(DATASET_SOURCE)
                .where(DATASET_SOURCE.DATASET_ID.eq(datasetId))
                .execute();
        db.insertInto(DATASET_SOURCE)
                .set(DATASET_SOURCE.DATASET_ID, datasetId)
                .set(DATASET_SOURCE.URL, url)
                .set(DATASET_SOURCE.EVERY_MINUTES, everyMinutes)
                .set(DATASET_SOURCE.OWNER_ID, ownerId)
                .set(DATASET_SOURCE.NEXT_DUE_AT, utc(now))
                .set(DATASET_SOURCE.CREATED_AT, utc(now))
                .execute();
    }

    public boolean remove(long datasetId) {
        return db.deleteFrom(DATASET_SOURCE)
                        .where(DATASET_SOURCE.DATASET_ID.eq(datasetId))
                        .execute()
                > 0;
    }

    public Optional<DatasetSource> find(long datasetId) {
        return select().where(DATASET_SOURCE.DATASET_ID.eq(datasetId)).fetchOptional(SourceRepository::source);
    }

    /** The sources due by then, the longest overdue first. */
    public List<DatasetSource> due(Instant now, int limit) {
        return select().where(DATASET_SOURCE.NEXT_DUE_AT.le(utc(now)))
                .orderBy(DATASET_SOURCE.NEXT_DUE_AT)
                .limit(limit)
                .fetch(SourceRepository::source);
    }

    /**
     * Takes a due source for one fetch: moves its next due time on, unless another node moved it
     * first. Returns whether this caller has it.
     */
    public boolean claim(long datasetId, Instant wasDue, Instant nextDue) {
        return db.update(DATASET_SOURCE)
                        .set(DATASET_SOURCE.NEXT_DUE_AT, utc(nextDue))
                        .where(DATASET_SOURCE.DATASET_ID.eq(datasetId))
                        .and(DATASET_SOURCE.NEXT_DUE_AT.eq(utc(wasDue)))
                        .execute()
                == 1;
    }

    /** A fetch that went well: the server's headers kept for the next one, and whether a version came of it. */
    public void succeeded(
            long datasetId, @Nullable String etag, @Nullable String lastModified, boolean changed, Instant now) {
        var update = db.update(DATASET_SOURCE)
                .set(DATASET_SOURCE.ETAG, etag)
                .set(DATASET_SOURCE.LAST_MODIFIED, lastModified)
                .set(DATASET_SOURCE.LAST_ATTEMPT_AT, utc(now))
                .set(DATASET_SOURCE.LAST_SUCCESS_AT, utc(now))
                .set(DATASET_SOURCE.LAST_ERROR, (String) null)
                .set(DATASET_SOURCE.LAST_ERROR_ARGS, (String) null)
                .set(DATASET_SOURCE.FAILURES, 0);
        if (changed) {
            update = update.set(DATASET_SOURCE.LAST_CHANGE_AT, utc(now));
        }
        update.where(DATASET_SOURCE.DATASET_ID.eq(datasetId)).execute();
    }

    /** A fetch that failed: why, and one more failure in a row. */
    public void failed(long datasetId, String error, List<String> arguments, Instant now) {
        String joined = String.join("\n", arguments);
        db.update(DATASET_SOURCE)
                .set(DATASET_SOURCE.LAST_ATTEMPT_AT, utc(now))
                .set(DATASET_SOURCE.LAST_ERROR, error.length() > 100 ? error.substring(0, 100) : error)
                .set(DATASET_SOURCE.LAST_ERROR_ARGS, joined.length() > 2000 ? joined.substring(0, 2000) : joined)
                .set(DATASET_SOURCE.FAILURES, DATASET_SOURCE.FAILURES.plus(1))
                .where(DATASET_SOURCE.DATASET_ID.eq(datasetId))
                .execute();
    }

    /** The SHA-256 of the dataset's current version's file, if it has one. */
    public Optional<String> currentSha256(long datasetId) {
        return db.select(DATASET_VERSION.SHA256)
                .from(DATASET)
                .join(DATASET_VERSION)
                .on(DATASET_VERSION.ID.eq(DATASET.CURRENT_VERSION_ID))
                .where(DATASET.ID.eq(datasetId))
                .fetchOptional(DATASET_VERSION.SHA256);
    }

    /** The roles of an enabled account, as Spring Security names them; none for a disabled one. */
    public List<String> rolesOf(String username) {
        return db.select(USER_ROLE.ROLE_NAME)
                .from(USER_ROLE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_ROLE.USER_ID))
                .where(APP_USER.USERNAME.eq(username))
                .and(APP_USER.ENABLED.isTrue())
                .fetch(r -> "ROLE_" + r.value1());
    }

    private org.jooq.SelectJoinStep<Record> select() {
        return db.select(DATASET_SOURCE.fields())
                .select(APP_USER.USERNAME)
                .from(DATASET_SOURCE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(DATASET_SOURCE.OWNER_ID));
    }

    private static DatasetSource source(Record r) {
        String arguments = r.get(DATASET_SOURCE.LAST_ERROR_ARGS);
        return new DatasetSource(
                r.get(DATASET_SOURCE.DATASET_ID),
                r.get(DATASET_SOURCE.URL),
                java.time.Duration.ofMinutes(r.get(DATASET_SOURCE.EVERY_MINUTES)),
                r.get(APP_USER.USERNAME),
                r.get(DATASET_SOURCE.ETAG),
                r.get(DATASET_SOURCE.LAST_MODIFIED),
                r.get(DATASET_SOURCE.NEXT_DUE_AT).toInstant(),
                instant(r.get(DATASET_SOURCE.LAST_ATTEMPT_AT)),
                instant(r.get(DATASET_SOURCE.LAST_SUCCESS_AT)),
                instant(r.get(DATASET_SOURCE.LAST_CHANGE_AT)),
                r.get(DATASET_SOURCE.LAST_ERROR),
                arguments == null || arguments.isEmpty() ? List.of() : List.of(arguments.split("\n", -1)),
                r.get(DATASET_SOURCE.FAILURES));
    }
}
