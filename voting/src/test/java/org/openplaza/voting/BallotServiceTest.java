package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.PARTICIPATION;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/** Casting, changing and verifying ballots; the closing time; tampering; what the schema keeps apart. */
@SpringBootTest
@Transactional
@Import(TestAccounts.Clocks.class)
class BallotServiceTest {

    @Autowired
    BallotService ballots;

    @Autowired
    VoteService votes;

    @Autowired
    CountService counts;

    @Autowired
    DSLContext db;

    @Autowired
    TestAccounts.HandClock clock;

    @Autowired
    BallotSeals seals;

    /** The citizens in the participation register, which the public sees only at checkpoints. */
    int voters(long vote) {
        return db.fetchCount(PARTICIPATION, PARTICIPATION.VOTE_ID.eq(vote));
    }

    final String tag = Long.toString(System.nanoTime(), 36);
    final Instant opens = Instant.parse("2026-06-01T08:00:00Z");
    final Instant closes = Instant.parse("2026-06-08T08:00:00Z");

    @BeforeEach
    void voters() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        for (String name : List.of("kim", "lee", "park")) {
            TestAccounts.user(db, name + tag, true);
        }
        TestAccounts.user(db, "new" + tag, false);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long vote(Method method, boolean allowChange) {
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        return votes.open(new VoteSpec(
                null,
                "Which park gets new trees?",
                method,
                List.of(
                        new VoteSpec.Option("Hangang", 50L),
                        new VoteSpec.Option("Seoul Forest", 40L),
                        new VoteSpec.Option("Olympic", 30L)),
                2,
                80L,
                allowChange,
                opens,
                closes));
    }

    private Receipt castAs(String name, long vote, Integer... choices) {
        TestAccounts.signIn(name + tag, "CITIZEN");
        return ballots.cast(vote, List.of(choices));
    }

