-- Versions a publisher deleted, versions whose rows are pushed record by record, and the
-- address a version's file was fetched from (module: data-catalog).
--
-- A deleted version keeps its row, so that version numbers are never reused and the history
-- stays whole, but its store table and original file are removed and nothing reads it again.
--
-- A live version holds rows pushed through CKAN's DataStore API rather than an imported file:
-- its rows change, each change replacing its store table (store_table then names the newest),
-- and its key columns (key_position 1, 2, … in dataset_column) identify a row for upserts.
ALTER TABLE catalog.dataset_version ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE catalog.dataset_version ADD COLUMN live BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE catalog.dataset_version ADD COLUMN rows_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE catalog.dataset_column ADD COLUMN key_position INTEGER;
ALTER TABLE catalog.dataset_column ADD CONSTRAINT dataset_column_key_ck CHECK (key_position IS NULL OR key_position > 0);

-- The http(s) address the version's file was fetched from, when it was not uploaded.
ALTER TABLE catalog.dataset_version ADD COLUMN source_url VARCHAR(2000);
