package org.openplaza.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.datastore.RowConditions;
import org.openplaza.catalog.datastore.StoreFailures;
import org.openplaza.catalog.publishing.DatasetChanges;
import org.openplaza.catalog.publishing.PublishingRepository;
import org.openplaza.catalog.publishing.RowWriter;
import org.openplaza.catalog.publishing.VersionHistory;
import org.openplaza.catalog.publishing.VersionTable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of datasets, for everybody: a published dataset's page, its data dictionary and
 * profile, its versions, its rows (filtered, sorted, paged, counted) and downloads. A draft or
 * withdrawn dataset is visible only to the officials of its organisation and to administrators;
 * to anybody else it does not exist.
 */
@Service
public class DatasetReader {

    private final PublishingRepository repository;
    private final DatasetStore store;
    private final CatalogSearch search;
    private final java.util.Map<Long, VersionTable> versionTables = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, PublishingRepository.Access> accessCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final org.openplaza.platform.ClusterChanges changes;

    DatasetReader(
            PublishingRepository repository,
            DatasetStore store,
            CatalogSearch search,
            org.openplaza.platform.ClusterChanges changes,
            org.openplaza.audit.AuditService audit) {
        this.changes = changes;
        this.audit = audit;
        this.repository = repository;
        this.store = store;
        this.search = search;
    }

    private final org.openplaza.audit.AuditService audit;

    /**
     * A dataset's activity: when it was created, changed, given a version, published or withdrawn,
     * and by whom, newest first; for whoever may see the dataset. Never the address an action came
     * from, nor the audit log's other entries.
     */
    public record Activity(long id, java.time.Instant at, String actor, String eventType, String detail) {}

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Activity> activity(long datasetId, int offset, int limit) {
        boolean seen = repository
                .access(datasetId)
                .filter(a -> visible(datasetId, a.state(), a.organisationId()))
                .isPresent();
        if (!seen) {
            return List.of();
        }
        return audit.history("dataset", String.valueOf(datasetId), offset, limit).stream()
                .map(e -> new Activity(
                        e.id(), e.occurredAt(), e.actor(), e.eventType(), e.detail() == null ? "" : e.detail()))
                .toList();
    }

    private boolean visible(DatasetPage page) {
        return visible(page.id(), page.state(), page.metadata().organisationId());
    }

    /** Published datasets are everybody's; others belong to their organisation's officials and to administrators. */
    private boolean visible(long datasetId, String state, long organisationId) {
        if ("PUBLISHED".equals(state)) {
            return true;
        }
        String actor = Audited.currentActor();
        return !Audited.ANONYMOUS.equals(actor)
                && (PublishingService.isAdmin() || repository.isMember(actor, organisationId));
    }

