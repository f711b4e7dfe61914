-- The token buckets of rate limits and sign-in throttles, when the portal runs on PostgreSQL, so
-- that the nodes of a cluster share one budget (Bucket4j's table: its serialised state, and when
-- the bucket, full again, may be removed, in milliseconds since 1970). On H2 they stay in memory.
CREATE TABLE accounts.rate_bucket (
    id         VARCHAR(255) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
