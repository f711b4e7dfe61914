package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.openplaza.audit.Audited;
import org.openplaza.proposals.ProposalStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Votes: officials open them, and close them early or cancel them with a reason; anyone sees what
 * is asked, when, under which rules, and the turnout.
 */
@Service
public class VoteService {

    private final VoteQuery query;
    private final BallotRepository ballots;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VoteWords words;

    VoteService(
            VoteQuery query, BallotRepository ballots, ApplicationEventPublisher events, Clock clock, VoteWords words) {
        this.words = words;
        this.query = query;
        this.ballots = ballots;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An official opens a vote (audit-logged); the ballot box starts empty. A vote on a proposal
     * needs the proposal scheduled for a vote and no other vote on it under way.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public long open(VoteSpec spec) {
        checkQuestionAndOptions(spec);
        checkMethodAndRules(spec);
        if (spec.proposalId() != null) {
            checkProposal(spec.proposalId());
        }
        long id = ballots.insertVote(spec, clock.instant(), Audited.currentActor());
        events.publishEvent(Audited.byCurrentUser("VOTE_OPENED", "vote", String.valueOf(id), spec.question()));
        events.publishEvent(words.changed(id));
        return id;
    }

    /** A question of up to 500 characters, a window that closes in the future, and distinct options. */
    private void checkQuestionAndOptions(VoteSpec spec) {
        if (spec.question() == null
                || spec.question().isBlank()
                || spec.question().length() > 500) {
            throw VotingException.on("question", "vote.error.question");
        }
        if (!spec.closesAt().isAfter(spec.opensAt())) {
            throw VotingException.on("closesAt", "vote.error.window");
        }
        if (!spec.closesAt().isAfter(clock.instant())) {
            throw VotingException.on("closesAt", "vote.error.closes-past");
        }
        int needed = spec.method() == Method.YES_NO ? 3 : 2;
        if (spec.options().size() < needed || spec.options().size() > 30) {
            throw VotingException.on("options", "vote.error.options", needed);
        }
        if (spec.options().stream()
                        .anyMatch(o -> o.label() == null
                                || o.label().isBlank()
                                || o.label().length() > 300)
                || spec.options().stream()
                                .map(o -> o.label().strip())
                                .distinct()
                                .count()
                        != spec.options().size()) {
            throw VotingException.on("options", "vote.error.option-labels");
        }
    }

    /** What the method asks for (a number of choices, a budget and costs), eligibility and the rules. */
    private void checkMethodAndRules(VoteSpec spec) {
        if (spec.method() == Method.APPROVAL
                && spec.maxChoices() != null
                && (spec.maxChoices() < 1 || spec.maxChoices() > spec.options().size())) {
            throw VotingException.on(
                    "maxChoices", "vote.error.max-choices", spec.options().size());
        }
        if (spec.method() == Method.BUDGET
                && (spec.budget() == null
                        || spec.budget() <= 0
                        || spec.options().stream().anyMatch(o -> o.cost() == null || o.cost() <= 0))) {
            throw VotingException.on("budget", "vote.error.costs");
        }
        Integer minAge = spec.eligibility().minAge();
        if (minAge != null && (minAge < 0 || minAge > 120)) {
            throw VotingException.on("minAge", "vote.error.min-age");
        }
        if (spec.eligibility().districts().stream().anyMatch(d -> d.isBlank() || d.length() > 80)) {
            throw VotingException.on("districts", "vote.error.districts");
        }
        for (Integer percent : java.util.Arrays.asList(
                spec.rules().quorumPercent(), spec.rules().thresholdPercent())) {
            if (percent != null && (percent < 1 || percent > 100)) {
                throw VotingException.on("rules", "vote.error.percent");
            }
        }
    }

    /** A vote on a proposal: one scheduled for a vote, of the official's organisation, without a vote yet. */
    private void checkProposal(long proposalId) {
        String status =
                ballots.proposalStatus(proposalId).orElseThrow(() -> new VotingException("vote.error.no-proposal"));
        if (!status.equals(ProposalStatus.SCHEDULED.name())) {
            throw new VotingException("vote.error.proposal-not-scheduled");
        }
        if (!ballots.mayActFor(Audited.currentActor(), proposalId)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "not a member of the proposal's organisation");
        }
        if (ballots.proposalHasVote(proposalId)) {
            throw new VotingException("vote.error.proposal-has-vote");
        }
    }

