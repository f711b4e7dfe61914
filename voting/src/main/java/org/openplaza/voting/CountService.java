package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counting closed votes from their ballot chain: verifying it, the results with the vote's rules,
 * counting once and moving the proposal, and the ballots as they are published, with the lookup of
 * a receipt. Nothing here answers before a vote has closed, and nothing for a cancelled vote.
 */
@Service
public class CountService {

    /** Ballots read between two reports of progress. */
    private static final int PAGE = 10_000;

    private final BallotQuery query;
    private final ProposalService proposals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Checkpointer checkpointer;
    private final ChainHeads heads;

    private List<String> labels(long voteId) {
        return query.optionList(voteId).stream().map(VoteSpec.Option::label).toList();
    }

    CountService(
            BallotQuery query,
            ProposalService proposals,
            ApplicationEventPublisher events,
            Clock clock,
            Checkpointer checkpointer,
            ChainHeads heads) {
        this.query = query;
        this.proposals = proposals;
        this.events = events;
        this.clock = clock;
        this.checkpointer = checkpointer;
        this.heads = heads;
    }

    /** Told how far a long count has come. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void at(long done, long total);
    }

    /**
     * What one pass over the chain found: its check, the ballots that count, the position where the
     * chain misses a checkpoint (null if none), and the most ballots a checkpoint vouches for.
     */
    private record Pass(
            ChainCheck check,
            List<int[]> counted,
            boolean checkpointsSigned,
            @Nullable Integer missedCheckpoint,
            int vouched) {}

    /**
     * Reads the chain page by page, recomputing each hash, and keeps the ballots that count (not
     * replaced by a later ballot of their voter). Any edited, removed or inserted ballot breaks the
     * chain at its position. The chain must also pass through every signed checkpoint of the vote:
     * a box rewritten with every hash recomputed misses them.
     */
    private Pass scan(Record vote, int options, boolean collect, Progress progress) {
        long voteId = vote.get(VOTE.ID);
        Checkpointer.Kept kept = checkpointer.kept(voteId);
        java.util.Map<Integer, String> checkpointHeads = new java.util.HashMap<>();
        kept.checkpoints().forEach(c -> checkpointHeads.put(c.ballots(), c.headHash()));
        Integer missed = null;
        String head = vote.get(VOTE.HEAD_HASH);
        int total = vote.get(VOTE.BALLOT_COUNT);
        String previous = BallotChain.GENESIS;
        int expected = 1;
        Integer bad = null;
        List<int[]> ballots = new java.util.ArrayList<>(collect ? total : 0);
        java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        java.util.BitSet replaced = new java.util.BitSet();
        boolean changes = vote.get(VOTE.ALLOW_CHANGE);
        int read = 0;
        try (var cursor = query.chainCursor(voteId, PAGE)) {
            for (var ballot : cursor) {
                if (bad == null) {
                    String hash = BallotChain.hash(
                            voteId,
                            ballot.getPosition(),
                            ballot.getReceipt(),
                            ballot.getChoices(),
                            ballot.getCastOn(),
                            ballot.getReplaces(),
                            ballot.getReplaceCheck(),
                            previous);
                    if (ballot.getPosition() != expected
                            || !ballot.getPreviousHash().equals(previous)
                            || !ballot.getHash().equals(hash)) {
                        bad = ballot.getPosition();
                    } else {
                        String vouched = checkpointHeads.get(ballot.getPosition());
                        if (missed == null && vouched != null && !vouched.equals(hash)) {
                            missed = ballot.getPosition();
                        }
                        previous = hash;
                        expected++;
                    }
                }
                if (collect) {
                    int index = ballots.size();
                    int[] choices;
                    try {
                        choices = Tally.parse(ballot.getChoices(), options);
                    } catch (IllegalArgumentException e) {
                        choices = null; // only a tampered row can hold this; the chain check says so
                    }
                    ballots.add(choices);
                    if (changes) {
                        positions.put(ballot.getReceipt(), index);
                        Integer old = ballot.getReplaces() == null ? null : positions.get(ballot.getReplaces());
                        if (old != null) {
                            replaced.set(old);
                        }
                    }
                }
                if (++read % PAGE == 0) {
                    progress.at(read, Math.max(total, read));
                }
            }
        }
        progress.at(read, Math.max(total, read));
        if (bad == null && (expected - 1 != total || !previous.equals(head == null ? BallotChain.GENESIS : head))) {
            bad = expected;
        }
        List<int[]> counted = new java.util.ArrayList<>(ballots.size());
        for (int i = 0; i < ballots.size(); i++) {
            if (!replaced.get(i) && ballots.get(i) != null) {
                counted.add(ballots.get(i));
            }
        }
        int vouched =
                kept.checkpoints().stream().mapToInt(Checkpoint::ballots).max().orElse(0);
        if (missed == null && vouched > read) {
            missed = vouched; // ballots a checkpoint vouched for are gone
        }
        return new Pass(
                new ChainCheck(
                        bad == null, expected - 1, bad, head, kept.checkpoints().size(), checkpointer.publicKey()),
                counted,
                kept.allSigned(),
                missed,
                vouched);
    }

