-- Locks that make a scheduled job or a start-up step run on one node of a cluster at a time
-- (ShedLock's table: a lock is held by the node named in locked_by until lock_until, or until it
-- sets lock_until back when it is done).
CREATE TABLE accounts.job_lock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
