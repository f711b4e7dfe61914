package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.COUNTED_BALLOT;
import static org.openplaza.db.voting.Tables.PARTICIPATION;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.openplaza.db.voting.tables.records.BallotRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An insider with a full copy of the database, taken while the vote runs and again after it is
 * counted, tries to learn how each citizen voted. Eight citizens cast eight different rankings at
 * known times, two of them change their ballot; the insider joins the participation register to
 * the ballot box by H2's hidden insertion-ordered row id and by position, reads the kept counted
 * ballots by their row id, compares sizes, looks for the seal key in every text column, and uses a
 * changed voter's first receipt. Ballots here are committed, as in the running portal.
 */
@SpringBootTest
@Import(TestAccounts.Clocks.class)
class SecretBallotAttackTest {

    @Autowired
    BallotService ballots;

    @Autowired
    CountService counts;

    @Autowired
    VoteService votes;

    @Autowired
    BallotSeals seals;

    @Autowired
    VotingProperties properties;

    @Autowired
    DSLContext db;

    @Autowired
    TestAccounts.HandClock clock;

    final String tag = Long.toString(System.nanoTime(), 36);
    final Instant opens = Instant.parse("2026-06-01T08:00:00Z");
    final Instant closes = Instant.parse("2026-06-08T08:00:00Z");

    /** Eight citizens and the ranking each finally casts; two first cast another. */
    final List<String> names = List.of("kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon");

    final List<List<Integer>> finalRankings = List.of(
            List.of(1, 2, 3, 4),
            List.of(2, 1, 4, 3),
            List.of(3, 4, 1, 2),
            List.of(4, 3, 2, 1),
            List.of(1, 3),
            List.of(2, 4),
            List.of(3),
            List.of(4, 1));

    final Map<String, List<Integer>> firstRankings = Map.of("lee", List.of(1), "jung", List.of(2, 3));

    @BeforeEach
    void citizens() {
        clock.set(opens.plus(Duration.ofHours(1)));
        TestAccounts.user(db, "official" + tag, true);
        names.forEach(name -> TestAccounts.user(db, name + tag, true));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long openVote() {
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        return votes.open(VoteSpec.ranked(
                "Rank the four library sites", true, opens, closes, "Station", "Market", "River", "School"));
    }

    /** Everyone votes in the given order, a minute apart; the two changes come at the end. */
    private Map<String, Receipt> voteInOrder(long vote, List<Integer> order) {
        Map<String, Receipt> receipts = new HashMap<>();
        for (int i : order) {
            String name = names.get(i);
            clock.advance(Duration.ofMinutes(1));
            TestAccounts.signIn(name + tag, "CITIZEN");
            receipts.put(name, ballots.cast(vote, firstRankings.getOrDefault(name, finalRankings.get(i))));
        }
        for (String name : List.of("lee", "jung")) {
            clock.advance(Duration.ofMinutes(1));
            TestAccounts.signIn(name + tag, "CITIZEN");
            Receipt changed =
                    ballots.change(vote, receipts.get(name).changeSecret(), finalRankings.get(names.indexOf(name)));
            assertThat(changed.code())
                    .as("a voter who changes keeps the receipt anyone may have seen")
                    .isEqualTo(receipts.get(name).code());
        }
        return receipts;
    }

    private static String stored(List<Integer> ranking) {
        return String.join(">", ranking.stream().map(String::valueOf).toList());
    }

    /**
     * The counted ballots kept for a vote, in the order H2 inserted them. (All rows are read and the
     * vote's kept: H2 2.3 returns no row for a filter on this table ordered by its row id.)
     */
    private List<String> keptByRowId(long vote) {
        return db
                .select(COUNTED_BALLOT.VOTE_ID, COUNTED_BALLOT.CHOICES)
                .from(COUNTED_BALLOT)
                .orderBy(physicalOrder())
                .fetch()
                .stream()
                .filter(r -> r.value1() == vote)
                .map(r -> r.value2())
                .toList();
    }

    /**
     * The order rows lie in the database's storage, which a copy of its files shows: H2's hidden
     * row id, PostgreSQL's tuple address.
     */
    private org.jooq.Field<?> physicalOrder() {
        return org.jooq.impl.DSL.field(db.dialect().family() == org.jooq.SQLDialect.POSTGRES ? "ctid" : "_ROWID_");
    }

    /** The voters in the register in the order the database stored them. */
    private List<Long> registerByRowId(long vote) {
        return db.select(PARTICIPATION.USER_ID)
                .from(PARTICIPATION)
                .where(PARTICIPATION.VOTE_ID.eq(vote))
                .orderBy(physicalOrder())
                .fetch(PARTICIPATION.USER_ID);
    }

    private Map<Long, String> finalChoiceByUser() {
        Map<Long, String> chosen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            long user = db.fetchSingle("SELECT id FROM accounts.app_user WHERE username = ?", names.get(i) + tag)
                    .get(0, Long.class);
            chosen.put(user, stored(finalRankings.get(i)));
        }
        return chosen;
    }

