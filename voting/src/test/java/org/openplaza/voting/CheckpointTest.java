package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.CHECKPOINT;
import static org.openplaza.db.voting.Tables.COUNTED_BALLOT;
import static org.openplaza.db.voting.Tables.VOTE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.openplaza.db.voting.tables.records.BallotRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The careful insider: with write access to the database they change a ballot's choices and then
 * recompute every hash of the chain and the head kept with the vote, so the chain alone looks
 * intact. The portal signs checkpoints of the chain while the vote runs with a key kept outside
 * the database, and chains new ballots to the head it appended itself; the count finds the
 * rewrite and holds the vote. Ballots here are committed, as in the running portal.
 */
@SpringBootTest
@Import(TestAccounts.Clocks.class)
class CheckpointTest {

    @Autowired
    BallotService ballots;

    @Autowired
    CountService counts;

    @Autowired
    VoteService votes;

    @Autowired
    CheckpointService checkpoints;

    @Autowired
    ChainHeads heads;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    DSLContext db;

    @Autowired
    TestAccounts.HandClock clock;

    @Autowired
    BallotSeals seals;

    @Value("${openplaza.votes.key-file}")
    String keyFile;

    final String tag = Long.toString(System.nanoTime(), 36);
    final Instant opens = Instant.parse("2026-06-01T08:00:00Z");
    final Instant closes = Instant.parse("2026-06-08T08:00:00Z");
    long vote;

    @BeforeEach
    void aRunningVote() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        TestAccounts.user(db, "official" + tag, true);
        for (String name : List.of("kim", "lee", "park", "choi")) {
            TestAccounts.user(db, name + tag, true);
        }
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        vote = votes.open(VoteSpec.yesNo(null, "Open the school yards at weekends?", false, opens, closes));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void castAs(String name, Integer choice) {
        TestAccounts.signIn(name + tag, "CITIZEN");
        ballots.cast(vote, List.of(choice));
    }

    /** Kim votes yes, then Lee and Park no. */
    private void oneYesTwoNo() {
        castAs("kim", 1);
        castAs("lee", 2);
        castAs("park", 2);
    }

    private void signCheckpoints() {
        TestAccounts.signIn("openplaza", "ADMIN");
        checkpoints.signRunningVotes();
    }

    /**
     * The rewrite: every "No" becomes "Yes", sealed again as if the insider held the vote's seal key
     * too, then every hash and the head are recomputed.
     */
    private void rewriteNoToYesAndRehash() {
        Insider.rewrite(db, vote, b -> {
            BallotRecord copy = b.copy();
            copy.setChoices(
                    seals.open(vote, b.getReceipt(), b.getChoices()).equals("2")
                            ? seals.seal(vote, b.getReceipt(), "1", 2)
                            : b.getChoices());
            return copy;
        });
        assertThat(counts.verify(vote).intact())
                .as("the chain alone looks intact")
                .isTrue();
    }

    private VoteInfo closeAndFinalise() {
        clock.set(closes);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        counts.finalise(vote, CountService.Progress.NONE);
        return votes.find(vote).orElseThrow();
    }

