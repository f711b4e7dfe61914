-- Datasets that refresh themselves from an address (module: data-catalog).
--
-- A dataset has at most one source: an http(s) address fetched every so many minutes, on behalf
-- of the publisher who set it (owner_id), with what the server said last time (etag,
-- last_modified) for conditional requests. A fetch that brings a changed file imports it as the
-- dataset's next version; one that fails leaves the current version live and is recorded here:
-- when it was tried, the message key of its failure and that message's arguments (one a line).
CREATE TABLE catalog.dataset_source (
    dataset_id         BIGINT        NOT NULL PRIMARY KEY,
    url                VARCHAR(2000) NOT NULL,
    every_minutes      INTEGER       NOT NULL,
    owner_id           BIGINT        NOT NULL,
    etag               VARCHAR(500),
    last_modified      VARCHAR(100),
    next_due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at    TIMESTAMP WITH TIME ZONE,
    last_success_at    TIMESTAMP WITH TIME ZONE,
    last_change_at     TIMESTAMP WITH TIME ZONE,
    last_error         VARCHAR(100),
    last_error_args    VARCHAR(2000),
    failures           INTEGER       DEFAULT 0 NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dataset_source_dataset_fk FOREIGN KEY (dataset_id) REFERENCES catalog.dataset (id) ON DELETE CASCADE,
    CONSTRAINT dataset_source_owner_fk FOREIGN KEY (owner_id) REFERENCES accounts.app_user (id) ON DELETE CASCADE,
    CONSTRAINT dataset_source_every_ck CHECK (every_minutes >= 5 AND every_minutes <= 44640)
);

CREATE INDEX dataset_source_due_ix ON catalog.dataset_source (next_due_at);

-- A source that starts failing is told to its publisher among their notifications, which may now
-- be about a dataset as well as a proposal or a vote.
ALTER TABLE voting.notification ADD COLUMN dataset_id BIGINT;
ALTER TABLE voting.notification ADD CONSTRAINT notification_dataset_fk
    FOREIGN KEY (dataset_id) REFERENCES catalog.dataset (id) ON DELETE CASCADE;
ALTER TABLE voting.notification DROP CONSTRAINT notification_subject_ck;
ALTER TABLE voting.notification ADD CONSTRAINT notification_subject_ck CHECK (
    (CASE WHEN proposal_id IS NULL THEN 0 ELSE 1 END)
    + (CASE WHEN vote_id IS NULL THEN 0 ELSE 1 END)
    + (CASE WHEN dataset_id IS NULL THEN 0 ELSE 1 END) = 1);
