-- Signed checkpoints of the ballot box, sealed ballots, and counts held for investigation
-- (module: voting).
--
-- From now on the box holds each ballot's choices sealed (AES-256-GCM) under a key of its vote
-- kept outside the database. The count opens them and keeps the counted choices in their own
-- table, with nothing but the vote, in the order of the choices; then the vote's key is destroyed.
-- Votes counted before keep their counted ballots (stored unsealed) copied here the same way.
--
-- While a vote runs, the portal signs checkpoints of its ballot chain (how many ballots, the head
-- hash) with an Ed25519 key kept in a file outside the database; the count checks every signature
-- with that key and that the chain passes through every checkpoint. When a closed vote's chain
-- does not recompute, misses a checkpoint, carries a checkpoint the key did not sign, or the
-- ballots that would count differ in number from the citizens in the participation register, the
-- vote is held: no outcome, no published ballots, the proposal left where it was. The reason is
-- one of a few codes; the details go to the audit log. The administrators and the official who
-- opened the vote are alerted through the notifications, which may now be about a vote as well as
-- a proposal.

CREATE TABLE voting.checkpoint (
    vote_id   BIGINT                   NOT NULL,
    ballots   INT                      NOT NULL,
    voters    INT                      NOT NULL,
    head_hash VARCHAR(64)              NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signature VARCHAR(100)             NOT NULL,
    CONSTRAINT checkpoint_pk PRIMARY KEY (vote_id, ballots),
    CONSTRAINT checkpoint_vote_fk FOREIGN KEY (vote_id) REFERENCES voting.vote (id) ON DELETE CASCADE
);

ALTER TABLE voting.vote ADD COLUMN held_at TIMESTAMP WITH TIME ZONE;
-- At the count the portal signs the counted choices (their SHA-256, sorted, one per line) with the
-- ballot-box key; results and publications check the kept copy against it.
ALTER TABLE voting.vote ADD COLUMN counted_hash VARCHAR(64);
ALTER TABLE voting.vote ADD COLUMN counted_signature VARCHAR(100);
-- and the root of the sealed box's Merkle tree (RFC 9162) over its ballots' chain hashes, to which
-- each receipt's audit path leads.
ALTER TABLE voting.vote ADD COLUMN counted_box_root VARCHAR(64);
ALTER TABLE voting.vote ADD COLUMN held_reason VARCHAR(40);
ALTER TABLE voting.vote ADD CONSTRAINT vote_held_ck CHECK (
    (held_at IS NULL AND held_reason IS NULL)
    OR (held_at IS NOT NULL AND held_reason IN ('CHAIN_BROKEN', 'CHECKPOINT_MISSED', 'CHECKPOINT_FORGED', 'BALLOTS_AND_VOTERS_DIFFER', 'BALLOTS_UNREADABLE')));
ALTER TABLE voting.vote ADD CONSTRAINT vote_held_or_finalised_ck CHECK (held_at IS NULL OR finalised_at IS NULL);

ALTER TABLE voting.notification ALTER COLUMN proposal_id DROP NOT NULL;
ALTER TABLE voting.notification ADD COLUMN vote_id BIGINT;
ALTER TABLE voting.notification ADD CONSTRAINT notification_vote_fk
    FOREIGN KEY (vote_id) REFERENCES voting.vote (id) ON DELETE CASCADE;
ALTER TABLE voting.notification ADD CONSTRAINT notification_subject_ck
    CHECK ((proposal_id IS NULL) <> (vote_id IS NULL));

CREATE TABLE voting.counted_ballot (
    vote_id BIGINT        NOT NULL,
    choices VARCHAR(4000) NOT NULL,
    CONSTRAINT counted_ballot_vote_fk FOREIGN KEY (vote_id) REFERENCES voting.vote (id) ON DELETE CASCADE
);
CREATE INDEX counted_ballot_vote_ix ON voting.counted_ballot (vote_id);

INSERT INTO voting.counted_ballot (vote_id, choices)
SELECT b.vote_id, b.choices
FROM voting.ballot b
JOIN voting.vote v ON v.id = b.vote_id
WHERE v.finalised_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM voting.ballot r WHERE r.vote_id = b.vote_id AND r.replaces = b.receipt)
ORDER BY b.vote_id, b.choices;