    /** Recomputes the vote's chain from its first ballot; any edited, removed or inserted ballot breaks it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ChainCheck verify(long voteId) {
        Record vote = query.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        return scan(vote, query.optionList(voteId).size(), false, Progress.NONE).check();
    }

    /**
     * The count of a vote once it has closed. While it is open nothing but the turnout is given
     * out, so no partial result leaks through this or any screen, export or API built on it; a
     * cancelled vote is never counted.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Results results(long voteId) {
        return results(voteId, Progress.NONE);
    }

    /** The same, telling how many ballots have been read. Refused for a vote held for investigation. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Results results(long voteId, Progress progress) {
        Record vote = requireCountable(voteId);
        return count(vote, progress).results();
    }

    /** Closed, and not held for investigation. */
    private Record requireCountable(long voteId) {
        Record vote = VoteWindow.requireClosed(query, voteId, clock.instant());
        if (vote.get(VOTE.HELD_AT) != null) {
            throw new VotingException("vote.error.held");
        }
        return vote;
    }

    private record Counted(Pass pass, Results results) {}

    private Counted count(Record vote, Progress progress) {
        long voteId = vote.get(VOTE.ID);
        Method method = Method.valueOf(vote.get(VOTE.METHOD));
        List<VoteSpec.Option> options = query.optionList(voteId);
        List<String> labels = options.stream().map(VoteSpec.Option::label).toList();
        Pass pass = scan(vote, options.size(), true, progress);
        Tally.Count count = Tally.count(
                method,
                labels,
                options.stream().map(VoteSpec.Option::cost).toList(),
                vote.get(VOTE.BUDGET),
                pass.counted());
        Integer electorate = vote.get(VOTE.ELECTORATE);
        return new Counted(
                pass,
                Results.decide(
                        voteId,
                        method,
                        labels,
                        query.turnout(voteId),
                        pass.counted().size(),
                        count,
                        electorate != null ? electorate : query.electorate(voteId),
                        new VoteSpec.Rules(vote.get(VOTE.QUORUM_PERCENT), vote.get(VOTE.THRESHOLD_PERCENT)),
                        pass.check()));
    }

    /**
     * Why a count may not become a result, in the words of the audit log; null when it may. The
     * chain must recompute from its first ballot to the head kept with the vote; every checkpoint
     * must be signed by the ballot-box key, and the chain must pass through each of them and end
     * at one; and the ballots that count must be exactly as many as the citizens in the
     * participation register: one each.
     */
    private static @Nullable Hold hold(Pass pass, Results results) {
        ChainCheck chain = results.chain();
        if (!chain.intact()) {
            return new Hold(
                    "CHAIN_BROKEN",
                    "the ballot chain is broken at ballot " + chain.firstBadPosition() + " of " + chain.ballots());
        }
        if (!pass.checkpointsSigned()) {
            return new Hold("CHECKPOINT_FORGED", "a checkpoint is not signed by the ballot-box key");
        }
        if (pass.missedCheckpoint() != null) {
            return new Hold(
                    "CHECKPOINT_MISSED",
                    "the ballot chain does not pass through the signed checkpoint at ballot "
                            + pass.missedCheckpoint());
        }
        if (chain.ballots() > 0 && pass.vouched() != chain.ballots()) {
            return new Hold(
                    "CHECKPOINT_MISSED",
                    "no signed checkpoint vouches for the last ballots: the last is at ballot " + pass.vouched()
                            + " of " + chain.ballots());
        }
        if (results.ballots() != results.turnout()) {
            return new Hold(
                    "BALLOTS_AND_VOTERS_DIFFER",
                    results.ballots() + " ballots would count for " + results.turnout()
                            + " citizens in the participation register");
        }
        return null;
    }

    private record Hold(String reason, String detail) {}

    /** A ballot as published once its vote has closed. */
    public record PublishedBallot(
            int position,
            String receipt,
            String choices,
            List<String> labels,
            LocalDate castOn,
            @Nullable String replaces,
            @Nullable String replaceCheck,
            String previousHash,
            String hash,
            boolean counted) {}

