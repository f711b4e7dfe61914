-- How often a dataset's page was viewed and its data downloaded (module: data-catalog), for the
-- catalogue's "most viewed" and "most downloaded" orders.

ALTER TABLE catalog.dataset ADD COLUMN view_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE catalog.dataset ADD COLUMN download_count BIGINT DEFAULT 0 NOT NULL;
