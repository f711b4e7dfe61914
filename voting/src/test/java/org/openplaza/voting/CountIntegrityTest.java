package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;
import static org.openplaza.db.accounts.Tables.USER_ROLE;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.NOTIFICATION;
import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.openplaza.db.voting.tables.records.BallotRecord;
import org.openplaza.proposals.People;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * An insider with write access to the database tampers with a closed vote's ballot box before it
 * is counted: edits a ballot, stuffs one in, or removes one, and (the careful insider) recomputes
 * every hash of the chain and the head stored with the vote. The count must never turn such a box
 * into a result: the vote is held, no outcome is kept, the proposal stays where it was, no ballot
 * is given out as published, the audit log records it and the administrators and the official who
 * opened the vote are alerted.
 */
@SpringBootTest
@Transactional
@Import(TestAccounts.Clocks.class)
class CountIntegrityTest {

    @Autowired
    BallotService ballots;

    @Autowired
    CountService counts;

    @Autowired
    VoteService votes;

    @Autowired
    ProposalService proposals;

    @Autowired
    DSLContext db;

    @Autowired
    BallotSeals seals;

    @Autowired
    TestAccounts.HandClock clock;

    final String tag = Long.toString(System.nanoTime(), 36);
    final Instant opens = Instant.parse("2026-06-01T08:00:00Z");
    final Instant closes = Instant.parse("2026-06-08T08:00:00Z");
    long admin;
    long official;
    long proposal;
    long vote;

    @BeforeEach
    void aVoteOnAProposalWithThreeBallots() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        official = TestAccounts.user(db, "official" + tag, true);
        admin = TestAccounts.user(db, "admin" + tag, false);
        db.insertInto(USER_ROLE)
                .set(USER_ROLE.USER_ID, admin)
                .set(USER_ROLE.ROLE_NAME, "ADMIN")
                .execute();
        for (String name : List.of("kim", "lee", "park")) {
            TestAccounts.user(db, name + tag, true);
        }
        long organisation = TestAccounts.organisation(db, "Mapo office " + tag, official);
        TestAccounts.signIn("official" + tag, "OFFICIAL", "CITIZEN");
        proposal = proposals.draftForOrganisation(organisation, People.text("A night market by the river"));
        proposals.publish(proposal);
        vote = votes.open(
                VoteSpec.yesNo(proposal, "Should the Mapo riverside get a night market?", false, opens, closes));
        castAs("kim", 1);
        castAs("lee", 2);
        castAs("park", 2);
        clock.set(closes);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void castAs(String name, Integer... choices) {
        TestAccounts.signIn(name + tag, "CITIZEN");
        ballots.cast(vote, List.of(choices));
    }

