-- Who may vote and what makes a vote carry (modules: accounts, voting).
--
-- Administrators record a verified citizen's district and date of birth when they verify them;
-- a vote may be limited to residents of some districts and to citizens of a minimum age on its
-- closing day. Quorum (turnout as a share of the electorate) and threshold (the leading option's
-- share) are optional. Closing early and cancelling keep their reasons; once a closed vote is
-- finalised its outcome, electorate and the name of the dataset its ballots were published in are
-- kept with it.

ALTER TABLE accounts.app_user ADD COLUMN district VARCHAR(80);
ALTER TABLE accounts.app_user ADD COLUMN birth_date DATE;

CREATE TABLE voting.vote_district (
    vote_id  BIGINT      NOT NULL,
    district VARCHAR(80) NOT NULL,
    CONSTRAINT vote_district_pk PRIMARY KEY (vote_id, district),
    CONSTRAINT vote_district_vote_fk FOREIGN KEY (vote_id) REFERENCES voting.vote (id) ON DELETE CASCADE
);

ALTER TABLE voting.vote ADD COLUMN min_age INT;
ALTER TABLE voting.vote ADD COLUMN quorum_percent INT;
ALTER TABLE voting.vote ADD COLUMN threshold_percent INT;
ALTER TABLE voting.vote ADD COLUMN opened_by VARCHAR(64);
ALTER TABLE voting.vote ADD COLUMN closed_early_reason VARCHAR(2000);
ALTER TABLE voting.vote ADD COLUMN cancel_reason VARCHAR(2000);
ALTER TABLE voting.vote ADD COLUMN electorate INT;
ALTER TABLE voting.vote ADD COLUMN outcome VARCHAR(12);
ALTER TABLE voting.vote ADD COLUMN finalised_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE voting.vote ADD COLUMN ballots_dataset VARCHAR(200);
ALTER TABLE voting.vote ADD CONSTRAINT vote_min_age_ck CHECK (min_age IS NULL OR min_age BETWEEN 0 AND 120);
ALTER TABLE voting.vote ADD CONSTRAINT vote_quorum_ck CHECK (quorum_percent IS NULL OR quorum_percent BETWEEN 1 AND 100);
ALTER TABLE voting.vote ADD CONSTRAINT vote_threshold_ck CHECK (threshold_percent IS NULL OR threshold_percent BETWEEN 1 AND 100);
ALTER TABLE voting.vote ADD CONSTRAINT vote_outcome_ck CHECK (outcome IS NULL OR outcome IN ('CARRIED', 'NOT_CARRIED'));

CREATE INDEX vote_proposal_ix ON voting.vote (proposal_id);
