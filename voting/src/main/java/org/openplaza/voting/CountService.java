package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.AuditDetail;
import org.openplaza.audit.Audited;
import org.openplaza.db.voting.tables.records.BallotRecord;
import org.openplaza.proposals.ProposalStatus;
import org.openplaza.proposals.VoteOnProposalCounted;
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

    private final BallotRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Checkpointer checkpointer;
    private final ChainHeads heads;
    private final BallotSeals seals;

    private List<String> labels(long voteId) {
        return repository.optionList(voteId).stream()
                .map(VoteSpec.Option::label)
                .toList();
    }

    CountService(
            BallotRepository repository,
            ApplicationEventPublisher events,
            Clock clock,
            Checkpointer checkpointer,
            ChainHeads heads,
            BallotSeals seals) {
        this.seals = seals;
        this.repository = repository;
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
     * What one pass over the chain found: its check, the opened choices of the ballots that count,
     * how many ballots would not open, the position where the chain misses a checkpoint (null if
     * none), and the most ballots a checkpoint vouches for.
     */
    private record Pass(
            ChainCheck check,
            List<String> counted,
            int unreadable,
            String boxRoot,
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
        String head = vote.get(VOTE.HEAD_HASH);
        int total = vote.get(VOTE.BALLOT_COUNT);
        ChainWalk walk = new ChainWalk(voteId, kept);
        Opened opened = new Opened(voteId, options, vote.get(VOTE.ALLOW_CHANGE), collect ? total : 0);
        MerkleTree.Builder tree = new MerkleTree.Builder();
        int read = 0;
        try (var cursor = repository.chainCursor(voteId, PAGE)) {
            for (BallotRecord ballot : cursor) {
                walk.check(ballot);
                tree.add(ballot.getHash());
                if (collect) {
                    opened.add(ballot);
                }
                if (++read % PAGE == 0) {
                    progress.at(read, Math.max(total, read));
                }
            }
        }
        progress.at(read, Math.max(total, read));
        walk.end(total, head);
        int vouched =
                kept.checkpoints().stream().mapToInt(Checkpoint::ballots).max().orElse(0);
        if (walk.missed == null && vouched > read) {
            walk.missed = vouched; // ballots a checkpoint vouched for are gone
        }
        return new Pass(
                new ChainCheck(
                        walk.bad == null,
                        walk.expected - 1,
                        walk.bad,
                        head,
                        kept.checkpoints().size(),
                        checkpointer.publicKey()),
                opened.counted(),
                opened.unreadable,
                tree.root(),
                kept.allSigned(),
                walk.missed,
                vouched);
    }

    /**
     * The chain checked link by link: each ballot's position, its link to the one before and its
     * own hash recomputed; the first ballot that fails is bad, and the first whose hash differs
     * from what a checkpoint signed for its position is missed.
     */
    private static final class ChainWalk {
        private final long voteId;
        private final java.util.Map<Integer, String> checkpointHeads = new java.util.HashMap<>();
        private String previous = BallotChain.GENESIS;
        int expected = 1;

        @Nullable
        Integer bad;

        @Nullable
        Integer missed;

        ChainWalk(long voteId, Checkpointer.Kept kept) {
            this.voteId = voteId;
            kept.checkpoints().forEach(c -> checkpointHeads.put(c.ballots(), c.headHash()));
        }

        void check(BallotRecord ballot) {
            if (bad != null) {
                return;
            }
            String hash = BallotChain.hash(voteId, ballot.getPosition(), ballot, previous);
            if (ballot.getPosition() != expected
                    || !ballot.getPreviousHash().equals(previous)
                    || !ballot.getHash().equals(hash)) {
                bad = ballot.getPosition();
                return;
            }
            String vouched = checkpointHeads.get(ballot.getPosition());
            if (missed == null && vouched != null && !vouched.equals(hash)) {
                missed = ballot.getPosition();
            }
            previous = hash;
            expected++;
        }

        /** After the last ballot: the chain must hold as many as the vote counted and end at its head. */
        void end(int total, @Nullable String head) {
            if (bad == null && (expected - 1 != total || !previous.equals(head == null ? BallotChain.GENESIS : head))) {
                bad = expected;
            }
        }
    }

    /**
     * The ballots opened in the chain's order; one that cannot be opened or read is unreadable,
     * and a changed ballot's earlier versions are replaced by its last.
     */
    private final class Opened {
        private final long voteId;
        private final int options;
        private final boolean changes;
        private final List<String> ballots;
        private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        private final java.util.BitSet replaced = new java.util.BitSet();
        int unreadable;

        Opened(long voteId, int options, boolean changes, int expected) {
            this.voteId = voteId;
            this.options = options;
            this.changes = changes;
            this.ballots = new java.util.ArrayList<>(expected);
        }

        void add(BallotRecord ballot) {
            int index = ballots.size();
            String choices;
            try {
                choices = seals.open(voteId, ballot.getReceipt(), ballot.getChoices());
                Tally.parse(choices, options);
            } catch (BallotSeals.Unreadable | IllegalArgumentException e) {
                choices = null; // its key is gone, or the row was tampered with
                unreadable++;
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

        /** The readable ballots that no later one replaced. */
        List<String> counted() {
            List<String> counted = new java.util.ArrayList<>(ballots.size());
            for (int i = 0; i < ballots.size(); i++) {
                if (!replaced.get(i) && ballots.get(i) != null) {
                    counted.add(ballots.get(i));
                }
            }
            return counted;
        }
    }

    /** Recomputes the vote's chain from its first ballot; any edited, removed or inserted ballot breaks it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ChainCheck verify(long voteId) {
        Record vote = repository.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        return scan(vote, repository.optionList(voteId).size(), false, Progress.NONE)
                .check();
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

    /**
     * Refuses counted choices that are not those the portal signed at the count: altered, added or
     * removed in the database since. (Votes counted before counts were signed carry no signature.)
     */
    private void requireAsSigned(Record vote, List<String> kept) {
        String hash = vote.get(VOTE.COUNTED_HASH);
        String signature = vote.get(VOTE.COUNTED_SIGNATURE);
        String root = vote.get(VOTE.COUNTED_BOX_ROOT);
        if (hash == null && signature == null && root == null) {
            return;
        }
        if (hash == null
                || signature == null
                || root == null
                || !hash.equals(SignedCount.choicesHash(kept))
                || !checkpointer.verifies(
                        SignedCount.text(vote.get(VOTE.ID), kept.size(), hash, vote.get(VOTE.BALLOT_COUNT), root),
                        signature)) {
            throw new VotingException("vote.error.count-altered");
        }
    }

    /** Closed, and not held for investigation. */
    private Record requireCountable(long voteId) {
        Record vote = VoteWindow.requireClosed(repository, voteId, clock.instant());
        if (vote.get(VOTE.HELD_AT) != null) {
            throw new VotingException("vote.error.held");
        }
        return vote;
    }

    /** Closed, not held, and counted. */
    private Record requireCounted(long voteId) {
        Record vote = requireCountable(voteId);
        if (vote.get(VOTE.FINALISED_AT) == null) {
            throw new VotingException("vote.error.not-counted");
        }
        return vote;
    }

    private record Counted(Pass pass, Results results) {}

    /**
     * Counts a vote: before it is finalised, from its box, opening each ballot; afterwards from the
     * counted choices kept at the count, the box's chain being checked again all the same.
     */
    private Counted count(Record vote, Progress progress) {
        long voteId = vote.get(VOTE.ID);
        Method method = Method.valueOf(vote.get(VOTE.METHOD));
        List<VoteSpec.Option> options = repository.optionList(voteId);
        List<String> labels = options.stream().map(VoteSpec.Option::label).toList();
        boolean finalised = vote.get(VOTE.FINALISED_AT) != null;
        Pass pass = scan(vote, options.size(), !finalised, progress);
        List<String> choices = finalised ? repository.counted(voteId) : pass.counted();
        if (finalised) {
            requireAsSigned(vote, choices);
        }
        List<int[]> parsed = new java.util.ArrayList<>(choices.size());
        for (String c : choices) {
            parsed.add(Tally.parse(c, options.size()));
        }
        Tally.Count count = Tally.count(
                method, labels, options.stream().map(VoteSpec.Option::cost).toList(), vote.get(VOTE.BUDGET), parsed);
        Integer electorate = vote.get(VOTE.ELECTORATE);
        return new Counted(
                pass,
                Results.decide(
                        voteId,
                        method,
                        labels,
                        repository.turnout(voteId),
                        choices.size(),
                        count,
                        electorate != null ? electorate : repository.electorate(voteId),
                        new VoteSpec.Rules(vote.get(VOTE.QUORUM_PERCENT), vote.get(VOTE.THRESHOLD_PERCENT)),
                        pass.check()));
    }

    /**
     * Why a count may not become a result, with the audit log's detail (a message key with its
     * figures, read in each administrator's language); null when it may. The
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
                    AuditDetail.of("vote-held-chain-broken", chain.firstBadPosition(), chain.ballots()));
        }
        if (!pass.checkpointsSigned()) {
            return new Hold("CHECKPOINT_FORGED", AuditDetail.of("vote-held-checkpoint-forged"));
        }
        if (pass.missedCheckpoint() != null) {
            return new Hold(
                    "CHECKPOINT_MISSED", AuditDetail.of("vote-held-checkpoint-missed", pass.missedCheckpoint()));
        }
        if (chain.ballots() > 0 && pass.vouched() != chain.ballots()) {
            return new Hold(
                    "CHECKPOINT_MISSED", AuditDetail.of("vote-held-last-unvouched", pass.vouched(), chain.ballots()));
        }
        if (pass.unreadable() > 0) {
            return new Hold("BALLOTS_UNREADABLE", AuditDetail.of("vote-held-unreadable", pass.unreadable()));
        }
        if (results.ballots() != results.turnout()) {
            return new Hold(
                    "BALLOTS_AND_VOTERS_DIFFER",
                    AuditDetail.of("vote-held-ballots-differ", results.ballots(), results.turnout()));
        }
        return null;
    }

    private record Hold(String reason, String detail) {}

    /** A counted ballot as published: its choices, by number and by label, and nothing else. */
    public record PublishedBallot(String choices, List<String> labels) {}

    /**
     * The counted ballots of a counted vote, for publication: only their choices, in the order of
     * the choices themselves, so that nothing published says who cast which, when, or in what
     * order, or that a ballot replaced another. Refused before the vote is counted.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public void publishedBallots(long voteId, java.util.function.Consumer<PublishedBallot> out) {
        Record vote = requireCounted(voteId);
        List<String> labels = labels(voteId);
        List<String> kept = repository.counted(voteId);
        requireAsSigned(vote, kept);
        for (String choices : kept) {
            out.accept(new PublishedBallot(
                    choices,
                    java.util.Arrays.stream(Tally.parse(choices, labels.size()))
                            .mapToObj(labels::get)
                            .toList()));
        }
    }

    /**
     * What a receipt shows once its vote is counted: that the box the portal signed at the count
     * holds a ballot under it, with everything needed to check that without trusting the portal:
     * the ballot's row as stored (its choices sealed), from which its chain hash is recomputed
     * ({@link BallotChain#hash}), the audit path from that hash to the box's Merkle root, and the
     * signed count naming the root. Nothing in it says how the ballot was cast, nor whether its
     * voter later changed it: a voter keeps their first receipt, and this is its ballot.
     */
    public record Inclusion(
            String receipt,
            int position,
            String sealedChoices,
            LocalDate castOn,
            @Nullable String replaces,
            @Nullable String replaceCheck,
            String previousHash,
            String ballotHash,
            List<String> path,
            @Nullable SignedCount count) {}

    /** The inclusion of the ballot under this receipt in a counted vote's box; empty when there is none. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Optional<Inclusion> lookUp(long voteId, String receipt) {
        Record vote = requireCounted(voteId);
        String code = receipt == null
                ? ""
                : receipt.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        return repository
                .ballot(voteId, code)
                .map(b -> new Inclusion(
                        b.getReceipt(),
                        b.getPosition(),
                        b.getChoices(),
                        b.getCastOn(),
                        b.getReplaces(),
                        b.getReplaceCheck(),
                        b.getPreviousHash(),
                        b.getHash(),
                        MerkleTree.path(repository.chainHashes(voteId), b.getPosition() - 1),
                        repository.signedCount(vote, repository.turnout(voteId)).orElse(null)));
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
        VoteWindow.requireClosed(repository, voteId, clock.instant());
        // one count at a time, whichever node of a cluster starts it: another waits here, then
        // finds the vote finalised (or held) and counts nothing
        Record vote = repository.lockVote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        if (vote.get(VOTE.FINALISED_AT) != null || vote.get(VOTE.HELD_AT) != null) {
            return java.util.Optional.empty();
        }
        signClosingCheckpoint(vote);
        Counted counted = count(vote, progress);
        Results results = counted.results();
        Hold hold = hold(counted.pass(), results);
        if (hold != null) {
            if (repository.hold(voteId, hold.reason(), clock.instant())) {
                repository.alertHeld(voteId, vote.get(VOTE.OPENED_BY), hold.reason(), clock.instant());
                events.publishEvent(
                        Audited.byCurrentUser("VOTE_COUNT_HELD", "vote", String.valueOf(voteId), hold.detail()));
            }
            return java.util.Optional.empty();
        }
        if (!repository.finalise(voteId, results.carried(), results.electorate(), clock.instant())) {
            return java.util.Optional.empty();
        }
        List<String> opened = new java.util.ArrayList<>(counted.pass().counted());
        java.util.Collections.sort(opened);
        repository.keepCounted(voteId, opened);
        SignedCount signed = checkpointer.signCount(
                voteId, opened, counted.pass().check().ballots(), counted.pass().boxRoot());
        repository.signCount(voteId, signed.choicesHash(), signed.boxRoot(), signed.signature());
        heads.forget(voteId);
        // every other node of a cluster that sealed ballots of the vote forgets its copy of the key
        events.publishEvent(new org.openplaza.platform.Change(BallotSeals.KEY_DESTROYED, Long.toString(voteId)));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        seals.destroy(voteId);
                    }
                });
        Long proposal = vote.get(VOTE.PROPOSAL_ID);
        if (proposal != null
                && repository.proposalStatus(proposal).orElse("").equals(ProposalStatus.SCHEDULED.name())) {
            // the vote's id, not a sentence: the proposal's page says it in the reader's language
            events.publishEvent(new VoteOnProposalCounted(proposal, voteId));
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
        java.util.Optional<ChainHeads.Head> ours = heads.current(voteId, repository, stored);
        if (ours.isPresent()) {
            checkpointer.sign(voteId, ours.get(), 1);
            return;
        }
        if (stored == 0) {
            return;
        }
        Pass pass = scan(vote, repository.optionList(voteId).size(), false, Progress.NONE);
        if (pass.check().intact() && pass.checkpointsSigned() && pass.missedCheckpoint() == null) {
            checkpointer.sign(
                    voteId,
                    new ChainHeads.Head(pass.check().ballots(), pass.check().headHash()),
                    1);
        }
    }

    /**
     * Destroys the seal keys of votes that were counted or cancelled: left behind when the portal
     * stopped between the count's commit and the key's destruction. Run by the portal every minute;
     * returns the votes whose keys it destroyed.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Long> destroySpentKeys() {
        List<Long> destroyed = new java.util.ArrayList<>();
        for (long voteId : seals.keyedVotes()) {
            boolean spent = repository
                    .vote(voteId)
                    .map(v -> v.get(VOTE.FINALISED_AT) != null || v.get(VOTE.CANCELLED))
                    .orElse(false);
            if (spent) {
                seals.destroy(voteId);
                destroyed.add(voteId);
            }
        }
        return destroyed;
    }

    /** Whether the signed-in user may have a held count made again: administrators only. */
    @PreAuthorize("permitAll()")
    public boolean mayCountAgain() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return auth != null
                && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }

    /**
     * An administrator, once the investigation of a held count is over (the box restored from a
     * backup, say), has the vote counted again, giving a reason, which the audit log records with
     * the reason it was held. The portal's counting job then counts it with every check; if they
     * still fail it is held again and everyone is alerted again.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void countAgain(long voteId, String reason) {
        String clean = VoteService.reason(reason);
        if (clean.length() > 1900) {
            throw VotingException.on("reason", "vote.error.reason"); // the audit entry holds it with the hold's reason
        }
        Record vote = repository.lockVote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        String held = vote.get(VOTE.HELD_REASON);
        if (held == null || !repository.release(voteId)) {
            throw new VotingException("vote.error.not-held");
        }
        events.publishEvent(Audited.byCurrentUser(
                "VOTE_COUNT_RELEASED",
                "vote",
                String.valueOf(voteId),
                org.openplaza.audit.AuditDetail.of(
                        "vote-count-released", org.openplaza.audit.AuditDetail.term("results.held." + held), clean)));
    }

    /** Names the catalogue dataset the vote's ballots were published in. */
    @PreAuthorize("hasRole('ADMIN') or hasRole('OFFICIAL')")
    @Transactional
    public void recordPublication(long voteId, String dataset) {
        VoteWindow.requireClosed(repository, voteId, clock.instant());
        repository.setBallotsDataset(voteId, dataset);
    }
}
