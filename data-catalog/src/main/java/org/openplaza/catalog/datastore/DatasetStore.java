package org.openplaza.catalog.datastore;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ColumnProfile;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.HistogramBin;
import org.openplaza.catalog.ReadOnlySql;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.SqlResult;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.UpsertMethod;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The dataset store: the rows of every dataset version, apart from the portal's own database (as
 * CKAN keeps its DataStore apart from its catalogue), queried with DuckDB. Versions are loaded once
 * and never change, which allows two placements:
 *
 * <ul>
 *   <li>on one node (the default), each version is a typed table in an embedded DuckDB file;
 *   <li>on a cluster ({@code openplaza.catalog.shared-store-dir}), each version is written once as
 *       a Parquet file to a directory every node mounts, and every node's DuckDB reads it there: a
 *       version loaded on one node is in every node's queries on the next request, with no copy.
 * </ul>
 *
 * <p>Everything that touches DuckDB or the placement stays behind this package. Table and column
 * names are generated, never taken from user text.
 */
@Component
@EnableConfigurationProperties(CatalogProperties.class)
public class DatasetStore {

    /** Receives the rows of a load, one array of typed values (or nulls) per row. */
    @FunctionalInterface
    public interface RowSink {
        void row(Object[] values) throws SQLException;
    }

    /** Produces the rows of a load into a sink; any exception aborts the load and leaves nothing behind. */
    @FunctionalInterface
    public interface RowSource<R> {
        R writeTo(RowSink sink) throws Exception;
    }

    /** A finished load: the new table and whatever the source returned. */
    public record Loaded<R>(String table, R result) {}

    private final DuckDBConnection connection;

    /** Where versions are written as Parquet files, or null when they are tables of the DuckDB file. */
    private final @org.jspecify.annotations.Nullable Path shared;

    /** How old a shared file must be before a node that did not write it may judge it an orphan. */
    private final java.time.Duration grace;

    /**
     * The row number in file order, the tie-break of every sort and the key of a page read while
     * scrolling: a table's own {@code rowid} (a table is loaded once, in file order, and never
     * changed), and in a Parquet version a column of that name written at the load. No dataset
     * column can have the name ({@code ColumnNames} reserves it).
     */
    public static final Field<Long> ROW = DSL.field(DSL.name("rowid"), Long.class);

    /**
     * Tables being loaded, or loaded and not yet recorded by the caller ({@link #release}): the
     * sweep of orphans leaves them alone.
     */
    private final java.util.Set<String> loading = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The names the store gives its tables: a load's staging table and a version's table. */
    public static final java.util.regex.Pattern TABLE_NAME =
            java.util.regex.Pattern.compile("(staging|ds)_[0-9a-f]{16}");

