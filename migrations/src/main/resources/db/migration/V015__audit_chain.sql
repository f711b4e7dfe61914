-- A tamper-evident audit log. Shortly after an entry is committed the portal seals it: gives it
-- the next number of the chain, the hash of the entry before it, and its own SHA-256 over both and
-- its fields. The head of the chain (the last number and hash) is kept in one row, with an HMAC
-- under a key kept in a file outside the database, so that someone who rewrites entries and
-- recomputes every hash in the database still cannot make the head match. Entries written before
-- this version are sealed like new ones, in the order they were written.
ALTER TABLE accounts.audit_event ADD COLUMN seal_no BIGINT;
ALTER TABLE accounts.audit_event ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE accounts.audit_event ADD COLUMN entry_hash VARCHAR(64);
CREATE UNIQUE INDEX audit_event_seal_uk ON accounts.audit_event (seal_no);

CREATE TABLE accounts.audit_head (
    id        INT         DEFAULT 1 NOT NULL PRIMARY KEY,
    seal_no   BIGINT      NOT NULL,
    head_hash VARCHAR(64) NOT NULL,
    head_mac  VARCHAR(64) NOT NULL,
    CONSTRAINT audit_head_one_ck CHECK (id = 1)
);