    @Test
    void an_untampered_box_passes_its_checkpoints_which_anyone_can_check_with_the_public_key() throws Exception {
        castAs("kim", 1);
        castAs("lee", 2);
        signCheckpoints();
        castAs("park", 2);
        VoteInfo counted = closeAndFinalise();
        assertThat(counted.finalisedAt()).isNotNull();
        assertThat(counted.heldAt()).isNull();
        List<Checkpoint> signed = checkpoints.checkpoints(vote);
        assertThat(signed).extracting(Checkpoint::ballots).containsExactly(2, 3);
        assertThat(counts.results(vote).chain().checkpoints()).isEqualTo(2);

        // checked from outside: the public key read from the key file, the signature over the text
        List<String> keyLines = Files.readAllLines(Path.of(keyFile), StandardCharsets.US_ASCII);
        assertThat(checkpoints.publicKey()).isEqualTo(keyLines.get(1));
        var publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(keyLines.get(1))));
        for (Checkpoint c : signed) {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(("OpenPlaza ballot box checkpoint;vote=" + vote + ";ballots=" + c.ballots() + ";voters="
                            + c.voters() + ";head=" + c.headHash())
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(Base64.getDecoder().decode(c.signature())))
                    .isTrue();
        }
        assertThat(signed.get(1).headHash()).isEqualTo(counted.headHash());
    }

    @Test
    void while_the_vote_runs_its_turnout_and_head_move_only_at_checkpoints_of_a_batch_of_ballots() {
        // the tests' batch is two ballots (openplaza.votes.turnout-batch)
        castAs("kim", 1);
        signCheckpoints();
        assertThat(checkpoints.checkpoints(vote))
                .as("one ballot is not a batch")
                .isEmpty();
        VoteInfo shown = votes.find(vote).orElseThrow();
        assertThat(shown.turnout())
                .as("a single ballot does not move the turnout")
                .isZero();
        assertThat(shown.headHash()).isNull();
        assertThat(ballots.turnout(vote)).isZero();
        castAs("lee", 2);
        signCheckpoints();
        shown = votes.find(vote).orElseThrow();
        assertThat(shown.turnout()).isEqualTo(2);
        assertThat(shown.headHash())
                .isEqualTo(checkpoints.checkpoints(vote).get(0).headHash());
        castAs("park", 2);
        signCheckpoints();
        shown = votes.find(vote).orElseThrow();
        assertThat(shown.turnout())
                .as("the third ballot waits for the next batch")
                .isEqualTo(2);
        assertThat(ballots.turnout(vote)).isEqualTo(2);
        VoteInfo counted = closeAndFinalise();
        assertThat(counted.turnout()).as("once closed, the whole turnout").isEqualTo(3);
        assertThat(checkpoints.checkpoints(vote))
                .extracting(Checkpoint::ballots, Checkpoint::voters)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 2), org.assertj.core.groups.Tuple.tuple(3, 3));
    }

    @Test
    void a_box_rewritten_with_every_hash_recomputed_misses_the_closing_checkpoint() {
        oneYesTwoNo();
        rewriteNoToYesAndRehash();
        VoteInfo held = closeAndFinalise();
        assertThat(held.heldReason()).isEqualTo(VoteInfo.HoldReason.CHECKPOINT_MISSED);
        assertThat(held.finalisedAt()).isNull();
        assertThat(held.carried()).isNull();
    }

    @Test
    void the_counted_ballots_are_signed_at_the_count_and_a_kept_ballot_altered_afterwards_is_refused()
            throws Exception {
        oneYesTwoNo();
        VoteInfo counted = closeAndFinalise();
        SignedCount signed = counted.signedCount();
        assertThat(signed).isNotNull();
        List<String> published = new ArrayList<>();
        counts.publishedBallots(vote, b -> published.add(b.choices()));
        assertThat(published).containsExactly("1", "2", "2");
        assertThat(signed.choicesHash()).isEqualTo(SignedCount.choicesHash(published));
        // checked from outside, with the public key read from the key file
        var publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                        .decode(Files.readAllLines(Path.of(keyFile), StandardCharsets.US_ASCII)
                                .get(1))));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        assertThat(signed.boxRoot())
                .as("the root of the box's Merkle tree over its chain hashes")
                .isEqualTo(MerkleTree.root(Insider.box(db, vote).stream()
                        .map(BallotRecord::getHash)
                        .toList()));
        verifier.update(("OpenPlaza count;vote=" + vote + ";ballots=3;choices-sha256=" + signed.choicesHash()
                        + ";box=3;box-root=" + signed.boxRoot())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signed.signature())))
                .isTrue();

        // an insider turns a kept "No" into "Yes" after the count
        List<String> kept = db.select(COUNTED_BALLOT.CHOICES)
                .from(COUNTED_BALLOT)
                .where(COUNTED_BALLOT.VOTE_ID.eq(vote))
                .fetch(COUNTED_BALLOT.CHOICES);
        List<String> altered = new java.util.ArrayList<>(kept);
        altered.set(altered.indexOf("2"), "1");
        db.deleteFrom(COUNTED_BALLOT).where(COUNTED_BALLOT.VOTE_ID.eq(vote)).execute();
        altered.forEach(choices -> db.insertInto(COUNTED_BALLOT)
                .set(COUNTED_BALLOT.VOTE_ID, vote)
                .set(COUNTED_BALLOT.CHOICES, choices)
                .execute());
        assertThatThrownBy(() -> counts.results(vote))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.count-altered"));
        assertThatThrownBy(() -> counts.publishedBallots(vote, b -> {}))
                .as("nothing altered is published")
                .isInstanceOf(VotingException.class);
    }

    @Test
    void a_box_reordered_with_every_hash_recomputed_is_held_and_the_administrators_are_alerted() {
        oneYesTwoNo();
        List<BallotRecord> reordered = new ArrayList<>(Insider.box(db, vote));
        java.util.Collections.reverse(reordered);
        Insider.rehash(db, vote, reordered);
        assertThat(counts.verify(vote).intact())
                .as("the chain alone looks intact")
                .isTrue();
        VoteInfo held = closeAndFinalise();
        assertThat(held.heldReason()).isEqualTo(VoteInfo.HoldReason.CHECKPOINT_MISSED);
        assertThat(held.finalisedAt()).isNull();
        assertThat(db.fetchCount(
                        org.openplaza.db.accounts.Tables.AUDIT_EVENT,
                        org.openplaza.db.accounts.Tables.AUDIT_EVENT
                                .OBJECT_ID
                                .eq(String.valueOf(vote))
                                .and(org.openplaza.db.accounts.Tables.AUDIT_EVENT.EVENT_TYPE.eq("VOTE_COUNT_HELD"))))
                .as("the audit log records the hold")
                .isEqualTo(1);
        assertThat(db.fetchCount(
                        org.openplaza.db.voting.Tables.NOTIFICATION,
                        org.openplaza.db.voting.Tables.NOTIFICATION
                                .VOTE_ID
                                .eq(vote)
                                .and(org.openplaza.db.voting.Tables.NOTIFICATION.KIND.eq("COUNT_HELD"))))
                .as("the official who opened the vote and the administrators are alerted")
                .isPositive();
    }

    @Test
    void after_a_restart_the_checkpoints_signed_while_the_vote_ran_still_catch_a_reordering() {
        oneYesTwoNo();
        signCheckpoints();
        heads.forgetAll();
        checkpointer.forgetAll();
        List<BallotRecord> reordered = new ArrayList<>(Insider.box(db, vote));
        java.util.Collections.swap(reordered, 0, 1);
        Insider.rehash(db, vote, reordered);
        VoteInfo held = closeAndFinalise();
        assertThat(held.heldReason()).isEqualTo(VoteInfo.HoldReason.CHECKPOINT_MISSED);
    }

    @Test
    void after_a_restart_the_checkpoints_signed_while_the_vote_ran_still_catch_a_rewrite() {
        oneYesTwoNo();
        signCheckpoints();
        heads.forgetAll();
        checkpointer.forgetAll(); // the portal restarts: it no longer remembers the heads it appended
        rewriteNoToYesAndRehash();
        VoteInfo held = closeAndFinalise();
        assertThat(held.heldReason()).isEqualTo(VoteInfo.HoldReason.CHECKPOINT_MISSED);
    }

    @Test
    void checkpoints_deleted_from_the_database_with_the_portal_down_are_still_in_the_log_outside_it() {
        oneYesTwoNo();
        signCheckpoints();
        heads.forgetAll();
        checkpointer.forgetAll(); // the portal is down
        rewriteNoToYesAndRehash();
        db.deleteFrom(CHECKPOINT).where(CHECKPOINT.VOTE_ID.eq(vote)).execute();
        VoteInfo held = closeAndFinalise();
        assertThat(held.heldReason()).isEqualTo(VoteInfo.HoldReason.CHECKPOINT_MISSED);
        assertThat(held.finalisedAt()).isNull();
    }

    @Test
    void a_checkpoint_the_insider_signs_with_a_key_of_their_own_is_refused() throws Exception {
        oneYesTwoNo();
        signCheckpoints();
        heads.forgetAll();
        checkpointer.forgetAll();
        rewriteNoToYesAndRehash();
        String head =
                db.select(VOTE.HEAD_HASH).from(VOTE).where(VOTE.ID.eq(vote)).fetchSingle(VOTE.HEAD_HASH);
        Signature forger = Signature.getInstance("Ed25519");
        forger.initSign(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        forger.update(Checkpoint.text(vote, 3, 3, head).getBytes(StandardCharsets.UTF_8));
        db.update(CHECKPOINT)
                .set(CHECKPOINT.HEAD_HASH, head)
                .set(CHECKPOINT.SIGNATURE, Base64.getEncoder().encodeToString(forger.sign()))
                .where(CHECKPOINT.VOTE_ID.eq(vote))
                .and(CHECKPOINT.BALLOTS.eq(3))
                .execute();
        VoteInfo held = closeAndFinalise();
        assertThat(held.heldReason()).isEqualTo(VoteInfo.HoldReason.CHECKPOINT_FORGED);
    }

    @Test
    void a_ballot_cast_after_a_rewrite_chains_to_the_portals_own_head_and_the_chain_breaks_there() {
        castAs("kim", 1);
        castAs("lee", 2);
        rewriteNoToYesAndRehash();
        castAs("park", 2);
        assertThat(counts.verify(vote).firstBadPosition())
                .as("the new ballot follows the head the portal appended, not the rewritten one")
                .isEqualTo(3);
        VoteInfo held = closeAndFinalise();
        assertThat(held.heldReason()).isEqualTo(VoteInfo.HoldReason.CHAIN_BROKEN);
    }

    @Test
    void ballots_committed_while_the_portal_had_not_yet_heard_of_them_are_not_mistaken_for_a_rewrite() {
        castAs("kim", 1);
        List<BallotRecord> before = new ArrayList<>(
                db.selectFrom(BALLOT).where(BALLOT.VOTE_ID.eq(vote)).fetch());
        assertThat(before).hasSize(1);
        heads.advance(vote, new ChainHeads.Head(0, BallotChain.GENESIS)); // no effect: it knows of one
        castAs("lee", 2);
        heads.forgetAll();
        checkpointer.forgetAll();
        heads.advance(vote, new ChainHeads.Head(1, before.get(0).getHash())); // a commit reported late
        castAs("park", 2);
        castAs("choi", 1);
        assertThat(counts.verify(vote).intact()).isTrue();
        VoteInfo counted = closeAndFinalise();
        assertThat(counted.heldAt()).isNull();
        assertThat(counted.finalisedAt()).isNotNull();
    }
}