    /**
     * The join of the register and the box, the i-th voter to the i-th ballot, read as the choices
     * the ballot holds: how many voters' choices it recovers.
     */
    private int recoveredByJoiningRegisterAndBox(long vote) {
        List<Long> register = registerByRowId(vote);
        List<String> box = db.select(BALLOT.CHOICES)
                .from(BALLOT)
                .where(BALLOT.VOTE_ID.eq(vote))
                .orderBy(BALLOT.POSITION)
                .fetch(BALLOT.CHOICES);
        Map<Long, String> truth = finalChoiceByUser();
        int recovered = 0;
        for (int i = 0; i < register.size(); i++) {
            for (String ballot : box) {
                // the insider may also try every ballot against every voter: none reads as choices
                if (ballot.equals(truth.get(register.get(i)))) {
                    recovered++;
                }
            }
        }
        return recovered;
    }

    @Test
    void a_copy_of_the_database_while_the_vote_runs_holds_no_readable_ballot_nor_the_key() throws Exception {
        long vote = openVote();
        voteInOrder(vote, List.of(0, 1, 2, 3, 4, 5, 6, 7));

        assertThat(registerByRowId(vote)).as("the register is in casting order").hasSize(8);
        assertThat(recoveredByJoiningRegisterAndBox(vote))
                .as("no ballot in the box reads as anybody's choices")
                .isZero();
        List<BallotRecord> box = db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(vote))
                .orderBy(BALLOT.POSITION)
                .fetch();
        assertThat(box).hasSize(10);
        assertThat(box).allSatisfy(b -> assertThat(b.getChoices()).startsWith(BallotSeals.PREFIX));
        assertThat(box.stream().map(b -> b.getChoices().length()).distinct())
                .as("a one-option ballot is as long as a full ranking")
                .hasSize(1);