    /**
     * The official who opened a vote closes it before its time, with a reason (audit-logged); an
     * administrator may too.
     */
    @PreAuthorize("hasAnyRole('OFFICIAL', 'ADMIN')")
    @Transactional
    public void closeEarly(long voteId, String reason) {
        String clean = reason(reason);
        Instant now = clock.instant();
        mayManage(VoteWindow.lockOpen(ballots, voteId, now));
        ballots.closeEarly(voteId, now, clean);
        events.publishEvent(Audited.byCurrentUser("VOTE_CLOSED_EARLY", "vote", String.valueOf(voteId), clean));
    }

    /**
     * The official who opened a vote (or an administrator) cancels it before it closes, with a
     * reason (audit-logged). Its ballots are never counted or published; the proposal may get a
     * new vote. A closed vote is counted: it can no longer be cancelled.
     */
    @PreAuthorize("hasAnyRole('OFFICIAL', 'ADMIN')")
    @Transactional
    public void cancel(long voteId, String reason) {
        String clean = reason(reason);
        Record vote = ballots.lockVote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        mayManage(vote);
        if (vote.get(VOTE.CANCELLED)) {
            throw new VotingException("vote.error.cancelled");
        }
        if (!clock.instant().isBefore(vote.get(VOTE.CLOSES_AT).toInstant())) {
            throw new VotingException("vote.error.cancel-closed");
        }
        ballots.cancel(voteId, clean);
        events.publishEvent(Audited.byCurrentUser("VOTE_CANCELLED", "vote", String.valueOf(voteId), clean));
    }

    /** Whether the signed-in user may close or cancel the vote: its opener, or an administrator. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean mayManage(long voteId) {
        return ballots.vote(voteId).map(this::manages).orElse(false);
    }

    private boolean manages(Record vote) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (auth == null) {
            return false;
        }
        boolean admin =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        boolean official =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OFFICIAL"));
        return admin || (official && auth.getName().equals(vote.get(VOTE.OPENED_BY)));
    }

    private void mayManage(Record vote) {
        if (!manages(vote)) {
            throw new org.springframework.security.access.AccessDeniedException("not the vote's official");
        }
    }

    static String reason(String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 5 || clean.length() > 2000) {
            throw VotingException.on("reason", "vote.error.reason");
        }
        return clean;
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

    /**
     * The votes these words find (question and options, as the portal's other searches read
     * words), the best matches first, at most {@code limit}; cancelled votes too, as they are
     * listed. Too many words are refused with an {@code IllegalArgumentException}.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VoteInfo> search(String text, int limit) {
        if (text.isBlank()) {
            return List.of();
        }
        return words.find(text, Math.max(1, Math.min(limit, 100))).stream()
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
        // while it runs, a vote shows its turnout and head as of its last signed checkpoint only
        int turnout;
        String head;
        if (state == VoteInfo.State.CLOSED) {
            turnout = ballots.turnout(id);
            head = v.get(VOTE.HEAD_HASH);
        } else {
            Checkpoint last = ballots.lastCheckpoint(id).orElse(null);
            turnout = last == null ? 0 : last.voters();
            head = last == null ? null : last.headHash();
        }
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
                turnout,
                head,
                outcome == null ? null : outcome.equals("CARRIED"),
                v.get(VOTE.ELECTORATE),
                v.get(VOTE.FINALISED_AT) == null
                        ? null
                        : v.get(VOTE.FINALISED_AT).toInstant(),
                v.get(VOTE.BALLOTS_DATASET),
                v.get(VOTE.OPENED_BY),
                v.get(VOTE.HELD_AT) == null ? null : v.get(VOTE.HELD_AT).toInstant(),
                v.get(VOTE.HELD_REASON) == null ? null : VoteInfo.HoldReason.valueOf(v.get(VOTE.HELD_REASON)),
                ballots.signedCount(v, turnout).orElse(null));
    }
}
