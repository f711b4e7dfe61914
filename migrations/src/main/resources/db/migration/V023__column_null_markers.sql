-- Which null markers the cells of a column held in the imported file, and how many of each
-- (module: data-catalog). Statistical offices give them meanings of their own (Destatis: '-' is
-- nothing, '.' unknown or secret; SingStat: 'na' not available; Eurostat: ':' not available), and
-- the store keeps such a cell as NULL, so the dataset page's profile tells them apart from here.
CREATE TABLE catalog.column_null_marker (
    version_id   BIGINT      NOT NULL,
    position     INTEGER     NOT NULL,
    marker       VARCHAR(20) NOT NULL,
    marker_count BIGINT      NOT NULL,
    CONSTRAINT column_null_marker_pk PRIMARY KEY (version_id, position, marker),
    CONSTRAINT column_null_marker_column_fk FOREIGN KEY (version_id, position) REFERENCES catalog.dataset_column (version_id, position) ON DELETE CASCADE
);