    public DatasetStore(CatalogProperties properties) throws Exception {
        Path file = Path.of(properties.storeFile()).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Class.forName("org.duckdb.DuckDBDriver");
        java.util.Properties settings = new java.util.Properties();
        settings.setProperty("memory_limit", properties.storeMemoryLimit());
        settings.setProperty("threads", Integer.toString(properties.storeThreads()));
        settings.setProperty(
                "temp_directory",
                file.resolveSibling(file.getFileName() + ".tmp").toString());
        // nothing is ever downloaded: Parquet is built into DuckDB's JDBC driver
        settings.setProperty("autoinstall_known_extensions", "false");
        if (properties.shared()) {
            this.shared = Path.of(properties.sharedStoreDir()).toAbsolutePath();
            Files.createDirectories(shared);
        } else {
            this.shared = null;
        }
        this.grace = properties.sharedStoreGrace();
        this.connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, settings);
        if (shared != null) {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("LOAD parquet");
                // versions never change once written, so a file's footer can be kept between queries
                s.execute("SET parquet_metadata_cache = true");
            }
        }
    }

    /** Whether versions are Parquet files in a directory shared by every node. */
    public boolean isShared() {
        return shared != null;
    }

    /**
     * Whether this node can use the shared directory now: it is there, and a file can be written
     * to it and removed (a volume that came unmounted or went read-only fails). Always true for a
     * store of one node.
     */
    public boolean sharedDirectoryUsable() {
        if (shared == null) {
            return true;
        }
        try {
            Path probe = Files.createTempFile(shared, ".health-", ".probe");
            Files.delete(probe);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private Path parquet(String table) {
        return shared.resolve(table + ".parquet");
    }

    private boolean inSharedFile(String table) {
        return shared != null && table.startsWith("ds_");
    }

    /** The rows of a table, wherever they are kept. */
    private org.jooq.Table<?> source(String table) {
        checked(table);
        if (inSharedFile(table)) {
            // the path is made of the configured directory and a checked, generated name
            return DSL.table("read_parquet({0})", DSL.inline(parquet(table).toString()));
        }
        return DSL.table(DSL.name(table));
    }

    /**
     * The SQL that names a table's rows in the store's engine, for benchmarks and tests that check
     * the store against SQL typed by hand on {@link #referenceConnection()}.
     */
    public String sqlSource(String table) {
        return DSL.using(SQLDialect.DUCKDB).render(source(table));
    }

    /**
     * A connection of its own to the store's engine (DuckDB lets a process open a file once), for
     * benchmarks and tests that type their own SQL; the caller closes it.
     */
    public java.sql.Connection referenceConnection() throws SQLException {
        return connection.duplicate();
    }

    @PreDestroy
    public void close() throws SQLException {
        for (DuckDBConnection writer = writers.poll(); writer != null; writer = writers.poll()) {
            writer.close();
        }
        connection.close();
    }

    /** A connection of its own to the store, for one caller at a time; the caller closes it. */
    public DuckDBConnection duplicate() throws SQLException {
        return connection.duplicate();
    }

    private DSLContext sql(DuckDBConnection c) {
        return DSL.using(c, SQLDialect.DUCKDB);
    }

    /**
     * Creates a staging table, lets the source fill it, and only when the source has finished
     * renames it to its final name. If the source fails or is cancelled, the staging table is dropped.
     */
    public <R> Loaded<R> load(List<StoreColumn> columns, RowSource<R> source) throws Exception {
        String id = newId();
        String staging = "staging_" + id;
        String table = "ds_" + id;
        loading.add(staging);
        loading.add(table);
        boolean loaded = false;
        try (DuckDBConnection c = connection.duplicate()) {
            sql(c).createTable(DSL.name(staging)).columns(fields(columns)).execute();
            try {
                R result;
                try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging)) {
                    result = source.writeTo(values -> append(appender, columns, values));
                }
                if (shared == null) {
                    sql(c).alterTable(DSL.name(staging))
                            .renameTo(DSL.name(table))
                            .execute();
                } else {
                    writeShared(c, staging, table);
                    sql(c).dropTable(DSL.name(staging)).execute();
                }
                loaded = true;
                return new Loaded<>(table, result);
            } catch (Exception | Error e) {
                sql(c).dropTableIfExists(DSL.name(staging)).execute();
                throw e;
            }
        } finally {
            loading.remove(staging);
            if (!loaded) {
                loading.remove(table);
            }
        }
    }

    /**
     * Writes a loaded staging table as its version's Parquet file: first under a name of its own,
     * flushed to disk, then moved into place in one step, so that no node ever reads half a file.
     * The row numbers go with the rows.
     */
    private void writeShared(DuckDBConnection c, String staging, String table) throws SQLException {
        Path part = shared.resolve(table + ".parquet.part");
        Path done = parquet(table);
        try {
            sql(c).execute(
                            "COPY (SELECT rowid AS rowid, * FROM {0} ORDER BY rowid) TO {1} (FORMAT parquet, COMPRESSION zstd)",
                            DSL.name(staging), DSL.inline(part.toString()));
            try (java.nio.channels.FileChannel channel =
                    java.nio.channels.FileChannel.open(part, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(part, done, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new SQLException("the version could not be written to the shared store", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (java.io.IOException e) {
                // left for the sweep of stale files
            }
        }
    }

    /**
     * The caller has recorded the loaded table as a version (or dropped it): from now on the sweep
     * of orphans judges it by the record alone.
     */
    public void release(String table) {
        loading.remove(table);
    }

    /** The tables being loaded or not yet released, as of now. */
    public java.util.Set<String> loading() {
        return java.util.Set.copyOf(loading);
    }

    private static void append(DuckDBAppender appender, List<StoreColumn> columns, Object[] values)
            throws SQLException {
        appender.beginRow();
        for (int i = 0; i < columns.size(); i++) {
            appendValue(appender, columns.get(i), values[i]);
        }
        appender.endRow();
    }

    private static void appendValue(DuckDBAppender appender, StoreColumn column, @Nullable Object value)
            throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof BigDecimal d) {
            appender.append(d.setScale(column.scale(), java.math.RoundingMode.HALF_EVEN));
        } else if (value instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (value instanceof LocalDate d) {
            appender.append(d);
        } else if (value instanceof LocalDateTime t) {
            appender.append(t);
        } else {
            appender.append(value.toString());
        }
    }

    private static List<Field<?>> fields(List<StoreColumn> columns) {
        List<Field<?>> fields = new ArrayList<>();
        for (StoreColumn column : columns) {
            fields.add(DSL.field(DSL.name(column.name()), dataType(column)));
        }
        return fields;
    }

    public static DataType<?> dataType(StoreColumn column) {
        return switch (column.type()) {
            case BOOLEAN -> SQLDataType.BOOLEAN;
            case INTEGER -> SQLDataType.BIGINT;
            case DECIMAL -> SQLDataType.DECIMAL(38, column.scale());
            case DATE -> SQLDataType.LOCALDATE;
            case TIMESTAMP -> SQLDataType.LOCALDATETIME;
            case TEXT -> SQLDataType.VARCHAR;
        };
    }

    public boolean exists(String table) throws SQLException {
        if (inSharedFile(checked(table))) {
            return Files.exists(parquet(table));
        }
        try (DuckDBConnection c = connection.duplicate()) {
            return sql(c).fetchExists(DSL.select(DSL.one())
                    .from(DSL.table(DSL.name("information_schema", "tables")))
                    .where(DSL.field(DSL.name("table_name")).eq(checked(table))));
        }
    }

    /** Names of every table in the store, staging tables included (for tests and housekeeping). */
    public List<String> tables() throws SQLException {
        return tables(false);
    }

    /**
     * The tables no other node can be loading now: every table of a store of one node; on a
     * cluster, this node's staging tables and the shared files older than the grace period. The
     * sweep of orphans judges these alone (with what this node is loading left out).
     */
    public List<String> settledTables() throws SQLException {
        return tables(true);
    }

    private List<String> tables(boolean settled) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (DuckDBConnection c = connection.duplicate()) {
            tables.addAll(sql(c).select(DSL.field(DSL.name("table_name"), String.class))
                    .from(DSL.table(DSL.name("information_schema", "tables")))
                    .fetch(0, String.class));
        }
        if (shared != null) {
            java.time.Instant before = java.time.Instant.now().minus(grace);
            for (Path file : sharedFiles(".parquet")) {
                if (!settled || olderThan(file, before)) {
                    String name = file.getFileName().toString();
                    tables.add(name.substring(0, name.length() - ".parquet".length()));
                }
            }
        }
        return tables;
    }

    /**
     * Deletes the half-written files of shared loads that stopped (a node killed while writing),
     * once they are older than the grace period; the names of those deleted.
     */
    public List<String> removeStalePartFiles() throws SQLException {
        List<String> removed = new ArrayList<>();
        if (shared == null) {
            return removed;
        }
        java.time.Instant before = java.time.Instant.now().minus(grace);
        for (Path file : sharedFiles(".parquet.part")) {
            try {
                if (olderThan(file, before) && Files.deleteIfExists(file)) {
                    removed.add(file.getFileName().toString());
                }
            } catch (java.io.IOException e) {
                throw new SQLException("a stale file of the shared store could not be deleted: " + file, e);
            }
        }
        return removed;
    }

    private List<Path> sharedFiles(String suffix) throws SQLException {
        try (java.util.stream.Stream<Path> files = Files.list(shared)) {
            return files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(suffix)
                                && TABLE_NAME
                                        .matcher(name.substring(0, name.length() - suffix.length()))
                                        .matches();
                    })
                    .toList();
        } catch (java.io.IOException e) {
            throw new SQLException("the shared store could not be listed: " + shared, e);
        }
    }

    private static boolean olderThan(Path file, java.time.Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (java.io.IOException e) {
            return false; // gone meanwhile
        }
    }

    public long count(String table) throws SQLException {
        try (DuckDBConnection c = connection.duplicate()) {
            return sql(c).fetchCount(source(table));
        }
    }

    /** Rows in the table's insertion order, as Java values. */
    public List<Object[]> rows(String table, int offset, int limit) throws SQLException {
        try (DuckDBConnection c = connection.duplicate()) {
            // the table's own columns, without the row numbers a shared file carries as a column
            return sql(c).resultQuery(
                            "SELECT * " + (inSharedFile(table) ? "EXCLUDE (rowid) " : "")
                                    + "FROM {0} ORDER BY rowid OFFSET {1} LIMIT {2}",
                            source(table),
                            DSL.inline(offset),
                            DSL.inline(limit))
                    .fetch()
                    .map(record -> javaValues(record.intoArray()));
        }
    }

    /** One page of the rows a query selects, each an array of Java values in column order. */
    public List<Object[]> rows(String table, List<StoreColumn> columns, RowRequest query, long offset, int limit)
            throws SQLException {
        try (DuckDBConnection c = connection.duplicate()) {
            return select(sql(c), source(table), columns, query, offset, limit);
        }
    }

    private static final java.util.concurrent.ScheduledExecutorService CANCELLER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "openplaza-sql-timeout");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Runs a query that {@link ReadOnlySql} wrote (never text as a client sent it), reading at most
     * {@code maxRows} rows; stopped after {@code timeout}, and within the store's memory limit.
     * A query stopped or out of memory is a {@link ReadOnlySql.Refused} saying so.
     */
    public SqlResult query(String checkedSql, int maxRows, java.time.Duration timeout) throws SQLException {
        try (DuckDBConnection c = connection.duplicate();
                java.sql.Statement statement = c.createStatement()) {
            java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
            var cancel = CANCELLER.schedule(
                    () -> {
                        late.set(true);
                        try {
                            statement.cancel();
                        } catch (SQLException e) {
                            // the query ended as it was stopped
                        }
                    },
                    timeout.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            try (java.sql.ResultSet result = statement.executeQuery(checkedSql)) {
                java.sql.ResultSetMetaData meta = result.getMetaData();
                List<String> names = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnLabel(i));
                    types.add(meta.getColumnTypeName(i));
                }
                List<Object[]> rows = new ArrayList<>();
                boolean truncated = false;
                while (result.next()) {
                    if (rows.size() == maxRows) {
                        truncated = true;
                        break;
                    }
                    Object[] row = new Object[names.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(javaValues(row));
                }
                return new SqlResult(names, types, rows, truncated);
            } catch (SQLException e) {
                if (late.get()) {
                    throw new ReadOnlySql.Refused(
                            "The query ran longer than " + timeout.toSeconds() + " s and was stopped.");
                }
                String message = String.valueOf(e.getMessage());
                if (message.contains("Out of Memory")) {
                    throw new ReadOnlySql.Refused("The query needs more memory than the portal gives a query.");
                }
                // the store's own words on what is wrong with the query (a column it lacks, a type)
                throw new ReadOnlySql.Refused(message.lines().findFirst().orElse(message));
            } finally {
                cancel.cancel(false);
            }
        }
    }

    /** A page of rows and, when asked for, the number of rows the query selects in all. */
    public record Page(
            List<Object[]> rows,
            @org.jspecify.annotations.Nullable Long total) {}

    /** One page and its total on one connection, as the datastore API asks for them together. */
    public Page page(String table, List<StoreColumn> columns, RowRequest query, long offset, int limit, boolean total)
            throws SQLException {
        try (DuckDBConnection c = connection.duplicate()) {
            DSLContext sql = sql(c);
            org.jooq.Table<?> from = source(table);
            List<Object[]> rows = select(sql, from, columns, query, offset, limit);
            Long count = total ? (long) sql.fetchCount(from, RowConditions.of(columns, query)) : null;
            return new Page(rows, count);
        }
    }

    /**
     * What CKAN's {@code datastore_search} reads in one call: these columns (in this order, the
     * row's number {@code _id} first when asked for), each row once when {@code distinct}, a page
     * of them and, when asked for, how many the query selects in all.
     */
    public Page datastorePage(
            String table,
            List<StoreColumn> columns,
            RowRequest query,
            List<StoreColumn> shown,
            boolean withId,
            boolean distinct,
            long offset,
            int limit,
            boolean total)
            throws SQLException {
        try (DuckDBConnection c = connection.duplicate()) {
            DSLContext sql = sql(c);
            org.jooq.Table<?> from = source(table);
            List<Field<?>> fields = new ArrayList<>();
            if (withId && !distinct) {
                fields.add(RowConditions.ID.as(RowRequest.ID));
            }
            fields.addAll(fields(shown));
            org.jooq.Condition where = RowConditions.of(columns, query);
            var selected = distinct
                    ? sql.selectDistinct(fields).from(from).where(where)
                    : sql.select(fields).from(from).where(where);
            List<org.jooq.SortField<?>> order = RowConditions.order(columns, query);
            if (distinct && order.size() > 1) {
                // rows made one have no single row number to keep their file's order by
                order = order.subList(0, order.size() - 1);
            }
            List<Object[]> rows = selected.orderBy(order)
                    .offset(DSL.inline(offset))
                    .limit(DSL.inline(limit))
                    .fetch()
                    .map(record -> javaValues(record.intoArray()));
            Long count = null;
            if (total) {
                count = distinct
                        ? (long) sql.fetchCount(
                                sql.selectDistinct(fields(shown)).from(from).where(where))
                        : (long) sql.fetchCount(from, where);
            }
            return new Page(rows, count);
        }
    }

    private static List<Object[]> select(
            DSLContext sql,
            org.jooq.Table<?> table,
            List<StoreColumn> columns,
            RowRequest query,
            long offset,
            int limit) {
        var from = sql.select(fields(columns)).from(table);
        if (query.unfiltered() && query.sorts().isEmpty()) {
            // row n has row number n, so a page anywhere in millions of rows is a range of row
            // numbers, read without a scan (in a Parquet file, from the row groups it falls in)
            return from.where(ROW.ge(DSL.inline(offset)))
                    .and(ROW.lt(DSL.inline(offset + limit)))
                    .orderBy(ROW)
                    .fetch()
                    .map(record -> javaValues(record.intoArray()));
        }
        return from.where(RowConditions.of(columns, query))
                .orderBy(RowConditions.order(columns, query))
                // inlined numbers (ours, not user text): DuckDB plans a top-N sort only for a constant limit
                .offset(DSL.inline(offset))
                .limit(DSL.inline(limit))
                .fetch()
                .map(record -> javaValues(record.intoArray()));
    }

    /**
     * A grouped aggregation (what a chart draws), computed in DuckDB: only the aggregated points
     * come back, at most {@value Grouping#MAX_POINTS} of them.
     */
    public Grouped group(String table, List<StoreColumn> columns, GroupRequest query) throws SQLException {
        try (DuckDBConnection c = connection.duplicate()) {
            return Grouping.run(sql(c), source(table), columns, query);
        }
    }

    /** How many rows a query selects (DuckDB counts a filtered column scan in milliseconds). */
    public long count(String table, List<StoreColumn> columns, RowRequest query) throws SQLException {
        try (DuckDBConnection c = connection.duplicate()) {
            return sql(c).fetchCount(source(table), RowConditions.of(columns, query));
        }
    }

    /**
     * Streams every row a query selects to the sink, a batch of rows in memory at a time, so an
     * export of any size runs in flat memory.
     */
    public void export(String table, List<StoreColumn> columns, RowRequest query, RowSink sink) throws SQLException {
        try (DuckDBConnection c = connection.duplicate();
                var cursor = sql(c).select(fields(columns))
                        .from(source(table))
                        .where(RowConditions.of(columns, query))
                        .orderBy(RowConditions.order(columns, query))
                        .fetchSize(2048)
                        .fetchLazy()) {
            for (org.jooq.Record record : cursor) {
                sink.row(javaValues(record.intoArray()));
            }
        }
    }

    /**
     * A histogram of a numeric or date column over the rows a query selects: equal-width bins
     * between the column's minimum and maximum, each with its lower bound and count.
     */
    public List<HistogramBin> histogram(
            String table, List<StoreColumn> columns, String column, int bins, RowRequest query) throws SQLException {
        StoreColumn target = RowConditions.column(columns, column);
        Field<Double> value = switch (target.type()) {
            case INTEGER, DECIMAL -> DSL.field(DSL.name(target.name())).cast(Double.class);
            case DATE, TIMESTAMP -> DSL.field("epoch({0})", Double.class, DSL.field(DSL.name(target.name())));
            default -> throw new IllegalArgumentException("no histogram for a " + target.type() + " column");
        };
        try (DuckDBConnection c = connection.duplicate()) {
            DSLContext sql = sql(c);
            org.jooq.Table<?> t = source(table);
            org.jooq.Condition where = RowConditions.of(columns, query).and(value.isNotNull());
            var range = sql.select(DSL.min(value), DSL.max(value))
                    .from(t)
                    .where(where)
                    .fetchSingle();
            if (range.value1() == null) {
                return List.of();
            }
            double min = range.value1();
            double width = (range.value2() - min) / bins;
            if (width == 0) {
                return List.of(new HistogramBin(min, min, sql.fetchCount(t, where)));
            }
            Field<Integer> bin = DSL.least(
                    DSL.floor(value.minus(DSL.inline(min)).div(DSL.inline(width)))
                            .cast(Integer.class),
                    DSL.inline(bins - 1));
            java.util.Map<Integer, Integer> counts = sql.select(bin, DSL.count())
                    .from(t)
                    .where(where)
                    .groupBy(bin)
                    .fetchMap(r -> r.value1(), r -> r.value2());
            List<HistogramBin> result = new ArrayList<>();
            for (int i = 0; i < bins; i++) {
                result.add(new HistogramBin(min + i * width, min + (i + 1) * width, counts.getOrDefault(i, 0)));
            }
            return result;
        }
    }

    public static final int TOP_VALUES = 5;

    /** Profiles every column of a loaded table in the store itself; only the figures come back. */
    public List<ColumnProfile> profile(String table, List<StoreColumn> columns) throws SQLException {
        return profile(table, columns, PROFILE_BATCH);
    }

    /** The profile, taking this many columns per statement (1 is how it was once done: for benchmarks). */
    public List<ColumnProfile> profile(String table, List<StoreColumn> columns, int batchSize) throws SQLException {
        List<ColumnProfile> profiles = new ArrayList<>();
        try (DuckDBConnection c = connection.duplicate()) {
            DSLContext sql = sql(c);
            org.jooq.Table<?> t = source(table);
            // a few columns per statement, so that a wide table is bound a few times, not once per column
            for (int from = 0; from < columns.size(); from += batchSize) {
                List<StoreColumn> batch = columns.subList(from, Math.min(columns.size(), from + batchSize));
                List<Field<?>> figures = new ArrayList<>();
                for (StoreColumn column : batch) {
                    figures.addAll(figures(column));
                }
                org.jooq.Record row = sql.select(figures).from(t).fetchSingle();
                Map<String, List<ColumnProfile.ValueCount>> top = topValues(sql, t, batch);
                for (int i = 0; i < batch.size(); i++) {
                    StoreColumn column = batch.get(i);
                    int at = i * 5;
                    Long distinct = (Long) row.get(at + 1);
                    profiles.add(new ColumnProfile(
                            column.name(),
                            ((Number) row.get(at)).longValue(),
                            distinct == null ? 0 : distinct,
                            shorten((String) row.get(at + 2)),
                            shorten((String) row.get(at + 3)),
                            (String) row.get(at + 4),
                            top.getOrDefault(column.name(), List.of())));
                }
            }
        }
        return profiles;
    }

    /** Columns profiled per statement. */
    public static final int PROFILE_BATCH = 200;

    private static boolean countsValues(StoreColumn column) {
        return column.type() == org.openplaza.catalog.ValueType.TEXT
                || column.type() == org.openplaza.catalog.ValueType.BOOLEAN;
    }

    /** The column's nulls, distinct values, minimum, maximum and mean, as five fields. */
    private static List<Field<?>> figures(StoreColumn column) {
        Field<Object> f = DSL.field(DSL.name(column.name()));
        Field<String> mean = switch (column.type()) {
            case INTEGER, DECIMAL ->
                DSL.round(DSL.avg(f.coerce(Double.class)), 4).cast(String.class);
            case DATE ->
                DSL.field("cast(to_timestamp(avg(epoch({0}))) as date)", Object.class, f)
                        .cast(String.class);
            case TIMESTAMP ->
                DSL.field("to_timestamp(avg(epoch({0})))", Object.class, f).cast(String.class);
            default -> DSL.inline((String) null, String.class);
        };
        Field<String> none = DSL.inline((String) null, String.class);
        return List.of(
                DSL.count().minus(DSL.count(f)),
                DSL.field("approx_count_distinct({0})", Long.class, f),
                countsValues(column) ? none : DSL.min(f).cast(String.class),
                countsValues(column) ? none : DSL.max(f).cast(String.class),
                mean);
    }

    /**
     * The most frequent values of the text and yes/no columns of a batch, by column name, in one
     * pass: the columns are unpivoted into (column, value) pairs, counted, and the first {@link
     * #TOP_VALUES} of each kept, most frequent first, then by value.
     */
    private static Map<String, List<ColumnProfile.ValueCount>> topValues(
            DSLContext sql, org.jooq.Table<?> t, List<StoreColumn> batch) {
        List<Field<?>> texts = new ArrayList<>();
        for (StoreColumn column : batch) {
            if (countsValues(column)) {
                texts.add(DSL.field(DSL.name(column.name())).cast(String.class).as(column.name()));
            }
        }
        Map<String, List<ColumnProfile.ValueCount>> top = new java.util.HashMap<>();
        if (texts.isEmpty()) {
            return top;
        }
        String pairs = "UNPIVOT (" + sql.renderInlined(sql.select(texts).from(t))
                + ") ON COLUMNS(*) INTO NAME column_name VALUE column_value";
        sql.resultQuery("SELECT column_name, column_value, n FROM (SELECT column_name, column_value, count(*) AS n,"
                        + " row_number() OVER (PARTITION BY column_name ORDER BY count(*) DESC, column_value)"
                        + " AS place FROM (" + pairs + ") GROUP BY column_name, column_value)"
                        + " WHERE place <= " + TOP_VALUES + " ORDER BY column_name, place")
                .fetch()
                .forEach(r -> top.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                        .add(new ColumnProfile.ValueCount(shorten(r.get(1, String.class)), r.get(2, Long.class))));
        return top;
    }

    private static String shorten(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 199) + "…";
    }

    private static Object[] javaValues(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof java.sql.Timestamp t) {
                values[i] = t.toLocalDateTime();
            } else if (values[i] instanceof java.sql.Date d) {
                values[i] = d.toLocalDate();
            }
        }
        return values;
    }

    /** A record that refused its batch: its index in the batch (from 0) and why. */
    public static final class RecordRefused extends Exception {
        private final int index;

        RecordRefused(int index, String reason) {
            super(reason);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /** A table a change wrote: its name, its rows, and how many rows the change touched. */
    public record Rewritten(String table, long rows, long changed) {}

    /**
     * Writes records into a table, all or none. On a store of one node the table is changed in
     * place, in one DuckDB transaction: queries see it as it was until the whole batch is in, and
     * the {@link Rewritten} names the same table. On a shared store (Parquet files, which never
     * change once written) the records go into a copy under a new name, and the table as it was
     * stays readable until the caller drops it. Each record holds every column's value, with
     * {@code present[i]} false where the record did not give column {@code i} (an update then
     * keeps the value there). The key columns find the rows an update or upsert changes.
     * {@code rows} is how many rows the caller last recorded for the table: a batch appended
     * straight to it must leave it with that many more, or it takes the slower path.
     */
    public Rewritten write(
            String table,
            List<StoreColumn> columns,
            List<String> key,
            List<Object[]> records,
            List<boolean[]> present,
            UpsertMethod mode,
            long rows)
            throws SQLException, RecordRefused {
        if (mode != UpsertMethod.INSERT && key.isEmpty()) {
            throw new IllegalArgumentException("an update or upsert needs a key");
        }
        boolean appendable = shared == null && mode != UpsertMethod.UPDATE && (key.isEmpty() || keyed(table, key));
        if (appendable && !updating.contains(table)) {
            Rewritten appended = appendedIfNew(table, columns, records, rows);
            if (appended != null) {
                return appended;
            }
            updating.add(table);
        }
        long[] updated = {0};
        Rewritten written = change(table, columns, (c, staging) -> {
            String batch = "staging_" + newId();
            DSLContext sql = sql(c);
            List<Field<?>> batchFields = new ArrayList<>();
            batchFields.add(DSL.field(DSL.name("__n"), SQLDataType.INTEGER));
            batchFields.addAll(fields(columns));
            for (int i = 0; i < columns.size(); i++) {
                batchFields.add(DSL.field(DSL.name("__p" + i), SQLDataType.BOOLEAN));
            }
            // a temporary table: the connection's own, never written to the store's file
            sql.createTemporaryTable(DSL.name(batch)).columns(batchFields).execute();
            try {
                try (DuckDBAppender appender = c.createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, batch)) {
                    for (int n = 0; n < records.size(); n++) {
                        appender.beginRow();
                        appender.append(n);
                        Object[] values = records.get(n);
                        for (int i = 0; i < columns.size(); i++) {
                            appendValue(appender, columns.get(i), values[i]);
                        }
                        for (boolean given : present.get(n)) {
                            appender.append(given);
                        }
                        appender.endRow();
                    }
                }
                long changed = applyBatch(sql, staging, batch, columns, key, mode, updated);
                sql.dropTable(DSL.name(batch)).execute();
                return changed;
            } catch (SQLException | RecordRefused | RuntimeException e) {
                if (c.getAutoCommit()) {
                    sql.dropTableIfExists(DSL.name(batch)).execute();
                } // else the transaction's rollback takes the batch away
                throw e;
            }
        });
        if (updated[0] == 0) {
            updating.remove(table);
        }
        return written;
    }

    /**
     * Tables whose last push changed rows that were there: their next push goes by the path that
     * updates, not first by an append that would fail. A push that changes none ends it.
     */
    private final java.util.Set<String> updating = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Whether the table's key is its primary key in the store, which then finds a key given twice
     * as records are appended. A table made before keys were declared in the store is given its
     * key here, once; one whose rows do not allow it (or a store that refuses) stays without.
     */
    private boolean keyed(String table, List<String> key) {
        return keyed.computeIfAbsent(table, t -> {
            try (DuckDBConnection c = connection.duplicate()) {
                DSLContext sql = sql(c);
                List<String> declared = sql.resultQuery(
                                "SELECT unnest(constraint_column_names) FROM duckdb_constraints()"
                                        + " WHERE table_name = {0} AND constraint_type = 'PRIMARY KEY'",
                                DSL.inline(t))
                        .fetch(0, String.class);
                if (!declared.isEmpty()) {
                    return declared.equals(key);
                }
                sql.alterTable(DSL.name(t))
                        .add(DSL.constraint()
                                .primaryKey(key.stream().map(DSL::name).toArray(org.jooq.Name[]::new)))
                        .execute();
                return true;
            } catch (SQLException | org.jooq.exception.DataAccessException e) {
                org.slf4j.LoggerFactory.getLogger(DatasetStore.class)
                        .info("Table {} takes records by the slower path: its key could not be declared", t, e);
                return false;
            }
        });
    }

    private final Map<String, Boolean> keyed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The records appended straight to the table, in one transaction, when each is new: null,
     * with the table as it was, when one is not (its key is there already or given twice), for
     * the slower path to find which one and why. The append is for batches of new records, a
     * sensor's usual push, what DuckDB's own bulk insert is made for. {@code before} is the
     * table's rows as the caller recorded them; a count that does not match after the append
     * (those rows recorded wrongly, or a partial append) rolls it back too.
     */
    private @Nullable Rewritten appendedIfNew(
            String table, List<StoreColumn> columns, List<Object[]> records, long before) throws SQLException {
        // plain JDBC: this is the path of a sensor's every push, and a query through jOOQ costs
        // as much as the thousand records' append
        String count = "SELECT count(*) FROM " + DSL.using(SQLDialect.DUCKDB).render(DSL.name(checked(table)));
        DuckDBConnection c = writers.poll();
        if (c == null) {
            c = connection.duplicate();
            c.setAutoCommit(false);
        }
        boolean clean = false;
        try {
            try (java.sql.Statement statement = c.createStatement()) {
                // a statement begins the transaction: an appender alone would commit at once
                count(statement, "SELECT 1");
                try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
                    for (Object[] values : records) {
                        append(appender, columns, values);
                    }
                }
                // A key found twice aborts the transaction without a word from the appender, and
                // a commit would then keep nothing, also without a word: the next statement fails.
                long rows = count(statement, count);
                if (rows != before + records.size()) {
                    c.rollback();
                    return null;
                }
                c.commit();
                clean = true;
                return new Rewritten(table, rows, records.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                clean = true;
                return null;
            }
        } finally {
            if (!clean || !writers.offer(c)) {
                c.close();
            }
        }
    }

    /** Connections kept for appends, each between transactions: a new one's first query costs a millisecond. */
    private final java.util.concurrent.BlockingQueue<DuckDBConnection> writers =
            new java.util.concurrent.ArrayBlockingQueue<>(4);

    private static long count(java.sql.Statement statement, String query) throws SQLException {
        try (java.sql.ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long applyBatch(
            DSLContext sql,
            String staging,
            String batch,
            List<StoreColumn> columns,
            List<String> key,
            UpsertMethod mode,
            long[] updated)
            throws RecordRefused {
        org.jooq.Table<?> s = DSL.table(DSL.name(staging)).as("s");
        org.jooq.Table<?> b = DSL.table(DSL.name(batch)).as("b");
        Field<Integer> n = DSL.field(DSL.name("b", "__n"), Integer.class);
        Condition sameKey = DSL.noCondition();
        List<Field<?>> keyFields = new ArrayList<>();
        for (String k : key) {
            sameKey = sameKey.and(DSL.field(DSL.name("s", k)).eq(DSL.field(DSL.name("b", k))));
            keyFields.add(DSL.field(DSL.name("b", k)));
        }
        Condition found = DSL.exists(DSL.selectOne().from(s).where(sameKey));
        refuseBadRecords(sql, b, n, keyFields, found, key, mode);
        long changed = 0;
        if (mode != UpsertMethod.INSERT) {
            updated[0] = updateRows(sql, s, b, columns, key, sameKey);
            changed += updated[0];
        }
        if (mode == UpsertMethod.INSERT) {
            // every key was found new by refuseBadRecords, in this transaction
            changed += insertRows(sql, staging, b, n, columns, DSL.noCondition());
        } else if (mode == UpsertMethod.UPSERT) {
            changed += insertRows(sql, staging, b, n, columns, key.isEmpty() ? DSL.noCondition() : DSL.not(found));
        }
        return changed;
    }

    /**
     * Refuses the batch at its first bad record: a key given twice in the batch, an insert of a
     * key already there, an update of a key not there.
     */
    private static void refuseBadRecords(
            DSLContext sql,
            org.jooq.Table<?> b,
            Field<Integer> n,
            List<Field<?>> keyFields,
            Condition found,
            List<String> key,
            UpsertMethod mode)
            throws RecordRefused {
        if (!key.isEmpty()) {
            Integer repeated = sql.select(DSL.max(n))
                    .from(b)
                    .groupBy(keyFields)
                    .having(DSL.count().gt(1))
                    .orderBy(DSL.max(n))
                    .limit(1)
                    .fetchOne(0, Integer.class);
            if (repeated != null) {
                throw new RecordRefused(repeated, "its key is given by an earlier record of the batch too");
            }
        }
        if (mode == UpsertMethod.INSERT && !key.isEmpty()) {
            Integer taken = sql.select(DSL.min(n)).from(b).where(found).fetchOne(0, Integer.class);
            if (taken != null) {
                throw new RecordRefused(taken, "a row with its key is there already");
            }
        }
        if (mode == UpsertMethod.UPDATE) {
            Integer missing =
                    sql.select(DSL.min(n)).from(b).where(DSL.not(found)).fetchOne(0, Integer.class);
            if (missing != null) {
                throw new RecordRefused(missing, "no row has its key");
            }
        }
    }

    /** Updates the rows whose key the batch gives, each field the record has; the others kept. */
    private static int updateRows(
            DSLContext sql,
            org.jooq.Table<?> s,
            org.jooq.Table<?> b,
            List<StoreColumn> columns,
            List<String> key,
            Condition sameKey) {
        Map<Field<?>, Object> set = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            if (key.contains(name)) {
                continue; // the same, by the join; and a key column set is a key deleted and inserted again
            }
            set.put(
                    DSL.field(DSL.name(name)),
                    DSL.when(
                                    DSL.field(DSL.name("b", "__p" + i), Boolean.class)
                                            .isTrue(),
                                    DSL.field(DSL.name("b", name)))
                            .otherwise(DSL.field(DSL.name("s", name))));
        }
        if (set.isEmpty()) { // every column is the key: the rows found are the rows changed
            return sql.fetchCount(DSL.selectOne().from(s, b).where(sameKey));
        }
        return sql.update(s).set(set).from(b).where(sameKey).execute();
    }

    /** Inserts the batch's records that the condition keeps, in the batch's order. */
    private static int insertRows(
            DSLContext sql,
            String staging,
            org.jooq.Table<?> b,
            Field<Integer> n,
            List<StoreColumn> columns,
            Condition kept) {
        List<Field<?>> targets = new ArrayList<>();
        List<Field<?>> values = new ArrayList<>();
        for (StoreColumn column : columns) {
            targets.add(DSL.field(DSL.name(column.name())));
            values.add(DSL.field(DSL.name("b", column.name())));
        }
        return sql.insertInto(DSL.table(DSL.name(staging)))
                .columns(targets)
                .select(DSL.select(values).from(b).where(kept).orderBy(n))
                .execute();
    }

    /**
     * Deletes the rows a filter selects (CKAN's {@code datastore_delete}): in place on a store of
     * one node, from a copy under a new name on a shared store, as {@link #write} does.
     */
    public Rewritten delete(String table, List<StoreColumn> columns, RowRequest filter) throws SQLException {
        try {
            return change(
                    table,
                    columns,
                    (c, staging) -> sql(c).deleteFrom(DSL.table(DSL.name(staging)))
                            .where(RowConditions.of(columns, filter))
                            .execute());
        } catch (RecordRefused e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Edit {
        long apply(DuckDBConnection c, String staging) throws SQLException, RecordRefused;
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The table changed by the edit: in place on a store of one node, as a copy on a shared store. */
    private Rewritten change(String table, List<StoreColumn> columns, Edit edit) throws SQLException, RecordRefused {
        return shared == null ? inPlace(checked(table), edit) : rewrite(table, columns, edit);
    }

    /**
     * The table changed by the edit in one transaction, committed only if the whole edit
     * succeeded. Changes to one table must not run at once (the caller serialises them); queries
     * run beside it and see the table as committed.
     */
    private Rewritten inPlace(String table, Edit edit) throws SQLException, RecordRefused {
        try (DuckDBConnection c = connection.duplicate()) {
            c.setAutoCommit(false);
            try {
                long changed = edit.apply(c, table);
                long rows = sql(c).fetchCount(DSL.table(DSL.name(table)));
                c.commit();
                return new Rewritten(table, rows, changed);
            } catch (SQLException | RecordRefused | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A copy of the table in row order, changed by the edit, then put in place under a new name. */
    private Rewritten rewrite(String table, List<StoreColumn> columns, Edit edit) throws SQLException, RecordRefused {
        String id = newId();
        String staging = "staging_" + id;
        String target = "ds_" + id;
        loading.add(staging);
        loading.add(target);
        boolean written = false;
        try (DuckDBConnection c = connection.duplicate()) {
            DSLContext sql = sql(c);
            sql.createTable(DSL.name(staging))
                    .as(DSL.select(fields(columns)).from(source(table)).orderBy(ROW))
                    .execute();
            try {
                long changed = edit.apply(c, staging);
                long rows = sql.fetchCount(DSL.table(DSL.name(staging)));
                if (shared == null) {
                    sql.alterTable(DSL.name(staging)).renameTo(DSL.name(target)).execute();
                } else {
                    writeShared(c, staging, target);
                    sql.dropTable(DSL.name(staging)).execute();
                }
                written = true;
                return new Rewritten(target, rows, changed);
            } catch (SQLException | RecordRefused | RuntimeException e) {
                sql.dropTableIfExists(DSL.name(staging)).execute();
                throw e;
            }
        } finally {
            loading.remove(staging);
            if (!written) {
                loading.remove(target);
            }
        }
    }

    /**
     * Drops a table a change replaced, once queries begun on it have had time to finish (the
     * sweep of orphans drops it if this node stops first).
     */
    public void dropLater(String table, java.time.Duration after) {
        CANCELLER.schedule(
                () -> {
                    try {
                        drop(table);
                    } catch (SQLException | RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(DatasetStore.class)
                                .warn("A replaced table is left for the sweep: {}", table, e);
                    }
                },
                after.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public void drop(String table) throws SQLException {
        if (inSharedFile(checked(table))) {
            try {
                Files.deleteIfExists(parquet(table));
            } catch (java.io.IOException e) {
                throw new SQLException("a version could not be deleted from the shared store: " + table, e);
            }
        }
        try (DuckDBConnection c = connection.duplicate()) {
            sql(c).dropTableIfExists(DSL.name(checked(table))).execute();
        }
        loading.remove(table);
        keyed.remove(table);
        updating.remove(table);
    }

    private static String checked(String table) {
        if (!table.toLowerCase(Locale.ROOT).matches("(ds|staging)_[0-9a-f]{16}")) {
            throw new IllegalArgumentException("not a dataset table: " + table);
        }
        return table;
    }
}