    /**
     * Every ballot of a closed vote in chain order, for publication: receipt, choices, day and the
     * hashes, never a voter. Refused while the vote is open or if it was cancelled.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public void publishedBallots(long voteId, java.util.function.Consumer<PublishedBallot> out) {
        requireCountable(voteId);
        List<String> labels = labels(voteId);
        java.util.Set<String> replaced = new java.util.HashSet<>(query.replacedReceipts(voteId));
        try (var cursor = query.chainCursor(voteId, PAGE)) {
            for (var b : cursor) {
                List<String> names;
                try {
                    names = java.util.Arrays.stream(Tally.parse(b.getChoices(), labels.size()))
                            .mapToObj(labels::get)
                            .toList();
                } catch (IllegalArgumentException e) {
                    names = List.of();
                }
                out.accept(new PublishedBallot(
                        b.getPosition(),
                        b.getReceipt(),
                        b.getChoices(),
                        names,
                        b.getCastOn(),
                        b.getReplaces(),
                        b.getReplaceCheck(),
                        b.getPreviousHash(),
                        b.getHash(),
                        !replaced.contains(b.getReceipt())));
            }
        }
    }

    /** The ballot with this receipt, once its vote has closed; empty when there is none. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Optional<PublishedBallot> lookUp(long voteId, String receipt) {
        requireCountable(voteId);
        String code = receipt == null
                ? ""
                : receipt.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        List<String> labels = labels(voteId);
        return query.ballot(voteId, code)
                .map(b -> new PublishedBallot(
                        b.getPosition(),
                        b.getReceipt(),
                        b.getChoices(),
                        java.util.Arrays.stream(Tally.parse(b.getChoices(), labels.size()))
                                .mapToObj(labels::get)
                                .toList(),
                        b.getCastOn(),
                        b.getReplaces(),
                        b.getReplaceCheck(),
                        b.getPreviousHash(),
                        b.getHash(),
                        query.replacedBy(voteId, b.getReceipt()).isEmpty()));
    }

    /**
     * Counts a closed vote once and keeps its outcome and electorate; a vote on a proposal moves
     * the proposal to adopted or rejected. Returns the results, or empty when it was finalised
     * already or is held. A count whose chain is broken, or whose counted ballots are not one per
     * citizen in the participation register, never becomes a result: the vote is held for
     * investigation, the audit log records why, and the administrators and the official who opened
     * the vote are alerted (once). Run by the portal as the official who opened the vote.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public java.util.Optional<Results> finalise(long voteId, Progress progress) {
        Record vote = VoteWindow.requireClosed(query, voteId, clock.instant());
        if (vote.get(VOTE.FINALISED_AT) != null || vote.get(VOTE.HELD_AT) != null) {
            return java.util.Optional.empty();
        }
        signClosingCheckpoint(vote);
        Counted counted = count(vote, progress);
        Results results = counted.results();
        Hold hold = hold(counted.pass(), results);
        if (hold != null) {
            if (query.hold(voteId, hold.reason(), clock.instant())) {
                query.alertHeld(voteId, vote.get(VOTE.OPENED_BY), hold.reason(), clock.instant());
                events.publishEvent(
                        Audited.byCurrentUser("VOTE_COUNT_HELD", "vote", String.valueOf(voteId), hold.detail()));
            }
            return java.util.Optional.empty();
        }
        if (!query.finalise(voteId, results.carried(), results.electorate(), clock.instant())) {
            return java.util.Optional.empty();
        }
        heads.forget(voteId);
        Long proposal = vote.get(VOTE.PROPOSAL_ID);
        if (proposal != null && query.proposalStatus(proposal).orElse("").equals(ProposalStatus.SCHEDULED.name())) {
            proposals.recordResult(
                    proposal,
                    results.carried(),
                    "Vote " + voteId + ": " + results.turnout() + " voted"
                            + (results.leading() == null ? "" : "; leading: " + results.leading()));
        }
        events.publishEvent(Audited.byCurrentUser(
                "VOTE_COUNTED",
                "vote",
                String.valueOf(voteId),
                (results.carried() ? "CARRIED" : "NOT_CARRIED") + ", head "
                        + results.chain().headHash()));
        return java.util.Optional.of(results);
    }

    /**
     * The closing checkpoint: the head this portal appended last, brought forward over ballots that
     * recompute from it. After a restart the portal has none, and signs the stored head only if
     * the stored chain recomputes and passes through every earlier checkpoint; ballots cast after
     * the last checkpoint before a restart are vouched for by the chain alone.
     */
    private void signClosingCheckpoint(Record vote) {
        long voteId = vote.get(VOTE.ID);
        int stored = vote.get(VOTE.BALLOT_COUNT);
        java.util.Optional<ChainHeads.Head> ours = heads.current(voteId, query, stored);
        if (ours.isPresent()) {
            checkpointer.sign(voteId, ours.get());
            return;
        }
        if (stored == 0) {
            return;
        }
        Pass pass = scan(vote, query.optionList(voteId).size(), false, Progress.NONE);
        if (pass.check().intact() && pass.checkpointsSigned() && pass.missedCheckpoint() == null) {
            checkpointer.sign(
                    voteId,
                    new ChainHeads.Head(pass.check().ballots(), pass.check().headHash()));
        }
    }

    /** Names the catalogue dataset the vote's ballots were published in. */
    @PreAuthorize("hasRole('ADMIN') or hasRole('OFFICIAL')")
    @Transactional
    public void recordPublication(long voteId, String dataset) {
        VoteWindow.requireClosed(query, voteId, clock.instant());
        query.setBallotsDataset(voteId, dataset);
    }
}
