package org.openplaza.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Token buckets for rate limits and throttles (Bucket4j), by key. On PostgreSQL the buckets live
 * in the database ({@code accounts.rate_bucket}, Bucket4j's select-for-update store), so that the
 * nodes of a cluster share one budget rather than each giving its own; they are taken and updated
 * on connections of their own, never in the caller's transaction. On H2, the portal of one
 * machine, they live in memory. Either way a bucket is kept until it has filled up again, so its
 * failures are never forgiven early.
 */
public final class RateLimits implements AutoCloseable {

    private record Held(Bucket bucket, Duration refill) {}

    private final @Nullable PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final @Nullable AutoCloseable pool;
    private final Cache<String, Held> local;
    private final TimeMeter time;

    private RateLimits(
            @Nullable PostgreSQLSelectForUpdateBasedProxyManager<String> shared,
            @Nullable AutoCloseable pool,
            Clock clock) {
        this.shared = shared;
        this.pool = pool;
        this.time = new ClockTimeMeter(clock);
        this.local = Caffeine.newBuilder()
                .expireAfter(new Expiry<String, Held>() {
                    @Override
                    public long expireAfterCreate(String key, Held held, long now) {
                        return held.refill().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Held held, long now, long current) {
                        return held.refill().toNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Held held, long now, long current) {
                        return held.refill().toNanos();
                    }
                })
                .build();
    }

    /** Buckets in this process's memory: the portal of one machine, and tests. */
    public static RateLimits inMemory(Clock clock) {
        return new RateLimits(null, null, clock);
    }

    /**
     * Buckets in a PostgreSQL database, reached through a pool of connections of their own (which
     * the caller closes with this object), shared by every node using that database.
     */
    public static RateLimits inPostgres(DataSource ownPool, @Nullable AutoCloseable closeWith, Clock clock) {
        var manager = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(ownPool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("accounts.rate_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .clientClock(new ClockTimeMeter(clock))
                // a bucket may go once it is full again: nothing it held back is forgiven early
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        return new RateLimits(manager, closeWith, clock);
    }

    /** Whether the buckets are shared by every node using the database. */
    public boolean isShared() {
        return shared != null;
    }

    /** The bucket of this key, made with this limit if it does not exist yet. */
    public Bucket bucket(String key, Bandwidth limit) {
        String id = stored(key);
        if (shared != null) {
            return shared.builder()
                    .build(
                            id,
                            () -> BucketConfiguration.builder().addLimit(limit).build());
        }
        return local.get(
                        id,
                        k -> new Held(
                                Bucket.builder()
                                        .addLimit(limit)
                                        .withCustomTimePrecision(time)
                                        .build(),
                                refillTime(limit)))
                .bucket();
    }

    /** Forgets a bucket, forgiving what it held back. */
    public void forget(String key) {
        String id = stored(key);
        if (shared != null) {
            shared.removeProxy(id);
        } else {
            local.invalidate(id);
        }
    }

    /** Removes buckets that have filled up again; how many. */
    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelay = 10,
            initialDelay = 10,
            timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "rate-buckets-clean", lockAtMostFor = "PT10M")
    public int removeFull() {
        if (shared == null) {
            local.cleanUp();
            return 0;
        }
        int removed = 0;
        int batch;
        do {
            batch = shared.removeExpired(1000);
            removed += batch;
        } while (batch == 1000);
        return removed;
    }

    @Override
    public void close() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }

    /** How long an empty bucket takes to fill up again. */
    private static Duration refillTime(Bandwidth limit) {
        return Duration.ofNanos(
                (long) ((double) limit.getRefillPeriodNanos() * limit.getCapacity() / limit.getRefillTokens()));
    }

    /** Keys are kept as they are when short, as their SHA-256 when long (column of 255). */
    private static String stored(String key) {
        if (key.length() <= 200) {
            return key;
        }
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bucket4j's time, read from the portal's clock (which tests move). */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return Duration.ofMillis(clock.millis()).toNanos();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
