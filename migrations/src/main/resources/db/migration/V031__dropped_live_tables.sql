-- A live version whose table a DataStore client dropped, as CKAN's datastore_delete without
-- filters does (module: data-catalog): its rows are gone, and the API answers as for a resource
-- without a table until datastore_create gives it one again, with the same fields or new ones.
ALTER TABLE catalog.dataset_version ADD COLUMN table_dropped_at TIMESTAMP WITH TIME ZONE;
