package org.openplaza.voting;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The head of each vote's ballot chain as this running portal appended it. The running portal is
 * trusted while a vote is open and the database is not: a ballot is chained to this head, never to
 * the head stored in the database, and checkpoints sign it. A change made to the box behind the
 * portal's back therefore breaks the chain at the next ballot or misses the next checkpoint. After
 * a restart a vote's head is learnt again from the database at its next ballot.
 */
@Component
class ChainHeads {

    /** How many ballots the chain holds and the hash of the last. */
    record Head(int ballots, String hash) {}

    private final Map<Long, Head> heads = new ConcurrentHashMap<>();

    Optional<Head> get(long voteId) {
        return Optional.ofNullable(heads.get(voteId));
    }

    /** Called once a ballot's transaction has committed; commits of one vote may report out of order. */
    void advance(long voteId, Head head) {
        heads.merge(voteId, head, (known, next) -> next.ballots() > known.ballots() ? next : known);
    }

    /**
     * The head a new ballot chains to, given the database's count and head: ours, brought forward
     * over ballots committed since we last heard of them (their commits may report late) as long
     * as each of them recomputes from ours. Any other difference is a change behind the portal's
     * back, and ours stands, so the chain breaks where it was changed. Empty after a restart.
     */
    Optional<Head> current(long voteId, BallotRepository query, int storedBallots) {
        Head ours = heads.get(voteId);
        if (ours == null || ours.ballots() >= storedBallots) {
            return Optional.ofNullable(ours);
        }
        String previous = ours.hash();
        int ballots = ours.ballots();
        for (var b : query.ballotsAfter(voteId, ours.ballots())) {
            String hash = BallotChain.hash(voteId, b.getPosition(), b, previous);
            if (b.getPosition() != ballots + 1
                    || !b.getPreviousHash().equals(previous)
                    || !b.getHash().equals(hash)) {
                return Optional.of(ours);
            }
            previous = hash;
            ballots++;
        }
        return Optional.of(new Head(ballots, previous));
    }

    Map<Long, Head> all() {
        return Map.copyOf(heads);
    }

    void forget(long voteId) {
        heads.remove(voteId);
    }

    /** What a restart does to the portal's memory; for tests. */
    void forgetAll() {
        heads.clear();
    }
}