        // the key is in its file outside the database, and in no text column of the database
        String key =
                Files.readString(seals.file(vote), StandardCharsets.US_ASCII).strip();
        List<String> hits = new ArrayList<>();
        for (var column : db.fetch("""
                SELECT table_schema, table_name, column_name FROM information_schema.columns
                WHERE table_schema IN ('ACCOUNTS', 'CATALOG', 'VOTING', 'PUBLIC')
                  AND data_type IN ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'CHARACTER')""")) {
            String table = "\"" + column.get(0) + "\".\"" + column.get(1) + "\"";
            String name = "\"" + column.get(2) + "\"";
            if (!db.fetch("SELECT 1 FROM " + table + " WHERE " + name + " LIKE ?", "%" + key.substring(0, 20) + "%")
                    .isEmpty()) {
                hits.add(table + "." + name);
            }
        }
        assertThat(hits).as("columns holding the seal key").isEmpty();
    }

    @Test
    void after_the_count_the_key_is_gone_and_nothing_kept_or_published_follows_the_order_of_casting() {
        long first = openVote();
        long second = openVote();
        Map<String, Receipt> receipts = voteInOrder(first, List.of(0, 1, 2, 3, 4, 5, 6, 7));
        voteInOrder(second, List.of(7, 5, 3, 1, 6, 4, 2, 0));
        clock.set(closes);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        assertThat(counts.finalise(first, CountService.Progress.NONE)).isPresent();
        assertThat(counts.finalise(second, CountService.Progress.NONE)).isPresent();

        for (long vote : List.of(first, second)) {
            assertThat(Files.exists(seals.file(vote)))
                    .as("the seal key is destroyed")
                    .isFalse();
            BallotSeals restarted = new BallotSeals(properties);
            BallotRecord any =
                    db.selectFrom(BALLOT).where(BALLOT.VOTE_ID.eq(vote)).fetchAny();
            assertThatThrownBy(() -> restarted.open(vote, any.getReceipt(), any.getChoices()))
                    .as("nobody can open the box any more, the portal included")
                    .isInstanceOf(BallotSeals.Unreadable.class);
            assertThat(recoveredByJoiningRegisterAndBox(vote)).isZero();
        }

        // the counted ballots are kept, and published, in an order that depends on the choices alone
        List<String> keptFirst = keptByRowId(first);
        List<String> keptSecond = keptByRowId(second);
        assertThat(keptFirst)
                .as("one counted ballot per voter, changed ballots as changed")
                .containsExactlyInAnyOrderElementsOf(finalRankings.stream()
                        .map(SecretBallotAttackTest::stored)
                        .toList());
        assertThat(keptSecond)
                .as("cast in another order, kept in the same order")
                .isEqualTo(keptFirst);
        List<String> publishedFirst = new ArrayList<>();
        counts.publishedBallots(first, b -> publishedFirst.add(b.choices()));
        List<String> publishedSecond = new ArrayList<>();
        counts.publishedBallots(second, b -> publishedSecond.add(b.choices()));
        assertThat(publishedSecond).isEqualTo(publishedFirst).isEqualTo(keptFirst);
        assertThat(CountService.PublishedBallot.class.getRecordComponents())
                .as("a published ballot carries its choices and nothing else")
                .extracting(java.lang.reflect.RecordComponent::getName)
                .containsExactly("choices", "labels");

        // someone holding the first receipt of a voter who changed learns only that it counts
        assertThat(counts.lookUp(first, receipts.get("lee").code())).isPresent();
        assertThat(counts.lookUp(first, receipts.get("kim").code())).isPresent();
    }

    @Test
    void a_sealed_ballot_copied_over_another_does_not_open_and_the_count_is_held() {
        long vote = openVote();
        voteInOrder(vote, List.of(0, 1, 2, 3, 4, 5, 6, 7));
        List<BallotRecord> box = db.selectFrom(BALLOT)
                .where(BALLOT.VOTE_ID.eq(vote))
                .orderBy(BALLOT.POSITION)
                .fetch();
        // the insider copies their own sealed ballot over a neighbour's, then recomputes every hash
        Insider.rewrite(db, vote, b -> {
            BallotRecord copy = b.copy();
            if (b.getPosition() == 2) {
                copy.setChoices(box.get(0).getChoices());
            }
            return copy;
        });
        clock.set(closes);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        assertThat(counts.finalise(vote, CountService.Progress.NONE)).isEmpty();
        VoteInfo held = votes.find(vote).orElseThrow();
        assertThat(held.heldReason())
                .as("caught by the closing checkpoint before anything is opened")
                .isIn(VoteInfo.HoldReason.CHECKPOINT_MISSED, VoteInfo.HoldReason.BALLOTS_UNREADABLE);
        assertThatThrownBy(() ->
                        seals.open(vote, box.get(1).getReceipt(), box.get(0).getChoices()))
                .as("bound to its own receipt")
                .isInstanceOf(BallotSeals.Unreadable.class);
        assertThat(Files.exists(seals.file(vote)))
                .as("a held vote keeps its key for the investigation")
                .isTrue();
    }
}
