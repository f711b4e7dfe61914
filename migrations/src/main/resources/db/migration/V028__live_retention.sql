-- How long a live version keeps its pushed rows (module: data-catalog): rows whose date or time
-- in retention_column is more than retention_days old are deleted on schedule ("keep 90 days").
ALTER TABLE catalog.dataset_version ADD COLUMN retention_column VARCHAR(128);
ALTER TABLE catalog.dataset_version ADD COLUMN retention_days INTEGER;
ALTER TABLE catalog.dataset_version ADD CONSTRAINT dataset_version_retention_ck CHECK (
    (retention_column IS NULL AND retention_days IS NULL)
    OR (retention_column IS NOT NULL AND retention_days BETWEEN 1 AND 36600));
