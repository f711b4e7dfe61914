-- Two-step sign-in (module: accounts): a time-based one-time password (TOTP, RFC 6238) from an
-- authenticator app, with single-use recovery codes for when the phone is lost. Required of
-- administrators and officials, chosen by citizens.
--
-- The TOTP secret is stored sealed (AES-256-GCM, the account's id as associated data) under a key
-- kept in a file outside the database: a copy of the database reveals no secret, and a sealed
-- secret moved to another account does not open there. last_step is the last 30-second step whose
-- code was accepted; a code of that step or an earlier one is refused (RFC 6238 section 5.2).
CREATE TABLE accounts.second_factor (
    user_id     BIGINT                   NOT NULL PRIMARY KEY,
    secret      VARCHAR(200)             NOT NULL,
    last_step   BIGINT                   NOT NULL,
    enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT second_factor_user_fk FOREIGN KEY (user_id) REFERENCES accounts.app_user (id) ON DELETE CASCADE
);

-- Recovery codes: only an HMAC-SHA256 of each (under the same outside key, with the account's id)
-- is kept, so neither a copy of the database nor a row written into it yields a code that works.
CREATE TABLE accounts.recovery_code (
    code_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id   BIGINT                   NOT NULL,
    made_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recovery_code_user_fk FOREIGN KEY (user_id) REFERENCES accounts.app_user (id) ON DELETE CASCADE
);

CREATE INDEX recovery_code_user_ix ON accounts.recovery_code (user_id);
