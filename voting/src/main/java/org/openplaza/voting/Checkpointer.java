package org.openplaza.voting;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Signs checkpoints of ballot chains with the ballot-box key, and checks those a vote carries. */
@Component
class Checkpointer {

    private final BallotRepository repository;
    private final BallotBoxKey key;
    private final Clock clock;
    /** The most ballots signed per vote by this portal since it started. */
    private final Map<Long, Integer> signed = new ConcurrentHashMap<>();

    private final CheckpointLog log;

    Checkpointer(BallotRepository repository, BallotBoxKey key, Clock clock, CheckpointLog log) {
        this.log = log;
        this.repository = repository;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Signs and keeps a checkpoint of this head with the citizens who have voted so far, unless it
     * is empty or fewer than {@code batch} ballots came since the last one this portal signed.
     */
    void sign(long voteId, ChainHeads.Head head, int batch) {
        int last = signed.computeIfAbsent(
                voteId,
                id -> repository.lastCheckpoint(id).map(Checkpoint::ballots).orElse(0));
        if (head.ballots() == 0 || head.ballots() - last < Math.max(1, batch)) {
            return;
        }
        int voters = repository.turnout(voteId);
        String text = Checkpoint.text(voteId, head.ballots(), voters, head.hash());
        Checkpoint checkpoint =
                new Checkpoint(voteId, head.ballots(), voters, head.hash(), clock.instant(), key.sign(text));
        repository.addCheckpoint(checkpoint);
        log.append(checkpoint);
        signed.merge(voteId, head.ballots(), Math::max);
    }

    /** Signs the counted choices of a vote, sorted as kept and published, with its box's size and root. */
    SignedCount signCount(long voteId, List<String> sortedChoices, int boxBallots, String boxRoot) {
        String hash = SignedCount.choicesHash(sortedChoices);
        return new SignedCount(
                voteId,
                sortedChoices.size(),
                hash,
                boxBallots,
                boxRoot,
                key.sign(SignedCount.text(voteId, sortedChoices.size(), hash, boxBallots, boxRoot)));
    }

    boolean verifies(String text, String signature) {
        return key.verifies(text, signature);
    }

    /**
     * A vote's checkpoints as kept in the database and in the log outside it, and whether the
     * ballot-box key signed every one of them.
     */
    record Kept(List<Checkpoint> checkpoints, boolean allSigned) {}

    Kept kept(long voteId) {
        Map<String, Checkpoint> all = new java.util.LinkedHashMap<>();
        for (Checkpoint c : repository.checkpoints(voteId)) {
            all.putIfAbsent(c.ballots() + " " + c.headHash() + " " + c.signature(), c);
        }
        for (Checkpoint c : log.read(voteId)) {
            all.putIfAbsent(c.ballots() + " " + c.headHash() + " " + c.signature(), c);
        }
        List<Checkpoint> checkpoints = all.values().stream()
                .sorted(java.util.Comparator.comparingInt(Checkpoint::ballots))
                .toList();
        boolean allSigned =
                checkpoints.stream().allMatch(c -> c.voteId() == voteId && key.verifies(c.text(), c.signature()));
        return new Kept(checkpoints, allSigned);
    }

    /** What a restart does to the portal's memory; for tests. */
    void forgetAll() {
        signed.clear();
    }

    String publicKey() {
        return key.publicKey();
    }
}
