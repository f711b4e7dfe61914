-- Browsers that have signed in to an account before. Each holds a random token in a cookie; only
-- its SHA-256 is kept here. Such a browser has a sign-in allowance of its own, which failures from
-- anywhere else do not spend, so nobody can lock a user out by guessing at their username.
CREATE TABLE accounts.trusted_device (
    token_hash   VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id      BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT trusted_device_user_fk FOREIGN KEY (user_id) REFERENCES accounts.app_user (id) ON DELETE CASCADE
);

CREATE INDEX trusted_device_user_ix ON accounts.trusted_device (user_id);
