package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints of ballot boxes while votes run. The portal signs, every minute, the head of
 * each running vote's chain as it appended it; the checkpoints are shown on the vote's page with
 * the public key, and the count checks them (see {@link CountService#finalise}).
 */
@Service
public class CheckpointService {

    private final BallotRepository repository;
    private final ChainHeads heads;
    private final Checkpointer checkpointer;
    private final Clock clock;

    private final VotingProperties properties;

    CheckpointService(
            BallotRepository repository,
            ChainHeads heads,
            Checkpointer checkpointer,
            Clock clock,
            VotingProperties properties) {
        this.properties = properties;
        this.repository = repository;
        this.heads = heads;
        this.checkpointer = checkpointer;
        this.clock = clock;
    }

    /**
     * Signs a checkpoint of every uncounted vote whose chain grew by a batch of ballots since its
     * last one ({@link VotingProperties#turnoutBatch()}); run by the portal every minute. What the
     * public sees of a running vote, its turnout and head, moves only here.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void signRunningVotes() {
        for (long voteId : repository.uncounted(clock.instant())) {
            if (heads.get(voteId).isEmpty()) {
                continue; // no ballot since this portal started: nothing it can vouch for
            }
            repository
                    .vote(voteId)
                    .flatMap(vote -> heads.current(voteId, repository, vote.get(VOTE.BALLOT_COUNT)))
                    .ifPresent(head -> checkpointer.sign(voteId, head, properties.turnoutBatch()));
        }
    }

    /** A vote's signed checkpoints, fewest ballots first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Checkpoint> checkpoints(long voteId) {
        return repository.checkpoints(voteId);
    }

    /** A vote's checkpoint of the most ballots, if any. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Optional<Checkpoint> lastCheckpoint(long voteId) {
        return repository.lastCheckpoint(voteId);
    }

    /** Whether the ballot-box key signed this text (a checkpoint's or a count's). */
    @PreAuthorize("permitAll()")
    public boolean verifies(String text, String signature) {
        return checkpointer.verifies(text, signature);
    }

    /** The public half of the ballot-box key (Ed25519, X.509, Base64), for checking checkpoints. */
    @PreAuthorize("permitAll()")
    public String publicKey() {
        return checkpointer.publicKey();
    }
}
