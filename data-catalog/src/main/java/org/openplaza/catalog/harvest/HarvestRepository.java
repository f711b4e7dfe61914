package org.openplaza.catalog.harvest;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.HARVESTED_DATASET;
import static org.openplaza.db.catalog.Tables.HARVESTED_LINK;
import static org.openplaza.db.catalog.Tables.HARVEST_PROBLEM;
import static org.openplaza.db.catalog.Tables.HARVEST_RUN;
import static org.openplaza.db.catalog.Tables.HARVEST_SOURCE;
import static org.openplaza.db.catalog.Tables.ORGANISATION;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.HarvestRun;
import org.openplaza.catalog.HarvestSource;
import org.openplaza.catalog.Provenance;
import org.openplaza.db.catalog.tables.records.HarvestRunRecord;
import org.springframework.stereotype.Repository;

/** Harvest sources, their runs and problems, and the provenance of the datasets they mirror. */
@Repository
public class HarvestRepository {

    private final DSLContext db;

    HarvestRepository(DSLContext db) {
        this.db = db;
    }

    /** What is kept of a mirrored record to tell, on the next run, what became of it. */
    public record Mirrored(
            long datasetId,
            String originalId,
            String fingerprint,
            @Nullable String csvUrl,
            @Nullable Instant removedAt) {}

    /** How one record went, as a run counts it. */
    public enum Counted {
        CREATED,
        UPDATED,
        UNCHANGED,
        FAILED
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static String lines(List<String> arguments) {
        return String.join(
                "\n", arguments.stream().map(a -> a.replace('\n', ' ')).toList());
    }

