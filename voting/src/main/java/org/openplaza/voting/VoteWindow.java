package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Instant;
import org.jooq.Record;

/** Where a vote stands in its window, as the services that cast, manage and count need it. */
final class VoteWindow {

    private VoteWindow() {}

    /** The vote's row, locked, if ballots are taken now; otherwise why not. */
    static Record lockOpen(BallotRepository query, long voteId, Instant now) {
        Record vote = query.lockVote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        if (vote.get(VOTE.CANCELLED)) {
            throw new VotingException("vote.error.cancelled");
        }
        if (now.isBefore(vote.get(VOTE.OPENS_AT).toInstant())) {
            throw new VotingException("vote.error.not-open-yet");
        }
        if (!now.isBefore(vote.get(VOTE.CLOSES_AT).toInstant())) {
            throw new VotingException("vote.error.closed");
        }
        return vote;
    }

    /** The vote's row if it has closed and was not cancelled: nothing of its ballots is told before. */
    static Record requireClosed(BallotRepository query, long voteId, Instant now) {
        Record vote = query.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        if (vote.get(VOTE.CANCELLED)) {
            throw new VotingException("vote.error.cancelled");
        }
        if (now.isBefore(vote.get(VOTE.CLOSES_AT).toInstant())) {
            throw new VotingException("vote.error.still-open");
        }
        return vote;
    }
}
