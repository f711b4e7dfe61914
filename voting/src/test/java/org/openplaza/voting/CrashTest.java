package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.COUNTED_BALLOT;
import static org.openplaza.db.voting.Tables.PARTICIPATION;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.api.Trigger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The portal fails at each step of casting and of counting, as if its process were killed there: a
 * trigger in the database makes the statement of that step fail, so the transaction never commits,
 * and the portal's memory is then wiped as by a restart. Afterwards no accepted ballot (one whose
 * voter got a receipt) is lost, none is counted twice, the count happens once, and what is kept
 * still follows the order of the choices, not of casting. A stop between the count's commit and
 * the destruction of the seal key leaves the key behind; the portal's sweep destroys it.
 */
@SpringBootTest
@Import(TestAccounts.Clocks.class)
class CrashTest {

    /** Fails the statement it is attached to (H2): the process "dies" there. */
    public static class Crash implements Trigger {
        @Override
        public void init(Connection conn, String schema, String trigger, String table, boolean before, int type) {}

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("the process was killed here");
        }

        @Override
        public void close() {}

        @Override
        public void remove() {}
    }

    @Autowired
    BallotService ballots;

    @Autowired
    CountService counts;

    @Autowired
    VoteService votes;

    @Autowired
    BallotSeals seals;

    @Autowired
    ChainHeads heads;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    CheckpointService checkpoints;

    @Autowired
    DSLContext db;

    @Autowired
    TestAccounts.HandClock clock;

    final String tag = Long.toString(System.nanoTime(), 36);
    final Instant opens = Instant.parse("2026-06-01T08:00:00Z");
    final Instant closes = Instant.parse("2026-06-08T08:00:00Z");
    final List<String> triggers = new ArrayList<>();
    long vote;

    @BeforeEach
    void aRunningVote() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        TestAccounts.user(db, "official" + tag, true);
        for (String name : List.of("kim", "lee", "park", "choi")) {
            TestAccounts.user(db, name + tag, true);
        }
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        vote = votes.open(VoteSpec.ranked("Rank the bus routes to extend", true, opens, closes, "101", "202", "303"));
    }

    @AfterEach
    void removeTriggers() {
        disarm();
        if (postgres()) {
            db.execute("DROP FUNCTION IF EXISTS voting.crash_" + tag + "()");
        }
        SecurityContextHolder.clearContext();
    }

    private boolean postgres() {
        return db.dialect().family() == org.jooq.SQLDialect.POSTGRES;
    }

    /** From now on the process dies at this statement on this table. */
    private void dieAt(String when, String table) {
        String name = "crash_" + tag + "_" + triggers.size();
        if (postgres()) {
            db.execute("CREATE OR REPLACE FUNCTION voting.crash_" + tag + "() RETURNS trigger LANGUAGE plpgsql"
                    + " AS $$ BEGIN RAISE EXCEPTION 'the process was killed here'; END $$");
            db.execute("CREATE TRIGGER " + name + " " + when + " ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION voting.crash_" + tag + "()");
            triggers.add(name + " ON " + table);
        } else {
            String qualified = table.substring(0, table.indexOf('.')) + "." + name;
            db.execute("CREATE TRIGGER " + qualified + " " + when + " ON " + table + " FOR EACH ROW CALL \""
                    + Crash.class.getName() + "\"");
            triggers.add(qualified);
        }
    }

    private void disarm() {
        triggers.forEach(t -> db.execute("DROP TRIGGER IF EXISTS " + t));
        triggers.clear();
    }

    /** The process comes back: nothing armed, nothing remembered. */
    private void restart() {
        disarm();
        heads.forgetAll();
        checkpointer.forgetAll();
    }

    private Receipt castAs(String name, Integer... ranking) {
        TestAccounts.signIn(name + tag, "CITIZEN");
        return ballots.cast(vote, List.of(ranking));
    }

    private int voters() {
        return db.fetchCount(PARTICIPATION, PARTICIPATION.VOTE_ID.eq(vote));
    }

    private int boxed() {
        return db.fetchCount(BALLOT, BALLOT.VOTE_ID.eq(vote));
    }

    @Test
    void killed_at_any_step_of_casting_no_accepted_ballot_is_lost_and_none_is_doubled() {
        castAs("kim", 1, 2);

        // killed while entering the voter in the register: nothing of the ballot stays
        dieAt("BEFORE INSERT", "voting.participation");
        assertThatThrownBy(() -> castAs("lee", 2, 3)).isNotInstanceOf(VotingException.class);
        restart();
        assertThat(voters()).isEqualTo(1);
        assertThat(boxed()).isEqualTo(1);

        // killed while storing the ballot: the register row goes with it, the voter may vote again
        dieAt("BEFORE INSERT", "voting.ballot");
        assertThatThrownBy(() -> castAs("lee", 2, 3)).isNotInstanceOf(VotingException.class);
        restart();
        assertThat(voters()).isEqualTo(1);
        assertThat(boxed()).isEqualTo(1);
        TestAccounts.signIn("lee" + tag, "CITIZEN");
        assertThat(ballots.standing(vote)).isEqualTo(Standing.ELIGIBLE);
        castAs("lee", 2, 3);

        // killed while signing a checkpoint of the running vote: the count does not take it for tampering
        TestAccounts.signIn("openplaza", "ADMIN");
        dieAt("BEFORE INSERT", "voting.checkpoint");
        assertThatThrownBy(() -> checkpoints.signRunningVotes()).isNotInstanceOf(VotingException.class);
        restart();

        // killed while moving the head, after the ballot was written: nothing of it stays
        dieAt("BEFORE UPDATE", "voting.vote");
        assertThatThrownBy(() -> castAs("park", 3)).isNotInstanceOf(VotingException.class);
        restart();
        assertThat(voters()).isEqualTo(2);
        assertThat(boxed()).isEqualTo(2);
        Receipt park = castAs("park", 3);

        // killed while changing a ballot: the earlier ballot still counts, and can still be changed
        dieAt("BEFORE INSERT", "voting.ballot");
        assertThatThrownBy(() -> ballots.change(vote, park.changeSecret(), List.of(1)))
                .isNotInstanceOf(VotingException.class);
        restart();
        TestAccounts.signIn("park" + tag, "CITIZEN");
        ballots.change(vote, park.changeSecret(), List.of(1));
        castAs("choi", 3, 1);

        assertThat(voters()).isEqualTo(4);
        assertThat(counts.verify(vote).intact()).isTrue();
        clock.set(closes);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        Results results = counts.finalise(vote, CountService.Progress.NONE).orElseThrow();
        assertThat(results.ballots()).as("one counted ballot per voter").isEqualTo(4);
        List<String> kept = db.select(COUNTED_BALLOT.CHOICES)
                .from(COUNTED_BALLOT)
                .where(COUNTED_BALLOT.VOTE_ID.eq(vote))
                .fetch(COUNTED_BALLOT.CHOICES);
        assertThat(kept).containsExactlyInAnyOrder("1>2", "2>3", "1", "3>1");
    }

    @Test
    void killed_at_any_step_of_counting_the_vote_is_counted_once_when_the_portal_comes_back() throws Exception {
        castAs("kim", 1, 2);
        castAs("lee", 2, 3);
        castAs("park", 3);
        clock.set(closes);
        TestAccounts.signIn("official" + tag, "OFFICIAL");

        for (String[] step : List.of(
                new String[] {"BEFORE INSERT", "voting.checkpoint"},
                new String[] {"BEFORE UPDATE", "voting.vote"},
                new String[] {"BEFORE INSERT", "voting.counted_ballot"},
                new String[] {"BEFORE INSERT", "accounts.audit_event"})) {
            dieAt(step[0], step[1]);
            assertThatThrownBy(() -> counts.finalise(vote, CountService.Progress.NONE))
                    .as("killed at %s on %s", step[0], step[1])
                    .isNotInstanceOf(VotingException.class);
            restart();
            assertThat(votes.find(vote).orElseThrow().finalisedAt())
                    .as("not counted")
                    .isNull();
            assertThat(db.fetchCount(COUNTED_BALLOT, COUNTED_BALLOT.VOTE_ID.eq(vote)))
                    .isZero();
            assertThat(Files.exists(seals.file(vote)))
                    .as("the key is kept for the count")
                    .isTrue();
        }

        Path key = seals.file(vote);
        byte[] keyBytes = Files.readAllBytes(key);
        Results results = counts.finalise(vote, CountService.Progress.NONE).orElseThrow();
        assertThat(results.ballots()).isEqualTo(3);
        assertThat(counts.finalise(vote, CountService.Progress.NONE))
                .as("counted once")
                .isEmpty();
        assertThat(db.select(COUNTED_BALLOT.CHOICES)
                        .from(COUNTED_BALLOT)
                        .where(COUNTED_BALLOT.VOTE_ID.eq(vote))
                        .fetch(COUNTED_BALLOT.CHOICES))
                .containsExactlyInAnyOrder("1>2", "2>3", "3");
        assertThat(db.fetchCount(
                        AUDIT_EVENT,
                        AUDIT_EVENT
                                .OBJECT_TYPE
                                .eq("vote")
                                .and(AUDIT_EVENT.OBJECT_ID.eq(String.valueOf(vote)))
                                .and(AUDIT_EVENT.EVENT_TYPE.eq("VOTE_COUNTED"))))
                .isEqualTo(1);

        // stopped after the count's commit and before the key's destruction: the sweep destroys it
        assertThat(Files.exists(key)).isFalse();
        Files.write(key, keyBytes);
        TestAccounts.signIn("openplaza", "ADMIN");
        assertThat(counts.destroySpentKeys()).contains(vote);
        assertThat(Files.exists(key)).isFalse();
    }
}