    private static List<String> lines(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    public long insertSource(
            String title,
            String url,
            HarvestSource.Kind kind,
            long organisationId,
            boolean importCsv,
            int everyMinutes,
            String owner,
            Instant now) {
        return db.insertInto(HARVEST_SOURCE)
                .set(HARVEST_SOURCE.TITLE, title)
                .set(HARVEST_SOURCE.URL, url)
                .set(HARVEST_SOURCE.KIND, kind.name())
                .set(HARVEST_SOURCE.ORGANISATION_ID, organisationId)
                .set(HARVEST_SOURCE.IMPORT_CSV, importCsv)
                .set(HARVEST_SOURCE.EVERY_MINUTES, everyMinutes)
                .set(HARVEST_SOURCE.OWNER_ID, org.openplaza.catalog.publishing.AccountIds.of(db, owner))
                .set(HARVEST_SOURCE.NEXT_DUE_AT, utc(now))
                .set(HARVEST_SOURCE.CREATED_AT, utc(now))
                .returningResult(HARVEST_SOURCE.ID)
                .fetchSingle()
                .value1();
    }

    public boolean organisationExists(long organisationId) {
        return db.fetchExists(ORGANISATION, ORGANISATION.ID.eq(organisationId));
    }

    public List<HarvestSource> sources() {
        return selectSources().orderBy(HARVEST_SOURCE.TITLE, HARVEST_SOURCE.ID).fetch(this::source);
    }

    public Optional<HarvestSource> source(long id) {
        return selectSources().where(HARVEST_SOURCE.ID.eq(id)).fetchOptional(this::source);
    }

    private org.jooq.SelectJoinStep<Record> selectSources() {
        return db.select(HARVEST_SOURCE.fields())
                .select(ORGANISATION.NAME, APP_USER.USERNAME)
                .from(HARVEST_SOURCE)
                .join(ORGANISATION)
                .on(ORGANISATION.ID.eq(HARVEST_SOURCE.ORGANISATION_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(HARVEST_SOURCE.OWNER_ID));
    }

    private HarvestSource source(Record r) {
        long id = r.get(HARVEST_SOURCE.ID);
        return new HarvestSource(
                id,
                r.get(HARVEST_SOURCE.TITLE),
                r.get(HARVEST_SOURCE.URL),
                HarvestSource.Kind.valueOf(r.get(HARVEST_SOURCE.KIND)),
                r.get(HARVEST_SOURCE.ORGANISATION_ID),
                r.get(ORGANISATION.NAME),
                r.get(HARVEST_SOURCE.IMPORT_CSV),
                Duration.ofMinutes(r.get(HARVEST_SOURCE.EVERY_MINUTES)),
                r.get(APP_USER.USERNAME),
                r.get(HARVEST_SOURCE.NEXT_DUE_AT).toInstant(),
                instant(r.get(HARVEST_SOURCE.RUNNING_SINCE)),
                runs(id, 1).stream().findFirst().orElse(null));
    }

    public void deleteSource(long id) {
        db.deleteFrom(HARVEST_SOURCE).where(HARVEST_SOURCE.ID.eq(id)).execute();
    }

    /** The sources due by then and not running, the longest overdue first. */
    public List<Long> due(Instant now, int limit) {
        return db.select(HARVEST_SOURCE.ID)
                .from(HARVEST_SOURCE)
                .where(HARVEST_SOURCE.NEXT_DUE_AT.le(utc(now)))
                .orderBy(HARVEST_SOURCE.NEXT_DUE_AT)
                .limit(limit)
                .fetch(HARVEST_SOURCE.ID);
    }

    /**
     * Takes the source for one run, unless a run is under way there (one that started before
     * {@code staleBefore} is taken as stopped with its node): moves its next due time on. Returns
     * whether this caller has it.
     */
    public boolean claim(long id, Instant now, Instant staleBefore, Instant nextDue) {
        return db.update(HARVEST_SOURCE)
                        .set(HARVEST_SOURCE.RUNNING_SINCE, utc(now))
                        .set(HARVEST_SOURCE.NEXT_DUE_AT, utc(nextDue))
                        .where(HARVEST_SOURCE.ID.eq(id))
                        .and(HARVEST_SOURCE
                                .RUNNING_SINCE
                                .isNull()
                                .or(HARVEST_SOURCE.RUNNING_SINCE.lt(utc(staleBefore))))
                        .execute()
                == 1;
    }

    public void release(long id) {
        db.update(HARVEST_SOURCE)
                .setNull(HARVEST_SOURCE.RUNNING_SINCE)
                .where(HARVEST_SOURCE.ID.eq(id))
                .execute();
    }

    /** Ends as failed the runs of the source still said to be running: their node stopped. */
    public void interrupted(long sourceId, Instant now) {
        db.update(HARVEST_RUN)
                .set(HARVEST_RUN.STATE, HarvestRun.State.FAILED.name())
                .set(HARVEST_RUN.ERROR, "harvest.error.interrupted")
                .set(HARVEST_RUN.FINISHED_AT, utc(now))
                .where(HARVEST_RUN.SOURCE_ID.eq(sourceId))
                .and(HARVEST_RUN.STATE.eq(HarvestRun.State.RUNNING.name()))
                .execute();
    }

    public long insertRun(long sourceId, String startedBy, Instant now) {
        return db.insertInto(HARVEST_RUN)
                .set(HARVEST_RUN.SOURCE_ID, sourceId)
                .set(HARVEST_RUN.STARTED_BY, cut(startedBy, 100))
                .set(HARVEST_RUN.STARTED_AT, utc(now))
                .set(HARVEST_RUN.STATE, HarvestRun.State.RUNNING.name())
                .returningResult(HARVEST_RUN.ID)
                .fetchSingle()
                .value1();
    }

    public Optional<HarvestRun> run(long id) {
        return db.selectFrom(HARVEST_RUN).where(HARVEST_RUN.ID.eq(id)).fetchOptional(HarvestRepository::run);
    }

    /** The source's latest runs, the newest first. */
    public List<HarvestRun> runs(long sourceId, int limit) {
        return db.selectFrom(HARVEST_RUN)
                .where(HARVEST_RUN.SOURCE_ID.eq(sourceId))
                .orderBy(HARVEST_RUN.STARTED_AT.desc(), HARVEST_RUN.ID.desc())
                .limit(limit)
                .fetch(HarvestRepository::run);
    }

    private static HarvestRun run(HarvestRunRecord r) {
        return new HarvestRun(
                r.getId(),
                r.getSourceId(),
                r.getStartedBy(),
                r.getStartedAt().toInstant(),
                instant(r.getFinishedAt()),
                HarvestRun.State.valueOf(r.getState()),
                r.getTotal(),
                r.getDone(),
                r.getCreated(),
                r.getUpdated(),
                r.getUnchanged(),
                r.getRemoved(),
                r.getFailed(),
                r.getError(),
                lines(r.getErrorArgs()),
                r.getCancelRequested());
    }

    public void total(long runId, int total) {
        db.update(HARVEST_RUN)
                .set(HARVEST_RUN.TOTAL, total)
                .where(HARVEST_RUN.ID.eq(runId))
                .execute();
    }

    /** One more record gone through, counted as it went. */
    public void counted(long runId, Counted counted) {
        Field<Integer> column = switch (counted) {
            case CREATED -> HARVEST_RUN.CREATED;
            case UPDATED -> HARVEST_RUN.UPDATED;
            case UNCHANGED -> HARVEST_RUN.UNCHANGED;
            case FAILED -> HARVEST_RUN.FAILED;
        };
        db.update(HARVEST_RUN)
                .set(HARVEST_RUN.DONE, HARVEST_RUN.DONE.plus(1))
                .set(column, column.plus(1))
                .where(HARVEST_RUN.ID.eq(runId))
                .execute();
    }

    public void removed(long runId, int removed) {
        db.update(HARVEST_RUN)
                .set(HARVEST_RUN.REMOVED, removed)
                .where(HARVEST_RUN.ID.eq(runId))
                .execute();
    }

    public void problem(long runId, int position, HarvestRun.Problem problem) {
        db.insertInto(HARVEST_PROBLEM)
                .set(HARVEST_PROBLEM.RUN_ID, runId)
                .set(HARVEST_PROBLEM.POSITION, position)
                .set(HARVEST_PROBLEM.ORIGINAL_ID, cut(problem.originalId(), 500))
                .set(HARVEST_PROBLEM.TITLE, problem.title() == null ? null : cut(problem.title(), 300))
                .set(HARVEST_PROBLEM.MESSAGE_KEY, problem.messageKey())
                .set(HARVEST_PROBLEM.MESSAGE_ARGS, cut(lines(problem.arguments()), 2000))
                .execute();
    }

    public List<HarvestRun.Problem> problems(long runId) {
        return db.selectFrom(HARVEST_PROBLEM)
                .where(HARVEST_PROBLEM.RUN_ID.eq(runId))
                .orderBy(HARVEST_PROBLEM.POSITION)
                .fetch(r -> new HarvestRun.Problem(
                        r.getOriginalId(), r.getTitle(), r.getMessageKey(), lines(r.getMessageArgs())));
    }

    public void finish(
            long runId, HarvestRun.State state, @Nullable String error, List<String> arguments, Instant now) {
        db.update(HARVEST_RUN)
                .set(HARVEST_RUN.STATE, state.name())
                .set(HARVEST_RUN.ERROR, error)
                .set(HARVEST_RUN.ERROR_ARGS, arguments.isEmpty() ? null : cut(lines(arguments), 2000))
                .set(HARVEST_RUN.FINISHED_AT, utc(now))
                .where(HARVEST_RUN.ID.eq(runId))
                .execute();
    }

    public boolean requestCancel(long runId) {
        return db.update(HARVEST_RUN)
                        .set(HARVEST_RUN.CANCEL_REQUESTED, true)
                        .where(HARVEST_RUN.ID.eq(runId))
                        .and(HARVEST_RUN.STATE.eq(HarvestRun.State.RUNNING.name()))
                        .execute()
                == 1;
    }

    public boolean cancelRequested(long runId) {
        return db.select(HARVEST_RUN.CANCEL_REQUESTED)
                .from(HARVEST_RUN)
                .where(HARVEST_RUN.ID.eq(runId))
                .fetchOptional(HARVEST_RUN.CANCEL_REQUESTED)
                .orElse(true);
    }

    public Optional<Mirrored> mirrored(long sourceId, String originalId) {
        return db.selectFrom(HARVESTED_DATASET)
                .where(HARVESTED_DATASET.SOURCE_ID.eq(sourceId))
                .and(HARVESTED_DATASET.ORIGINAL_ID.eq(originalId))
                .fetchOptional(r -> new Mirrored(
                        r.getDatasetId(),
                        r.getOriginalId(),
                        r.getFingerprint(),
                        r.getCsvUrl(),
                        instant(r.getRemovedAt())));
    }

    /** The source's records mirrored here and not gone from it. */
    public List<Mirrored> present(long sourceId) {
        return db.selectFrom(HARVESTED_DATASET)
                .where(HARVESTED_DATASET.SOURCE_ID.eq(sourceId))
                .and(HARVESTED_DATASET.REMOVED_AT.isNull())
                .orderBy(HARVESTED_DATASET.DATASET_ID)
                .fetch(r -> new Mirrored(r.getDatasetId(), r.getOriginalId(), r.getFingerprint(), r.getCsvUrl(), null));
    }

    /** Records the dataset as mirroring the record (first harvested now, or again now). */
    public void mirror(
            long datasetId,
            long sourceId,
            HarvestedRecord record,
            String fingerprint,
            @Nullable String csvUrl,
            Instant now) {
        String originalUrl = record.landingPage();
        String modified = record.modified() == null ? null : cut(record.modified(), 100);
        int changed = db.update(HARVESTED_DATASET)
                .set(HARVESTED_DATASET.ORIGINAL_URL, originalUrl)
                .set(HARVESTED_DATASET.FINGERPRINT, fingerprint)
                .set(HARVESTED_DATASET.SOURCE_MODIFIED, modified)
                .set(HARVESTED_DATASET.CSV_URL, csvUrl)
                .set(HARVESTED_DATASET.LAST_HARVESTED_AT, utc(now))
                .setNull(HARVESTED_DATASET.REMOVED_AT)
                .where(HARVESTED_DATASET.DATASET_ID.eq(datasetId))
                .execute();
        if (changed == 0) {
            db.insertInto(HARVESTED_DATASET)
                    .set(HARVESTED_DATASET.DATASET_ID, datasetId)
                    .set(HARVESTED_DATASET.SOURCE_ID, sourceId)
                    .set(HARVESTED_DATASET.ORIGINAL_ID, cut(record.originalId(), 500))
                    .set(HARVESTED_DATASET.ORIGINAL_URL, originalUrl)
                    .set(HARVESTED_DATASET.FINGERPRINT, fingerprint)
                    .set(HARVESTED_DATASET.SOURCE_MODIFIED, modified)
                    .set(HARVESTED_DATASET.CSV_URL, csvUrl)
                    .set(HARVESTED_DATASET.FIRST_HARVESTED_AT, utc(now))
                    .set(HARVESTED_DATASET.LAST_HARVESTED_AT, utc(now))
                    .execute();
        }
        db.deleteFrom(HARVESTED_LINK)
                .where(HARVESTED_LINK.DATASET_ID.eq(datasetId))
                .execute();
        int position = 0;
        for (HarvestedRecord.Link link : record.links()) {
            db.insertInto(HARVESTED_LINK)
                    .set(HARVESTED_LINK.DATASET_ID, datasetId)
                    .set(HARVESTED_LINK.POSITION, position++)
                    .set(HARVESTED_LINK.TITLE, cut(link.title(), 300))
                    .set(HARVESTED_LINK.FORMAT, link.format() == null ? null : cut(link.format(), 100))
                    .set(HARVESTED_LINK.URL, link.url())
                    .execute();
        }
    }

    /** The record came again, unchanged. */
    public void seen(long datasetId, Instant now) {
        db.update(HARVESTED_DATASET)
                .set(HARVESTED_DATASET.LAST_HARVESTED_AT, utc(now))
                .where(HARVESTED_DATASET.DATASET_ID.eq(datasetId))
                .execute();
    }

    /** Forgets the fingerprint, so that the next run mirrors the record again (its file failed). */
    public void again(long datasetId) {
        db.update(HARVESTED_DATASET)
                .set(HARVESTED_DATASET.FINGERPRINT, "again")
                .where(HARVESTED_DATASET.DATASET_ID.eq(datasetId))
                .execute();
    }

    public void gone(long datasetId, Instant now) {
        db.update(HARVESTED_DATASET)
                .set(HARVESTED_DATASET.REMOVED_AT, utc(now))
                .where(HARVESTED_DATASET.DATASET_ID.eq(datasetId))
                .execute();
    }

    public Optional<Provenance> provenance(long datasetId) {
        List<Provenance.Link> links = db.selectFrom(HARVESTED_LINK)
                .where(HARVESTED_LINK.DATASET_ID.eq(datasetId))
                .orderBy(HARVESTED_LINK.POSITION)
                .fetch(r -> new Provenance.Link(r.getTitle(), r.getFormat(), r.getUrl()));
        return db.select(HARVESTED_DATASET.fields())
                .select(HARVEST_SOURCE.TITLE, HARVEST_SOURCE.URL)
                .from(HARVESTED_DATASET)
                .join(HARVEST_SOURCE)
                .on(HARVEST_SOURCE.ID.eq(HARVESTED_DATASET.SOURCE_ID))
                .where(HARVESTED_DATASET.DATASET_ID.eq(datasetId))
                .fetchOptional(r -> new Provenance(
                        r.get(HARVESTED_DATASET.SOURCE_ID),
                        r.get(HARVEST_SOURCE.TITLE),
                        r.get(HARVEST_SOURCE.URL),
                        r.get(HARVESTED_DATASET.ORIGINAL_ID),
                        r.get(HARVESTED_DATASET.ORIGINAL_URL),
                        r.get(HARVESTED_DATASET.FIRST_HARVESTED_AT).toInstant(),
                        r.get(HARVESTED_DATASET.LAST_HARVESTED_AT).toInstant(),
                        instant(r.get(HARVESTED_DATASET.REMOVED_AT)),
                        links));
    }
}
