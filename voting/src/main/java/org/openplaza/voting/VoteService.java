package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Votes as the public sees them: what is asked, when, under which rules, and the turnout. */
@Service
public class VoteService {

    private final VoteQuery query;
    private final BallotQuery ballots;
    private final Clock clock;

    VoteService(VoteQuery query, BallotQuery ballots, Clock clock) {
        this.query = query;
        this.ballots = ballots;
        this.clock = clock;
    }

    /** Votes open now: opened, not yet closed, not cancelled. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int countOpen() {
        return query.countOpen(clock.instant());
    }

    /** Votes open now, closing soonest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<OpenVote> listOpen() {
        return query.listOpen(clock.instant());
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<VoteInfo> find(long voteId) {
        Instant now = clock.instant();
        return ballots.vote(voteId).map(v -> info(v, now));
    }

    /** Votes in a state, the latest closing first; at most {@code limit}. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VoteInfo> list(VoteInfo.State state, int limit) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        Condition condition = switch (state) {
            case UPCOMING -> VOTE.CANCELLED.isFalse().and(VOTE.OPENS_AT.gt(now));
            case OPEN -> VOTE.CANCELLED.isFalse().and(VOTE.OPENS_AT.le(now)).and(VOTE.CLOSES_AT.gt(now));
            case CLOSED -> VOTE.CANCELLED.isFalse().and(VOTE.CLOSES_AT.le(now));
            case CANCELLED -> VOTE.CANCELLED.isTrue();
        };
        return ballots.voteIds(condition, limit).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The votes held on a proposal, the latest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VoteInfo> forProposal(long proposalId) {
        return ballots.forProposal(proposalId).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Closed votes not counted or not published yet, for the portal's counting job. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Long> dueForCounting() {
        return ballots.dueForFinalising(clock.instant());
    }

    private VoteInfo info(Record v, Instant now) {
        long id = v.get(VOTE.ID);
        VoteInfo.State state = v.get(VOTE.CANCELLED)
                ? VoteInfo.State.CANCELLED
                : now.isBefore(v.get(VOTE.OPENS_AT).toInstant())
                        ? VoteInfo.State.UPCOMING
                        : now.isBefore(v.get(VOTE.CLOSES_AT).toInstant()) ? VoteInfo.State.OPEN : VoteInfo.State.CLOSED;
        String outcome = v.get(VOTE.OUTCOME);
        return new VoteInfo(
                id,
                v.get(VOTE.PROPOSAL_ID),
                v.get(VOTE.QUESTION),
                Method.valueOf(v.get(VOTE.METHOD)),
                ballots.optionList(id),
                v.get(VOTE.MAX_CHOICES),
                v.get(VOTE.BUDGET),
                v.get(VOTE.ALLOW_CHANGE),
                v.get(VOTE.OPENS_AT).toInstant(),
                v.get(VOTE.CLOSES_AT).toInstant(),
                new VoteSpec.Eligibility(ballots.districts(id), v.get(VOTE.MIN_AGE)),
                new VoteSpec.Rules(v.get(VOTE.QUORUM_PERCENT), v.get(VOTE.THRESHOLD_PERCENT)),
                state,
                v.get(VOTE.CLOSED_EARLY_REASON),
                v.get(VOTE.CANCEL_REASON),
                ballots.turnout(id),
                v.get(VOTE.HEAD_HASH),
                outcome == null ? null : outcome.equals("CARRIED"),
                v.get(VOTE.ELECTORATE),
                v.get(VOTE.FINALISED_AT) == null
                        ? null
                        : v.get(VOTE.FINALISED_AT).toInstant(),
                v.get(VOTE.BALLOTS_DATASET),
                v.get(VOTE.OPENED_BY));
    }
}