    private List<BallotRecord> box() {
        return db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(vote))
                .orderBy(BALLOT.POSITION)
                .fetch();
    }

    /** Finalises as the official who opened the vote, the way the portal does. */
    private void finalise() {
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        counts.finalise(vote, CountService.Progress.NONE);
    }

    /** Everything that must hold once a count was refused. */
    private void assertHeld(String why) {
        var row = db.selectFrom(VOTE).where(VOTE.ID.eq(vote)).fetchSingle();
        assertThat(row.getOutcome()).as("no outcome kept").isNull();
        assertThat(row.getFinalisedAt()).as("not finalised").isNull();
        assertThat(row.getHeldAt()).as("held").isEqualTo(closes.atOffset(java.time.ZoneOffset.UTC));
        assertThat(row.getHeldReason()).isEqualTo(why);
        assertThat(votes.find(vote).orElseThrow().heldReason()).isEqualTo(VoteInfo.HoldReason.valueOf(why));
        VoteInfo info = votes.find(vote).orElseThrow();
        assertThat(info.heldAt()).isEqualTo(closes);
        assertThat(info.carried()).isNull();
        assertThat(proposals.find(proposal).orElseThrow().status())
                .as("the proposal does not move")
                .isEqualTo(ProposalStatus.SCHEDULED);
        assertThatThrownBy(() -> counts.publishedBallots(vote, b -> {}))
                .as("no ballot is given out for publication")
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.held"));
        String receipt = box().get(0).getReceipt();
        assertThatThrownBy(() -> counts.lookUp(vote, receipt))
                .as("no ballot is looked up")
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.held"));
        assertThatThrownBy(() -> counts.results(vote))
                .as("no result is shown")
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.held"));
        assertThat(db.select(AUDIT_EVENT.EVENT_TYPE)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.OBJECT_TYPE.eq("vote"))
                        .and(AUDIT_EVENT.OBJECT_ID.eq(String.valueOf(vote)))
                        .fetch(AUDIT_EVENT.EVENT_TYPE))
                .as("audited")
                .contains("VOTE_COUNT_HELD")
                .doesNotContain("VOTE_COUNTED");
        assertThat(db.select(AUDIT_EVENT.DETAIL)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.EVENT_TYPE.eq("VOTE_COUNT_HELD"))
                        .and(AUDIT_EVENT.OBJECT_ID.eq(String.valueOf(vote)))
                        .fetchSingle(AUDIT_EVENT.DETAIL))
                .as("the hold's detail is a message with its figures, read in each administrator's language")
                .satisfies(detail -> assertThat(org.openplaza.audit.AuditDetail.parse(detail))
                        .hasValueSatisfying(parsed -> assertThat(parsed.key()).startsWith("vote-held-")));
        assertThat(db.select(APP_USER.USERNAME)
                        .from(NOTIFICATION)
                        .join(APP_USER)
                        .on(APP_USER.ID.eq(NOTIFICATION.USER_ID))
                        .where(NOTIFICATION.VOTE_ID.eq(vote))
                        .and(NOTIFICATION.KIND.eq("COUNT_HELD"))
                        .fetch(APP_USER.USERNAME))
                .as("the administrators and the official who opened the vote are alerted")
                .contains("admin" + tag, "official" + tag)
                .doesNotContain("kim" + tag);
        finalise();
        assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.VOTE_ID.eq(vote).and(NOTIFICATION.USER_ID.eq(admin))))
                .as("asking again does not alert again")
                .isEqualTo(1);
        assertThat(votes.dueForCounting()).as("left for people to investigate").doesNotContain(vote);
    }

    @Test
    void an_untampered_box_is_counted() {
        finalise();
        VoteInfo info = votes.find(vote).orElseThrow();
        assertThat(info.finalisedAt()).isNotNull();
        assertThat(info.heldAt()).isNull();
        assertThat(info.carried()).isFalse();
        assertThat(proposals.find(proposal).orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
    }

    @Test
    void the_portal_counts_as_itself_and_the_proposals_step_names_no_account() {
        SecurityContextHolder.getContext().setAuthentication(org.openplaza.platform.SystemIdentity.job());
        assertThat(counts.finalise(vote, CountService.Progress.NONE)).isPresent();
        assertThat(proposals.find(proposal).orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
        TestAccounts.signIn("official" + tag, "OFFICIAL", "CITIZEN");
        var step = proposals.history(proposal).get(proposals.history(proposal).size() - 1);
        assertThat(step.to()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(step.actor()).as("the portal, which is no account").isNull();
        assertThat(db.select(AUDIT_EVENT.ACTOR)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.EVENT_TYPE.eq("VOTE_COUNTED"))
                        .and(AUDIT_EVENT.OBJECT_ID.eq(Long.toString(vote)))
                        .fetch(AUDIT_EVENT.ACTOR))
                .containsExactly(org.openplaza.platform.SystemIdentity.NAME);
    }

    /** Writes these stored choices into the third ballot's row, leaving its hashes as they are. */
    private void storeThirdBallot(String choices) {
        db.update(BALLOT)
                .set(BALLOT.CHOICES, choices)
                .where(BALLOT.VOTE_ID.eq(vote))
                .and(BALLOT.POSITION.eq(3))
                .execute();
    }

    @Test
    void a_ballot_edited_without_rehashing_holds_the_count() {
        storeThirdBallot("1");
        finalise();
        assertHeld("CHAIN_BROKEN");
    }

    @Test
    void once_the_box_is_restored_an_administrator_has_the_held_count_made_again() {
        String original = box().get(2).getChoices();
        storeThirdBallot("1");
        finalise();
        assertHeld("CHAIN_BROKEN");

        TestAccounts.signIn("official" + tag, "OFFICIAL");
        assertThatThrownBy(() -> counts.countAgain(vote, "I looked at it myself"))
                .as("only an administrator")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        TestAccounts.signIn("admin" + tag, "ADMIN");
        assertThatThrownBy(() -> counts.countAgain(vote, " "))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.reason"));
        // counted again before the box is restored: held again, and everyone alerted again
        counts.countAgain(vote, "Counting once more to see whether it holds");
        finalise();
        assertThat(votes.find(vote).orElseThrow().heldReason()).isEqualTo(VoteInfo.HoldReason.CHAIN_BROKEN);
        assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.VOTE_ID.eq(vote).and(NOTIFICATION.USER_ID.eq(admin))))
                .isEqualTo(2);

        // the ballot restored from a backup; counted again, every check passes
        storeThirdBallot(original);
        TestAccounts.signIn("admin" + tag, "ADMIN");
        counts.countAgain(vote, "Ballot 3 restored from the backup of 8 June");
        assertThatThrownBy(() -> counts.countAgain(vote, "Once more, for luck"))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.not-held"));
        finalise();
        VoteInfo counted = votes.find(vote).orElseThrow();
        assertThat(counted.heldAt()).isNull();
        assertThat(counted.carried()).isFalse();
        assertThat(proposals.find(proposal).orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(db.select(AUDIT_EVENT.DETAIL)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.OBJECT_ID.eq(String.valueOf(vote)))
                        .and(AUDIT_EVENT.EVENT_TYPE.eq("VOTE_COUNT_RELEASED"))
                        .fetch(AUDIT_EVENT.DETAIL))
                .contains(org.openplaza.audit.AuditDetail.of(
                        "vote-count-released",
                        org.openplaza.audit.AuditDetail.term("results.held.CHAIN_BROKEN"),
                        "Ballot 3 restored from the backup of 8 June"));
    }

    @Test
    void an_unsealed_ballot_stuffed_in_with_every_hash_recomputed_does_not_open() {
        List<BallotRecord> stuffed = new java.util.ArrayList<>(box());
        BallotRecord extra = stuffed.get(0).copy();
        extra.setReceipt("STUFFEDSTUFFEDST");
        extra.setChoices("1");
        stuffed.add(extra);
        Insider.rehash(db, vote, stuffed);
        assertThat(counts.verify(vote).intact()).isTrue();
        finalise();
        assertHeld("BALLOTS_UNREADABLE");
    }

    @Test
    void a_ballot_stuffed_in_with_every_hash_recomputed_is_caught_by_the_register() {
        List<BallotRecord> stuffed = new java.util.ArrayList<>(box());
        BallotRecord extra = stuffed.get(0).copy();
        extra.setReceipt("STUFFEDSTUFFEDST");
        // an insider who holds the seal key too
        extra.setChoices(seals.seal(vote, "STUFFEDSTUFFEDST", "1", 3));
        stuffed.add(extra);
        Insider.rehash(db, vote, stuffed);
        assertThat(counts.verify(vote).intact())
                .as("the chain alone cannot see it")
                .isTrue();
        finalise();
        assertHeld("BALLOTS_AND_VOTERS_DIFFER");
    }

    @Test
    void a_ballot_removed_with_every_hash_recomputed_is_caught_by_the_register() {
        List<BallotRecord> kept = new java.util.ArrayList<>(box());
        kept.remove(1);
        Insider.rehash(db, vote, kept);
        assertThat(counts.verify(vote).intact()).isTrue();
        finalise();
        assertHeld("BALLOTS_AND_VOTERS_DIFFER");
    }
}
