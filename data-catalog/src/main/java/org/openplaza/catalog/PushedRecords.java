package org.openplaza.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.datastore.RowConditions;
import org.openplaza.catalog.datastore.StoreFailures;
import org.openplaza.catalog.importer.ColumnNames;
import org.openplaza.catalog.publishing.DatasetChanges;
import org.openplaza.catalog.publishing.PublishingRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records pushed by officials' systems and sensors, as CKAN's DataStore API pushes them: a live
 * version is made with typed fields and an optional key ({@code datastore_create}), then records
 * are inserted, updated or upserted ({@code datastore_upsert}) and deleted by filter
 * ({@code datastore_delete}).
 *
 * <p>Each batch is all or nothing: its records are checked against the fields, then written in
 * one transaction of the store (on a store of one node, into the version's table itself; on a
 * store shared by several nodes, into a copy that replaces the table in the version's row only
 * when the whole batch is in). A record that does not fit refuses the batch with its index and
 * reason. Writes to one version wait for each other (the version's row is locked), on every node.
 */
@Service
public class PushedRecords {

    /** How long a replaced table stays for queries begun on it. */
    static final Duration REPLACED_TABLE_KEPT = Duration.ofSeconds(30);

    /** Digits kept after the point of a pushed decimal number. */
    public static final int DECIMAL_SCALE = 6;

    /** At most this many records in one call. */
    public static final int BATCH_MAX = 10_000;

    /** A field of a pushed table: its name in the data, its type, and a label for people. */
    public record FieldSpec(String name, ValueType type, String label) {}

    /** What a push did: the version, its rows now, and how many it touched. */
    public record Pushed(long versionId, long datasetId, long rows, long changed) {}

    private final PublishingRepository repository;
    private final DatasetStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PushedRecords(
            PublishingRepository repository,
            DatasetStore store,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** The store's type for a CKAN DataStore field type, or a refusal naming the types there are. */
    public static ValueType typeOf(String ckanType) {
        return switch (ckanType.strip().toLowerCase(Locale.ROOT)) {
            case "text", "varchar", "string", "json", "_text" -> ValueType.TEXT;
            case "int", "int2", "int4", "int8", "integer", "bigint", "smallint" -> ValueType.INTEGER;
            case "numeric", "float", "float4", "float8", "double", "double precision", "real", "decimal", "number" ->
                ValueType.DECIMAL;
            case "bool", "boolean" -> ValueType.BOOLEAN;
            case "date" -> ValueType.DATE;
            case "timestamp", "timestamptz", "datetime" -> ValueType.TIMESTAMP;
            default -> throw new CatalogException("fields", "datastore.error.field-type", ckanType);
        };
    }

    private void requireManage(long datasetId) {
        PublishingService.requireManageDataset(repository, datasetId);
    }

    /**
     * Makes a live version of the dataset from typed fields, a key (empty for none) and first
     * records; it becomes the dataset's current version. Returns its id.
     */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public long create(
            long datasetId, String name, List<FieldSpec> fields, List<String> key, List<Map<String, Object>> records) {
        try {
            requireManage(datasetId);
            List<StoreColumn> columns = columns(fields);
            checkKey(columns, key);
            DatasetStore.Rewritten written = firstRecords(columns, key, records);
            String actor = Audited.currentActor();
            try {
                long versionId = transactions.execute(status -> {
                    List<ColumnAnalysis> analysed = analysed(fields, columns);
                    int number = repository.nextVersionNumber(datasetId);
                    long id = repository.insertVersion(
                            new PublishingRepository.NewVersion(
                                    datasetId,
                                    number,
                                    written.table(),
                                    written.rows(),
                                    0,
                                    "",
                                    "text/csv",
                                    "CSV",
                                    "UTF-8",
                                    ',',
                                    name,
                                    "",
                                    actor,
                                    null),
                            analysed,
                            fields.stream().map(f -> "").toList(),
                            clock.instant());
                    repository.makeLive(id, key, clock.instant());
                    refreshProfiles(id, written.table(), columns);
                    audit(
                            "LIVE_VERSION_CREATED",
                            datasetId,
                            org.openplaza.audit.AuditDetail.of("version-imported", number, written.changed()));
                    return id;
                });
                return versionId;
            } catch (RuntimeException e) {
                store.drop(written.table());
                throw e;
            } finally {
                store.release(written.table());
            }
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** A key of the table's own fields, each named once. */
    private static void checkKey(List<StoreColumn> columns, List<String> key) {
        for (String k : key) {
            if (columns.stream().noneMatch(c -> c.name().equals(k))) {
                throw new CatalogException("primary_key", "datastore.error.key-field", k);
            }
        }
        if (new HashSet<>(key).size() != key.size()) {
            throw new CatalogException("primary_key", "datastore.error.key-field", key);
        }
    }

    /** A new table in the store holding the first records (checked as one batch). */
    private DatasetStore.Rewritten firstRecords(
            List<StoreColumn> columns, List<String> key, List<Map<String, Object>> records) throws SQLException {
        Batch batch = batch(columns, key, records, UpsertMethod.INSERT);
        String empty;
        try {
            empty = store.load(columns, sink -> null).table();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("an empty table could not be made", e);
        }
        DatasetStore.Rewritten written;
        try {
            written = write(empty, columns, key, batch, UpsertMethod.INSERT, 0);
        } catch (RuntimeException | SQLException e) {
            store.drop(empty);
            throw e;
        }
        if (!written.table().equals(empty)) {
            store.drop(empty);
        }
        return written;
    }

    /** The fields as the catalogue describes a version's columns. */
    private static List<ColumnAnalysis> analysed(List<FieldSpec> fields, List<StoreColumn> columns) {
        List<ColumnAnalysis> analysed = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            analysed.add(new ColumnAnalysis(
                    i,
                    field.label(),
                    field.name(),
                    field.type(),
                    format(field.type()),
                    columns.get(i).scale(),
                    0));
        }
        return analysed;
    }

    /** Inserts, updates or upserts records in a live version: all of them, or none. */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public Pushed upsert(long versionId, List<Map<String, Object>> records, UpsertMethod mode) {
        try {
            return change(versionId, (version, columns, key) -> {
                if (mode != UpsertMethod.INSERT && key.isEmpty()) {
                    throw new CatalogException(
                            "method", "datastore.error.no-key", mode.name().toLowerCase(Locale.ROOT));
                }
                return write(version.table(), columns, key, batch(columns, key, records, mode), mode, version.rows());
            });
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** Deletes the rows of a live version that match every filter ({@code column: value or values}); none, all rows. */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public Pushed delete(long versionId, Map<String, Object> filters) {
        try {
            Pushed deleted = change(versionId, (version, columns, key) -> {
                List<RowRequest.Filter> conditions = new ArrayList<>();
                for (Map.Entry<String, Object> filter : filters.entrySet()) {
                    if (!filter.getKey().equals(RowRequest.ID)
                            && columns.stream().noneMatch(c -> c.name().equals(filter.getKey()))) {
                        throw new CatalogException("filters", "datastore.error.no-field", filter.getKey());
                    }
                    conditions.add(
                            filter.getValue() instanceof List<?> values
                                    ? new RowRequest.In(filter.getKey(), List.copyOf(values))
                                    : new RowRequest.Equals(filter.getKey(), filter.getValue()));
                }
                try {
                    return store.delete(version.table(), columns, new RowRequest(conditions, "", List.of()));
                } catch (IllegalArgumentException e) {
                    throw new CatalogException("filters", "datastore.error.filter", e.getMessage());
                }
            });
            transactions.executeWithoutResult(status -> audit(
                    "RECORDS_DELETED",
                    deleted.datasetId(),
                    org.openplaza.audit.AuditDetail.of("records-deleted", deleted.changed())));
            return deleted;
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /**
     * Drops a live version's table, as CKAN's {@code datastore_delete} without filters does: its
     * rows go, and it takes no records, and the API shows no table, until {@link #remake} makes it
     * again. The version itself stays, with its place in the dataset's history.
     */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public Pushed drop(long versionId) {
        try {
            Pushed dropped = change(versionId, (version, columns, key) -> {
                DatasetStore.Rewritten emptied = store.delete(version.table(), columns, RowRequest.ALL);
                repository.markTableDropped(versionId, clock.instant());
                return emptied;
            });
            transactions.executeWithoutResult(status -> audit(
                    "LIVE_TABLE_DROPPED",
                    dropped.datasetId(),
                    org.openplaza.audit.AuditDetail.of("records-deleted", dropped.changed())));
            return dropped;
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /**
     * Makes a dropped live version's table again, as CKAN's {@code datastore_create} with the
     * resource's id does: typed fields (the same as before or new ones), a key and first records.
     * Its old columns' figures go with them, and a retention rule by a column it no longer has.
     */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public void remake(long versionId, List<FieldSpec> fields, List<String> key, List<Map<String, Object>> records) {
        try {
            PublishingRepository.LiveFile found = managedLive(versionId);
            List<StoreColumn> columns = columns(fields);
            checkKey(columns, key);
            DatasetStore.Rewritten written = firstRecords(columns, key, records);
            String[] old = new String[1];
            try {
                transactions.executeWithoutResult(status -> {
                    PublishingRepository.LiveTable version = repository
                            .lockLiveTable(versionId)
                            .orElseThrow(() -> new CatalogException(null, "publish.error.no-version-found"));
                    if (!version.dropped()) {
                        throw new CatalogException("fields", "datastore.error.fields-fixed");
                    }
                    repository.remakeLiveTable(
                            versionId,
                            analysed(fields, columns),
                            key,
                            written.table(),
                            written.rows(),
                            clock.instant());
                    refreshProfiles(versionId, written.table(), columns);
                    audit(
                            "LIVE_TABLE_REMADE",
                            found.datasetId(),
                            org.openplaza.audit.AuditDetail.of("version-imported", found.number(), written.changed()));
                    old[0] = version.table();
                });
            } catch (RuntimeException e) {
                store.drop(written.table());
                throw e;
            } finally {
                store.release(written.table());
            }
            store.dropLater(old[0], REPLACED_TABLE_KEPT);
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** How long the live version keeps its rows, if it has a rule. */
    @PreAuthorize("permitAll()")
    public java.util.Optional<RetentionRule> retention(long versionId) {
        return repository.retentions(versionId).stream().findFirst().map(r -> new RetentionRule(r.column(), r.days()));
    }

    /** A live version, not deleted, of a dataset the caller manages. */
    private PublishingRepository.LiveFile managedLive(long versionId) {
        PublishingRepository.LiveFile found = repository
                .undeletedVersion(versionId)
                .orElseThrow(() -> new CatalogException(null, "publish.error.no-version-found"));
        requireManage(found.datasetId());
        if (!found.live()) {
            throw new CatalogException("resource_id", "datastore.error.not-live");
        }
        return found;
    }

    /** The columns of a live version a rule may keep its rows by: its dates and times, in order. */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public List<String> retentionColumns(long versionId) {
        managedLive(versionId);
        return repository.versionTable(versionId).orElseThrow().columns().stream()
                .filter(c -> c.type() == ValueType.DATE || c.type() == ValueType.TIMESTAMP)
                .map(StoreColumn::name)
                .toList();
    }

    /**
     * Keeps the live version's rows for {@code days} by a date or time column ("keep 90 days"):
     * older rows are deleted on schedule ({@link #expireDue}); a null column ends the rule.
     */
    @PreAuthorize(PublishingService.PUBLISHERS)
    public void retain(long versionId, @Nullable String column, @Nullable Integer days) {
        PublishingRepository.LiveFile found = managedLive(versionId);
        if (column != null) {
            if (days == null || days < 1 || days > 36_600) {
                throw new CatalogException("retention", "datastore.error.retention-days");
            }
            StoreColumn by = repository.versionTable(versionId).orElseThrow().columns().stream()
                    .filter(c -> c.name().equals(column))
                    .findFirst()
                    .orElseThrow(() -> new CatalogException("retention", "datastore.error.no-field", column));
            if (by.type() != ValueType.DATE && by.type() != ValueType.TIMESTAMP) {
                throw new CatalogException("retention", "datastore.error.retention-field", column);
            }
        }
        transactions.executeWithoutResult(status -> {
            repository.retain(versionId, column, days);
            audit(
                    "RETENTION_SET",
                    found.datasetId(),
                    column == null ? "-" : org.openplaza.audit.AuditDetail.of("retention", column, days));
        });
    }

    /**
     * Deletes the rows that every live version's rule no longer keeps (a date before the cut-off
     * day, a time before the cut-off instant in UTC), on one node at a time. Returns how many.
     */
    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelayString = "${openplaza.live.retention-every:PT1H}",
            initialDelayString = "${openplaza.live.retention-every:PT1H}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "live-retention")
    public long expireDue() {
        long expired = 0;
        for (PublishingRepository.Retention rule : repository.retentions(null)) {
            try {
                expired += expire(rule);
            } catch (RuntimeException | SQLException e) {
                org.slf4j.LoggerFactory.getLogger(PushedRecords.class)
                        .warn("The old rows of live version {} could not be deleted", rule.versionId(), e);
            }
        }
        return expired;
    }

    private long expire(PublishingRepository.Retention rule) throws SQLException {
        java.time.Instant cutoff = clock.instant().minus(Duration.ofDays(rule.days()));
        Pushed deleted = change(rule.versionId(), false, (version, columns, key) -> {
            StoreColumn by = columns.stream()
                    .filter(c -> c.name().equals(rule.column()))
                    .findFirst()
                    .orElseThrow(() -> new CatalogException(null, "datastore.error.no-field", rule.column()));
            Object before = by.type() == ValueType.DATE
                    ? cutoff.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1)
                    : LocalDateTime.ofInstant(cutoff.minusNanos(1000), ZoneOffset.UTC);
            return store.delete(
                    version.table(),
                    columns,
                    new RowRequest(List.of(new RowRequest.Range(rule.column(), null, before)), "", List.of()));
        });
        if (deleted.changed() > 0) {
            transactions.executeWithoutResult(status -> events.publishEvent(new Audited(
                    "system",
                    "RECORDS_EXPIRED",
                    "dataset",
                    String.valueOf(rule.datasetId()),
                    org.openplaza.audit.AuditDetail.of("records-expired", deleted.changed(), rule.days()),
                    null)));
        }
        return deleted.changed();
    }

    private interface Change {
        DatasetStore.Rewritten apply(
                PublishingRepository.LiveTable version, List<StoreColumn> columns, List<String> key)
                throws SQLException;
    }

    /**
     * One change to a live version, with its row locked from reading the table it names to
     * recording the table that replaces it.
     */
    private Pushed change(long versionId, Change change) throws SQLException {
        return change(versionId, true, change);
    }

    /**
     * One change to a live version; made by a publisher of its dataset unless the schedule makes
     * it. The caller's right is checked before the version's row is locked, in the same
     * transaction.
     */
    private Pushed change(long versionId, boolean byPublisher, Change change) throws SQLException {
        @Nullable String[] replaced = new String[1];
        Pushed pushed;
        try {
            pushed = transactions.execute(status -> {
                PublishingRepository.PushTarget found = repository
                        .pushTarget(versionId, Audited.currentActor())
                        .orElseThrow(() -> new CatalogException(null, "publish.error.no-version-found"));
                if (byPublisher) {
                    PublishingService.requirePublisherOf(found.member(), found.datasetId());
                }
                if (!found.live()) {
                    throw new CatalogException("resource_id", "datastore.error.not-live");
                }
                PublishingRepository.LiveTable version = repository
                        .lockLiveTable(versionId)
                        .orElseThrow(() -> new CatalogException(null, "publish.error.no-version-found"));
                if (version.dropped()) {
                    throw new CatalogException("resource_id", "datastore.error.dropped");
                }
                PublishingRepository.LiveShape shape = shape(versionId, version.table());
                DatasetStore.Rewritten written;
                try {
                    written = change.apply(version, shape.columns(), shape.key());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                boolean inPlace = written.table().equals(version.table());
                try {
                    repository.replaceLiveTable(
                            versionId, version.datasetId(), written.table(), written.rows(), clock.instant());
                } catch (RuntimeException e) {
                    if (!inPlace) {
                        dropQuietly(written.table());
                    }
                    throw e;
                } finally {
                    store.release(written.table());
                }
                events.publishEvent(DatasetChanges.rows(version.datasetId()));
                replaced[0] = inPlace ? null : version.table();
                return new Pushed(versionId, version.datasetId(), written.rows(), written.changed());
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
        if (replaced[0] != null) {
            store.dropLater(replaced[0], REPLACED_TABLE_KEPT);
        }
        profileLater(versionId);
        return pushed;
    }

    /**
     * A live version's columns and key, read once for each table it has: they change only when a
     * dropped table is made again, into a new table (on any node).
     */
    private PublishingRepository.LiveShape shape(long versionId, String table) {
        PublishingRepository.LiveShape shape = shapes.get(table);
        if (shape == null) {
            shape = repository.liveShape(versionId);
            if (shapes.size() >= SHAPES_KEPT) {
                shapes.clear();
            }
            shapes.put(table, shape);
        }
        return shape;
    }

    /** How many live tables' columns and keys are kept in memory. */
    private static final int SHAPES_KEPT = 10_000;

    private final Map<String, PublishingRepository.LiveShape> shapes = new java.util.concurrent.ConcurrentHashMap<>();

    private void dropQuietly(String table) {
        try {
            store.drop(table);
        } catch (SQLException e) {
            // the sweep of orphans drops it
        }
    }

    /**
     * Computes the version's column figures again off the push's path: they read every row, which
     * a push of a thousand records into a large table should not wait for. Pushes that come while
     * they wait (a second) are taken together in one computation, which reads the table as it is
     * then.
     */
    private void profileLater(long versionId) {
        if (!profiling.add(versionId)) {
            return;
        }
        try {
            profiler.schedule(
                    () -> {
                        profiling.remove(versionId);
                        try {
                            repository.versionTable(versionId).ifPresent(version -> {
                                try {
                                    List<ColumnProfile> profiles = store.profile(version.table(), version.columns());
                                    transactions.executeWithoutResult(
                                            status -> repository.replaceProfiles(versionId, profiles));
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                        } catch (RuntimeException e) {
                            // a later push computes them again; the figures shown meanwhile are a push behind
                            org.slf4j.LoggerFactory.getLogger(PushedRecords.class)
                                    .info("The figures of live version {} could not be computed", versionId, e);
                        }
                    },
                    PROFILES_AFTER.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            profiling.remove(versionId); // shutting down
        }
    }

    private final java.util.Set<Long> profiling = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** How long after a push its version's figures are computed: the pushes meanwhile are taken together. */
    static final Duration PROFILES_AFTER = Duration.ofSeconds(1);

    private final java.util.concurrent.ScheduledExecutorService profiler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "live-profiles");
                thread.setDaemon(true);
                return thread;
            });

    @jakarta.annotation.PreDestroy
    void shutdown() {
        profiler.shutdownNow();
    }

    private void refreshProfiles(long versionId, String table, List<StoreColumn> columns) {
        try {
            repository.replaceProfiles(versionId, store.profile(table, columns));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void audit(String event, long datasetId, String detail) {
        events.publishEvent(Audited.byCurrentUser(event, "dataset", String.valueOf(datasetId), detail));
        events.publishEvent(DatasetChanges.of(datasetId));
    }

    private DatasetStore.Rewritten write(
            String table, List<StoreColumn> columns, List<String> key, Batch batch, UpsertMethod mode, long rows)
            throws SQLException {
        try {
            return store.write(table, columns, key, batch.values(), batch.present(), mode, rows);
        } catch (DatasetStore.RecordRefused e) {
            throw refused(e.index(), e.getMessage());
        }
    }

    private static CatalogException refused(int index, String reason) {
        return new CatalogException("records", "datastore.error.record", index, reason);
    }

    private static String format(ValueType type) {
        return switch (type) {
            case DATE -> "uuuu-MM-dd";
            case TIMESTAMP -> "uuuu-MM-dd'T'HH:mm:ss";
            case INTEGER, DECIMAL -> "DECIMAL_POINT";
            default -> "";
        };
    }

    private static List<StoreColumn> columns(List<FieldSpec> fields) {
        if (fields.isEmpty()) {
            throw new CatalogException("fields", "datastore.error.no-fields");
        }
        Set<String> names = new HashSet<>();
        List<StoreColumn> columns = new ArrayList<>();
        for (FieldSpec field : fields) {
            if (!ColumnNames.isValidName(field.name())) {
                throw new CatalogException("fields", "datastore.error.field-name", field.name());
            }
            if (!names.add(field.name())) {
                throw new CatalogException("fields", "publish.error.column-name-taken", field.name());
            }
            columns.add(
                    new StoreColumn(field.name(), field.type(), field.type() == ValueType.DECIMAL ? DECIMAL_SCALE : 0));
        }
        return columns;
    }

    /** A batch's values by column, and which columns each record gave. */
    record Batch(List<Object[]> values, List<boolean[]> present) {}

    static Batch batch(
            List<StoreColumn> columns, List<String> key, List<Map<String, Object>> records, UpsertMethod mode) {
        if (records.size() > BATCH_MAX) {
            throw new CatalogException("records", "datastore.error.too-many", BATCH_MAX);
        }
        List<Object[]> values = new ArrayList<>(records.size());
        List<boolean[]> present = new ArrayList<>(records.size());
        Set<String> names = new HashSet<>();
        boolean[] inKey = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            names.add(columns.get(i).name());
            inKey[i] = key.contains(columns.get(i).name());
        }
        for (int n = 0; n < records.size(); n++) {
            Map<String, Object> record = records.get(n);
            if (!names.containsAll(record.keySet())) {
                for (String field : record.keySet()) {
                    if (!names.contains(field)) {
                        throw refused(n, "it has no field \"" + field + "\"");
                    }
                }
            }
            Object[] row = new Object[columns.size()];
            boolean[] given = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                StoreColumn column = columns.get(i);
                Object value = record.get(column.name());
                given[i] = value != null || record.containsKey(column.name());
                try {
                    row[i] = typed(column.type(), value);
                } catch (IllegalArgumentException e) {
                    throw refused(n, "field \"" + column.name() + "\": " + e.getMessage());
                }
                if (row[i] == null && inKey[i]) {
                    throw refused(n, "its key field \"" + column.name() + "\" has no value");
                }
            }
            values.add(row);
            present.add(given);
        }
        return new Batch(values, present);
    }

    /** A JSON value as the store keeps it in a column of this type. */
    static @Nullable Object typed(ValueType type, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text && text.isBlank() && type != ValueType.TEXT) {
            return null;
        }
        return switch (type) {
            case TEXT -> value instanceof Map<?, ?> || value instanceof List<?> ? json(value) : value.toString();
            case INTEGER -> {
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    yield ((Number) value).longValue();
                }
                if (value instanceof Number number) {
                    try {
                        yield new BigDecimal(number.toString()).longValueExact();
                    } catch (ArithmeticException e) {
                        throw new IllegalArgumentException("expected a whole number, got: " + value, e);
                    }
                }
                if (value instanceof BigInteger) {
                    throw new IllegalArgumentException("expected a whole number of at most 19 digits, got: " + value);
                }
                yield RowConditions.parse(ValueType.INTEGER, value.toString());
            }
            case DECIMAL -> {
                BigDecimal number = value instanceof Number n
                        ? new BigDecimal(n.toString())
                        : (BigDecimal) RowConditions.parse(ValueType.DECIMAL, value.toString());
                if (number.precision() - number.scale() > 38 - DECIMAL_SCALE) {
                    throw new IllegalArgumentException("too large a number: " + value);
                }
                yield number;
            }
            case BOOLEAN -> value instanceof Boolean b ? b : RowConditions.parse(ValueType.BOOLEAN, value.toString());
            case DATE -> RowConditions.parse(ValueType.DATE, value.toString());
            case TIMESTAMP -> timestamp(value.toString());
        };
    }

    /** A date-time, kept in UTC when it carries an offset ({@code 2026-12-02T05:00:00+09:00}). */
    private static LocalDateTime timestamp(String text) {
        LocalDateTime plain = plainTimestamp(text);
        if (plain != null) {
            return plain;
        }
        String value = text.strip().replace(' ', 'T');
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("expected a date and time (ISO 8601), got: " + text, again);
            }
        }
    }

    /**
     * A date-time written {@code 2026-12-02T05:00}, with seconds and their fraction or not, read
     * without a formatter (a sensor's every record has one); null for any other form or a date
     * that is not there, which the formatter then reads or refuses with its reason.
     */
    static @Nullable LocalDateTime plainTimestamp(String text) {
        int length = text.length();
        if (length < 16
                || length == 17
                || length == 18
                || length == 20
                || length > 29
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
                || text.charAt(13) != ':'
                || (length > 16 && (text.charAt(16) != ':' || (length > 19 && text.charAt(19) != '.')))) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = length > 16 ? digits(text, 17, 19) : 0;
        int nanos = 0;
        if (length > 20) {
            nanos = digits(text, 20, length);
            for (int i = length - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The number the digits from {@code start} to {@code end} write, or -1 if one is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + value, e);
        }
    }
}