    /**
     * A dataset's state, organisation and current version, kept in memory between changes: rows
     * are read far more often than datasets change, and every change to a dataset drops its entry
     * once committed, on every node (which first hears what other nodes changed).
     */
    private Optional<PublishingRepository.Access> access(long datasetId) {
        changes.catchUpIfStale();
        PublishingRepository.Access known = accessCache.get(datasetId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PublishingRepository.Access> read = repository.access(datasetId);
        read.ifPresent(a -> accessCache.put(datasetId, a));
        return read;
    }

    /**
     * Forgets what it knew of a changed dataset before any other listener hears of the change:
     * those that read the dataset again (live dashboards, alerts) find it as committed.
     */
    @org.springframework.context.event.EventListener
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    void onChanged(org.openplaza.platform.Changed changed) {
        long dataset = DatasetChanges.datasetOf(changed);
        if (dataset >= 0) {
            accessCache.remove(dataset);
            // a version can be deleted, and a live one's rows move to a new table
            versionTables.values().removeIf(v -> v.datasetId() == dataset);
        }
    }

    /** The current version of a visible dataset. */
    private Optional<Long> visibleCurrentVersion(long datasetId) {
        return access(datasetId)
                .filter(a -> visible(datasetId, a.state(), a.organisationId()))
                .map(PublishingRepository.Access::currentVersionId);
    }

    /**
     * A version's table and columns, kept in memory until its dataset changes (a version is
     * deleted, or a live version's rows move to a new table).
     */
    private Optional<VersionTable> versionTable(long versionId) {
        VersionTable known = versionTables.get(versionId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<VersionTable> read = repository.versionTable(versionId);
        read.ifPresent(v -> versionTables.put(versionId, v));
        return read;
    }

    /** The dataset with this slug, if the caller may see it. */
    /**
     * Whether this node can use the store of dataset versions now: on a cluster, the shared
     * directory is there and writable (a volume that came unmounted or went read-only is not).
     */
    @PreAuthorize("permitAll()")
    public boolean storeUsable() {
        return store.sharedDirectoryUsable();
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<DatasetPage> bySlug(String slug) {
        return repository.page(slug).filter(this::visible);
    }

    /** The dataset with this id, if the caller may see it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<DatasetPage> byId(long id) {
        return repository.page(id).filter(this::visible);
    }

    private DatasetPage require(long datasetId) {
        return byId(datasetId).orElseThrow(() -> new CatalogException(null, "publish.error.no-dataset"));
    }

    private VersionTable current(long datasetId) {
        Long versionId = visibleCurrentVersion(datasetId)
                .orElseThrow(() -> new CatalogException(null, "publish.error.no-dataset"));
        if (versionId == null) {
            throw new CatalogException(null, "publish.error.no-version");
        }
        return versionTable(versionId).orElseThrow();
    }

    private VersionTable version(long datasetId, @Nullable Long versionId) {
        if (versionId == null) {
            return current(datasetId);
        }
        require(datasetId);
        return versionTable(versionId)
                .filter(v -> v.datasetId() == datasetId)
                .orElseThrow(() -> new CatalogException(null, "publish.error.no-version"));
    }

    /** The current version's data dictionary and column profiles. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<DatasetColumn> columns(long datasetId) {
        require(datasetId);
        return repository.currentColumns(datasetId);
    }

    /** The current version's columns as the store knows them (generated names and types). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<StoreColumn> storeColumns(long datasetId) {
        return current(datasetId).columns();
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(long datasetId) {
        require(datasetId);
        return VersionHistory.of(repository, datasetId);
    }

    /** How many rows of the current version the query selects; without filters, no query at all. */
    @PreAuthorize("permitAll()")
    public long count(long datasetId, RowRequest query) {
        try {
            VersionTable version = current(datasetId);
            return query.unfiltered() ? version.rows() : store.count(version.table(), version.columns(), query);
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** One page of the current version's rows as the query selects and orders them. */
    @PreAuthorize("permitAll()")
    public List<Object[]> rows(long datasetId, RowRequest query, long offset, int limit) {
        try {
            VersionTable version = current(datasetId);
            return store.rows(version.table(), version.columns(), query, offset, Math.max(0, Math.min(limit, 1000)));
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /**
     * A grouped aggregation of the current version, as a chart draws it: only the aggregated
     * points, computed in the dataset store.
     */
    @PreAuthorize("permitAll()")
    public Grouped group(long datasetId, GroupRequest query) {
        try {
            VersionTable version = current(datasetId);
            return store.group(version.table(), version.columns(), query);
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** A grouped aggregation of one version (a saved chart that does not follow the latest). */
    @PreAuthorize("permitAll()")
    public Grouped groupVersion(long versionId, GroupRequest query) {
        try {
            VersionTable version = visibleVersion(versionId);
            return store.group(version.table(), version.columns(), query);
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** A version's columns as the store knows them, when its dataset is visible to the caller. */
    @PreAuthorize("permitAll()")
    public List<StoreColumn> versionColumns(long versionId) {
        return visibleVersion(versionId).columns();
    }

    /** The labels of a version's columns by their generated names, in file order. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Map<String, String> versionLabels(long versionId) {
        visibleVersion(versionId);
        return repository.columnLabels(versionId);
    }

    /** A histogram of a numeric or date column of the current version. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<HistogramBin> histogram(long datasetId, String column, int bins) {
        try {
            VersionTable version = current(datasetId);
            return store.histogram(
                    version.table(), version.columns(), column, Math.max(1, Math.min(bins, 50)), RowRequest.ALL);
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /**
     * Streams a version's rows (the current one when {@code versionId} is null) as the query
     * selects them, in the chosen format, and counts a download.
     */
    @PreAuthorize("permitAll()")
    public void export(
            long datasetId, @Nullable Long versionId, RowRequest query, ExportFormat format, OutputStream out)
            throws IOException {
        try {
            VersionTable version = version(datasetId, versionId);
            countDownload(datasetId);
            try (RowWriter writer =
                    RowWriter.open(format, version.columns(), version.labels(), version.formats(), out)) {
                store.export(version.table(), version.columns(), query, writer);
            }
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** Counts a view of the dataset's page. */
    @PreAuthorize("permitAll()")
    @Transactional
    public void countView(long datasetId) {
        repository.countView(datasetId);
        search.counted(datasetId);
    }

    /** Counts a download made elsewhere (the original file). */
    @PreAuthorize("permitAll()")
    @Transactional
    public void countDownload(long datasetId) {
        repository.countDownload(datasetId);
        search.counted(datasetId);
    }

    /** The dataset with this id (digits) or slug, if the caller may see it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<DatasetPage> byIdOrSlug(String idOrSlug) {
        Optional<Long> id = idOrSlug.matches("\\d{1,18}")
                ? Optional.of(Long.parseLong(idOrSlug))
                : repository.datasetIdBySlug(idOrSlug);
        return id.flatMap(this::byId);
    }

    /** The names (slugs) of published datasets, alphabetically. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<String> publishedSlugs(int offset, int limit) {
        return repository.publishedSlugs(Math.max(0, offset), Math.max(0, Math.min(limit, 1000)));
    }

    /** Every organisation with the number of datasets it has published. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<PublicOrganisation> organisations() {
        return repository.publicOrganisations();
    }

    /** The keywords of published datasets, alphabetically. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<String> keywords() {
        return repository.publishedKeywords();
    }

    /** A version's table, when its dataset is visible to the caller. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Resource> resource(long versionId) {
        return versionTable(versionId)
                .flatMap(v -> repository
                        .access(v.datasetId())
                        .filter(a -> visible(v.datasetId(), a.state(), a.organisationId()))
                        .map(a -> new Resource(
                                v.datasetId(),
                                v.versionId(),
                                v.columns(),
                                v.labels(),
                                v.rows(),
                                "PUBLISHED".equals(a.state()),
                                !v.dropped())));
    }

    /** A page of rows and, when asked for, how many rows the query selects in all. */
    public record RowPage(List<Object[]> rows, @Nullable Long total) {}

    /**
     * What the datastore API asks for in one call: a page of a version's rows and their total,
     * with one access check and one transaction.
     */
    @PreAuthorize("permitAll()")
    public RowPage resourcePage(long versionId, RowRequest query, long offset, int limit, boolean total) {
        try {
            VersionTable version = visibleVersion(versionId);
            int size = Math.max(0, Math.min(limit, 1000));
            if (query.unfiltered()) {
                List<Object[]> rows = store.rows(version.table(), version.columns(), query, offset, size);
                return new RowPage(rows, total ? version.rows() : null);
            }
            DatasetStore.Page page = store.page(version.table(), version.columns(), query, offset, size, total);
            return new RowPage(page.rows(), page.total());
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** How long a query typed by an API client may run. */
    public static final java.time.Duration SQL_TIMEOUT = java.time.Duration.ofSeconds(10);

    /** How many such queries may run at once, so that they never take the store from everyone else. */
    public static final int SQL_AT_ONCE = 2;

    private final java.util.concurrent.Semaphore sqlSlots = new java.util.concurrent.Semaphore(SQL_AT_ONCE);

    /** The places of queries running now (for the tests, which take them all). */
    public java.util.concurrent.Semaphore sqlSlots() {
        return sqlSlots;
    }

    /**
     * CKAN's {@code datastore_search_sql}: one SELECT over published resources (named by their ids,
     * as CKAN names a resource's table), checked and rewritten by {@link ReadOnlySql}, at most
     * {@value #DATASTORE_ROWS_MAX} rows, stopped after {@link #SQL_TIMEOUT}, within the store's
     * memory limit, at most {@value #SQL_AT_ONCE} at once. A draft's or a withdrawn dataset's
     * resource is no table here, whoever asks.
     *
     * @throws ReadOnlySql.Refused a query that may not run, with the reason in words
     */
    @PreAuthorize("permitAll()")
    public SqlResult sql(String query) {
        try {
            if (!sqlSlots.tryAcquire()) {
                throw new ReadOnlySql.Refused("Too many SQL queries are running at once; try again in a moment.");
            }
            try {
                String checked = ReadOnlySql.rewrite(query, this::publishedSource, DATASTORE_ROWS_MAX);
                return store.query(checked, DATASTORE_ROWS_MAX, SQL_TIMEOUT);
            } finally {
                sqlSlots.release();
            }
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /**
     * The store's source of a published resource's rows, or null for any other name (a live
     * resource whose table a client dropped among them).
     */
    private @Nullable String publishedSource(String name) {
        long versionId;
        try {
            versionId = Long.parseLong(name.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        return versionTable(versionId)
                .filter(v -> !v.dropped())
                .filter(v -> repository
                        .access(v.datasetId())
                        .filter(a -> "PUBLISHED".equals(a.state()))
                        .isPresent())
                .map(v -> store.sqlSource(v.table()))
                .orElse(null);
    }

    /** The most rows {@link #datastorePage} gives at once, as CKAN's DataStore gives by default. */
    public static final int DATASTORE_ROWS_MAX = 32_000;

    /** A page of the datastore API: the names of its fields ({@code _id} first when asked for) and rows. */
    public record DatastorePage(
            List<String> fields,
            List<Object[]> rows,
            @Nullable Long total) {}

    /**
     * CKAN's {@code datastore_search} over a version: the named columns (all when none is named;
     * {@link RowRequest#ID} among them for the row's number), each distinct row once when asked,
     * at most {@value #DATASTORE_ROWS_MAX} rows. A name the version lacks, or with {@code distinct}
     * a sort by a column not shown or by {@code _id}, is an {@link IllegalArgumentException}.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public DatastorePage datastorePage(
            long versionId,
            RowRequest query,
            List<String> fields,
            boolean distinct,
            long offset,
            int limit,
            boolean total) {
        try {
            VersionTable version = visibleVersion(versionId);
            boolean withId = fields.isEmpty() ? !distinct : fields.contains(RowRequest.ID);
            if (distinct && fields.contains(RowRequest.ID)) {
                throw new IllegalArgumentException("_id is not a field of distinct rows");
            }
            List<StoreColumn> shown = new java.util.ArrayList<>();
            if (fields.isEmpty()) {
                shown.addAll(version.columns());
            } else {
                for (String name : fields) {
                    if (!name.equals(RowRequest.ID)) {
                        shown.add(RowConditions.column(version.columns(), name));
                    }
                }
            }
            if (distinct) {
                for (RowRequest.Sort sort : query.sorts()) {
                    if (shown.stream().noneMatch(c -> c.name().equals(sort.column()))) {
                        throw new IllegalArgumentException(
                                "distinct rows sort only by their fields, not " + sort.column());
                    }
                }
            }
            int size = Math.max(0, Math.min(limit, DATASTORE_ROWS_MAX));
            boolean count = total && !(query.unfiltered() && !distinct);
            DatasetStore.Page page = store.datastorePage(
                    version.table(), version.columns(), query, shown, withId, distinct, offset, size, count);
            Long all = !total ? null : count ? page.total() : Long.valueOf(version.rows());
            List<String> names = new java.util.ArrayList<>();
            shown.forEach(c -> names.add(c.name()));
            int idAt = fields.indexOf(RowRequest.ID);
            if (!withId) {
                return new DatastorePage(names, page.rows(), all);
            }
            // the store reads the row's number first; it goes where the fields name it (first by default)
            int at = Math.max(0, idAt);
            names.add(at, RowRequest.ID);
            List<Object[]> rows = new java.util.ArrayList<>(page.rows().size());
            for (Object[] row : page.rows()) {
                Object[] placed = new Object[row.length];
                System.arraycopy(row, 1, placed, 0, at);
                placed[at] = row[0];
                System.arraycopy(row, at + 1, placed, at + 1, row.length - at - 1);
                rows.add(placed);
            }
            return new DatastorePage(names, rows, all);
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** One page of a version's rows. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Object[]> resourceRows(long versionId, RowRequest query, long offset, int limit) {
        try {
            VersionTable version = visibleVersion(versionId);
            return store.rows(version.table(), version.columns(), query, offset, Math.max(0, Math.min(limit, 1000)));
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    /** How many of a version's rows the query selects. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long resourceCount(long versionId, RowRequest query) {
        try {
            VersionTable version = visibleVersion(versionId);
            return query.unfiltered() ? version.rows() : store.count(version.table(), version.columns(), query);
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        }
    }

    private VersionTable visibleVersion(long versionId) {
        return versionTable(versionId)
                .filter(v -> access(v.datasetId())
                        .filter(a -> visible(v.datasetId(), a.state(), a.organisationId()))
                        .isPresent())
                .orElseThrow(() -> new CatalogException(null, "publish.error.no-version"));
    }
}