    @Test
    void one_ballot_per_verified_citizen_and_only_turnout_is_told() {
        long vote = vote(Method.SINGLE, false);
        Receipt receipt = castAs("kim", vote, 2);
        assertThat(receipt.code()).hasSize(16);
        assertThat(receipt.changeSecret()).isNull();
        assertThatThrownBy(() -> castAs("kim", vote, 1))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.voted"));
        assertThatThrownBy(() -> castAs("new", vote, 1))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.not-eligible"));
        assertThatThrownBy(() -> castAs("lee", vote, 1, 2))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.one-choice"));
        assertThatThrownBy(() -> castAs("lee", vote, 4)).isInstanceOf(VotingException.class);
        assertThat(voters(vote)).isEqualTo(1);
        TestAccounts.signIn("kim" + tag, "OFFICIAL");
        assertThatThrownBy(() -> ballots.cast(vote, List.of(1))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_closing_time_is_checked_when_the_ballot_is_stored() {
        long vote = vote(Method.YES_NO, false);
        clock.set(opens.minusSeconds(1));
        assertThatThrownBy(() -> castAs("kim", vote, 1))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.not-open-yet"));
        clock.set(closes.minusMillis(1));
        castAs("kim", vote, 1);
        clock.set(closes);
        assertThatThrownBy(() -> castAs("lee", vote, 2))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.closed"));
        assertThat(voters(vote)).isEqualTo(1);
    }

    @Test
    void a_voter_replaces_their_ballot_with_their_secret_and_exactly_one_counts() {
        long vote = vote(Method.RANKED, true);
        Receipt first = castAs("kim", vote, 3, 1, 2);
        assertThat(first.changeSecret()).hasSize(24);
        assertThatThrownBy(() -> castAs("kim", vote, 1))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.change-instead"));
        assertThatThrownBy(() -> ballots.change(vote, "not the secret", List.of(1)))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.wrong-secret"));
        Receipt second = ballots.change(vote, first.changeSecret(), List.of(1, 2));
        assertThat(second.code()).as("the voter keeps their first receipt").isEqualTo(first.code());
        assertThat(second.changeSecret()).isNotEqualTo(first.changeSecret());
        assertThatThrownBy(() -> ballots.change(vote, first.changeSecret(), List.of(2)))
                .as("the first ballot no longer counts, so its secret changes nothing")
                .isInstanceOf(VotingException.class);
        TestAccounts.signIn("lee" + tag, "CITIZEN");
        assertThatThrownBy(() -> ballots.change(vote, second.changeSecret(), List.of(2)))
                .as("a citizen who did not vote cannot replace anybody's ballot")
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.no-change"));
        assertThat(voters(vote)).isEqualTo(1);
        assertThat(db.fetchCount(BALLOT, BALLOT.VOTE_ID.eq(vote))).isEqualTo(2);
        assertThat(db.select(BALLOT.REPLACES)
                        .from(BALLOT)
                        .where(BALLOT.VOTE_ID.eq(vote))
                        .and(BALLOT.POSITION.eq(2))
                        .fetchOne()
                        .value1())
                .isEqualTo(first.code());
        assertThat(counts.verify(vote).intact()).isTrue();
    }

    @Test
    void budgets_and_approval_votes_keep_to_their_limits() {
        long budget = vote(Method.BUDGET, false);
        assertThatThrownBy(() -> castAs("kim", budget, 1, 2))
                .as("50 + 40 is over 80")
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.budget"));
        castAs("kim", budget, 1, 3);
        long approval = vote(Method.APPROVAL, false);
        assertThatThrownBy(() -> castAs("lee", approval, 1, 2, 3))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.approval"));
        castAs("lee", approval, 3, 1);
        var stored = db.selectFrom(BALLOT).where(BALLOT.VOTE_ID.eq(approval)).fetchOne();
        assertThat(stored.getChoices()).startsWith(BallotSeals.PREFIX);
        assertThat(seals.open(approval, stored.getReceipt(), stored.getChoices()))
                .isEqualTo("1,3");
    }

    @Test
    void editing_deleting_or_inserting_a_ballot_breaks_the_chain() {
        long vote = vote(Method.SINGLE, false);
        castAs("kim", vote, 1);
        Receipt middle = castAs("lee", vote, 2);
        castAs("park", vote, 3);
        ChainCheck intact = counts.verify(vote);
        assertThat(intact.intact()).isTrue();
        assertThat(intact.ballots()).isEqualTo(3);
        String sealed = db.select(BALLOT.CHOICES)
                .from(BALLOT)
                .where(BALLOT.RECEIPT.eq(middle.code()))
                .fetchSingle(BALLOT.CHOICES);

        db.update(BALLOT)
                .set(BALLOT.CHOICES, "1")
                .where(BALLOT.RECEIPT.eq(middle.code()))
                .execute();
        ChainCheck edited = counts.verify(vote);
        assertThat(edited.intact()).isFalse();
        assertThat(edited.firstBadPosition()).isEqualTo(2);
        db.update(BALLOT)
                .set(BALLOT.CHOICES, sealed)
                .where(BALLOT.RECEIPT.eq(middle.code()))
                .execute();
        assertThat(counts.verify(vote).intact()).as("put back as it was").isTrue();

        var last = db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(vote))
                .and(BALLOT.POSITION.eq(3))
                .fetchOne();
        db.deleteFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(vote))
                .and(BALLOT.POSITION.eq(3))
                .execute();
        assertThat(counts.verify(vote).intact()).as("the last ballot removed").isFalse();
        last.changed(true);
        db.insertInto(BALLOT).set(last).execute();
        assertThat(counts.verify(vote).intact()).isTrue();

        db.deleteFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(vote))
                .and(BALLOT.POSITION.eq(2))
                .execute();
        assertThat(counts.verify(vote).firstBadPosition())
                .as("a ballot removed from the middle")
                .isEqualTo(3);
        db.insertInto(BALLOT)
                .set(BALLOT.VOTE_ID, vote)
                .set(BALLOT.POSITION, 2)
                .set(BALLOT.RECEIPT, "FORGEDFORGEDFORG")
                .set(BALLOT.CHOICES, "1")
                .set(BALLOT.CAST_ON, LocalDate.parse("2026-06-01"))
                .set(BALLOT.PREVIOUS_HASH, "0".repeat(64))
                .set(BALLOT.HASH, "0".repeat(64))
                .execute();
        assertThat(counts.verify(vote).firstBadPosition())
                .as("a forged ballot inserted")
                .isEqualTo(2);
    }

    @Test
    void the_ballot_box_holds_no_voter_and_no_time_finer_than_the_day() {
        for (Field<?> field : BALLOT.fields()) {
            assertThat(field.getName().toLowerCase()).doesNotContain("user").doesNotContain("voter");
            assertThat(field.getType()).isNotIn(java.time.OffsetDateTime.class, java.time.LocalDateTime.class);
        }
        assertThat(BALLOT.getReferences())
                .as("no foreign key but to the vote")
                .allSatisfy(k -> assertThat(k.getKey().getTable().getName()).isEqualToIgnoringCase("vote"));
        for (Field<?> field : PARTICIPATION.fields()) {
            assertThat(field.getType()).isNotIn(java.time.OffsetDateTime.class, java.time.LocalDateTime.class);
        }
        assertThat(PARTICIPATION.PARTICIPATION_KEY.getType())
                .as("a random key, not a sequence")
                .isEqualTo(String.class);
        long vote = vote(Method.SINGLE, false);
        clock.set(Instant.parse("2026-06-02T13:45:12Z"));
        castAs("kim", vote, 1);
        assertThat(db.select(PARTICIPATION.VOTED_ON)
                        .from(PARTICIPATION)
                        .where(PARTICIPATION.VOTE_ID.eq(vote))
                        .fetchOne()
                        .value1())
                .isEqualTo(LocalDate.parse("2026-06-02"));
        assertThat(db.select(BALLOT.CAST_ON)
                        .from(BALLOT)
                        .where(BALLOT.VOTE_ID.eq(vote))
                        .fetchOne()
                        .value1())
                .isEqualTo(LocalDate.parse("2026-06-02"));
        assertThat(Duration.between(opens, closes)).isPositive();
    }

    @Test
    void results_wait_for_the_close_and_count_only_the_ballots_that_count() {
        long vote = vote(Method.RANKED, true);
        Receipt kim = castAs("kim", vote, 1, 2, 3);
        castAs("lee", vote, 2, 1);
        castAs("park", vote, 3, 2);
        assertThatThrownBy(() -> counts.results(vote))
                .isInstanceOfSatisfying(
                        VotingException.class, e -> assertThat(e.messageKey()).isEqualTo("vote.error.still-open"));
        TestAccounts.signIn("kim" + tag, "CITIZEN");
        ballots.change(vote, kim.changeSecret(), List.of(2, 3));

        clock.set(closes);
        Results results = counts.results(vote);
        assertThat(results.turnout()).isEqualTo(3);
        assertThat(results.ballots()).as("kim's first ballot was replaced").isEqualTo(3);
        assertThat(results.votes())
                .containsEntry("Hangang", 0)
                .containsEntry("Seoul Forest", 2)
                .containsEntry("Olympic", 1);
        assertThat(results.runoff().winner()).isEqualTo("Seoul Forest");
        assertThat(results.schulze().winners()).containsExactly("Seoul Forest");
        assertThat(results.chain().intact()).isTrue();
    }

    @Test
    void a_budget_vote_funds_the_projects_that_fit() {
        long vote = vote(Method.BUDGET, false);
        castAs("kim", vote, 1, 3);
        castAs("lee", vote, 1);
        castAs("park", vote, 2, 3);
        clock.set(closes.plusSeconds(1));
        Results results = counts.results(vote);
        assertThat(results.votes())
                .containsEntry("Hangang", 2)
                .containsEntry("Seoul Forest", 1)
                .containsEntry("Olympic", 2);
        // Olympic (30) and Hangang (50) tie on votes: the cheaper first, then Hangang fits; 80 spent
        assertThat(results.budget().funded())
                .extracting(org.openplaza.voting.Budget.Project::name)
                .containsExactly("Olympic", "Hangang");
        assertThat(results.budget().spent()).isEqualTo(80);
    }
}
