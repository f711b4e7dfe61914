-- Votes on proposals with secret ballots (module: voting).
--
-- Secrecy by construction: a participation row says that a citizen voted in a vote (one per
-- citizen, by a unique key) under a random key and the day only; a ballot row holds the choices
-- under a random receipt code and the day only, with no voter id. Nothing links the two. Ballots
-- form an append-only hash chain per vote; a changed ballot is a new ballot that names the one it
-- replaces, which only its voter can find (by a secret kept by the voter, stored here hashed).

ALTER TABLE voting.vote ADD COLUMN proposal_id BIGINT;
ALTER TABLE voting.vote ADD COLUMN method VARCHAR(12) DEFAULT 'YES_NO' NOT NULL;
ALTER TABLE voting.vote ADD COLUMN max_choices INT;
ALTER TABLE voting.vote ADD COLUMN budget BIGINT;
ALTER TABLE voting.vote ADD COLUMN allow_change BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE voting.vote ADD COLUMN head_hash VARCHAR(64);
ALTER TABLE voting.vote ADD COLUMN ballot_count INT DEFAULT 0 NOT NULL;
ALTER TABLE voting.vote ADD CONSTRAINT vote_proposal_fk FOREIGN KEY (proposal_id) REFERENCES voting.proposal (id);
ALTER TABLE voting.vote ADD CONSTRAINT vote_method_ck CHECK (method IN ('YES_NO', 'SINGLE', 'APPROVAL', 'RANKED', 'BUDGET'));

CREATE TABLE voting.vote_option (
    vote_id  BIGINT       NOT NULL,
    position INT          NOT NULL,
    label    VARCHAR(300) NOT NULL,
    cost     BIGINT,
    CONSTRAINT vote_option_pk PRIMARY KEY (vote_id, position),
    CONSTRAINT vote_option_vote_fk FOREIGN KEY (vote_id) REFERENCES voting.vote (id) ON DELETE CASCADE
);

-- That a citizen voted, never how: a random key and the day.
CREATE TABLE voting.participation (
    participation_key VARCHAR(36) NOT NULL PRIMARY KEY,
    vote_id           BIGINT      NOT NULL,
    user_id           BIGINT      NOT NULL,
    voted_on          DATE        NOT NULL,
    CONSTRAINT participation_once_uk UNIQUE (vote_id, user_id),
    CONSTRAINT participation_vote_fk FOREIGN KEY (vote_id) REFERENCES voting.vote (id),
    CONSTRAINT participation_user_fk FOREIGN KEY (user_id) REFERENCES accounts.app_user (id)
);

-- The ballot box: choices under a random receipt, chained by hashes in the order of casting.
CREATE TABLE voting.ballot (
    vote_id       BIGINT       NOT NULL,
    position      INT          NOT NULL,
    receipt       VARCHAR(32)  NOT NULL,
    choices       VARCHAR(4000) NOT NULL,
    cast_on       DATE         NOT NULL,
    replaces      VARCHAR(32),
    replace_check VARCHAR(64),
    previous_hash VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL,
    CONSTRAINT ballot_pk PRIMARY KEY (vote_id, position),
    CONSTRAINT ballot_receipt_uk UNIQUE (receipt),
    CONSTRAINT ballot_replaced_once_uk UNIQUE (vote_id, replaces),
    CONSTRAINT ballot_vote_fk FOREIGN KEY (vote_id) REFERENCES voting.vote (id)
);
