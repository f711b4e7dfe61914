-- Column profiles computed at import time (module: data-catalog), shown on dataset pages.

CREATE TABLE catalog.column_profile (
    version_id     BIGINT  NOT NULL,
    position       INTEGER NOT NULL,
    null_count     BIGINT  NOT NULL,
    distinct_count BIGINT  NOT NULL,
    min_value      VARCHAR(200),
    max_value      VARCHAR(200),
    mean_value     VARCHAR(60),
    CONSTRAINT column_profile_pk PRIMARY KEY (version_id, position),
    CONSTRAINT column_profile_column_fk FOREIGN KEY (version_id, position) REFERENCES catalog.dataset_column (version_id, position) ON DELETE CASCADE
);

CREATE TABLE catalog.column_top_value (
    version_id  BIGINT        NOT NULL,
    position    INTEGER       NOT NULL,
    value_rank  INTEGER       NOT NULL,
    value_text  VARCHAR(500)  NOT NULL,
    value_count BIGINT        NOT NULL,
    CONSTRAINT column_top_value_pk PRIMARY KEY (version_id, position, value_rank),
    CONSTRAINT column_top_value_profile_fk FOREIGN KEY (version_id, position) REFERENCES catalog.column_profile (version_id, position) ON DELETE CASCADE
);
