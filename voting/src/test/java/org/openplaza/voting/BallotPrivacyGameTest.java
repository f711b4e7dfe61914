package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.CHECKPOINT;
import static org.openplaza.db.voting.Tables.PARTICIPATION;
import static org.openplaza.db.voting.Tables.VOTE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Ballot privacy as a game (the idea behind BPRIV, the definition Helios and Belenios are held to):
 * two votes run side by side with the same citizens casting at the same moments, and differ only
 * in who cast which ballot — in the second, every citizen casts the ballot their neighbour casts in
 * the first. An insider takes everything they can reach but the seal keys: the database file on
 * disk, every table with its hidden row ids, positions, days and sizes, the checkpoints with their
 * times, the audit log, the application log at its most verbose, the counted ballots and the
 * published ones. If that view is the same in both worlds (up to fresh random receipts, seals and
 * hashes), no join of any of it (by row id, order, position, time or size, with sign-in times or
 * anything else that is equal in both worlds) tells who voted what better than chance.
 */
@org.junit.jupiter.api.Tag("h2-files")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:file:./target/privacy-game/db-${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
            "logging.level.org.openplaza=TRACE",
            "logging.level.org.jooq=TRACE",
            "logging.level.org.springframework.jdbc=TRACE"
        })
@Import(TestAccounts.Clocks.class)
@ExtendWith(OutputCaptureExtension.class)
class BallotPrivacyGameTest {

    @Autowired
    BallotService ballots;

    @Autowired
    CountService counts;

    @Autowired
    VoteService votes;

    @Autowired
    CheckpointService checkpoints;

    @Autowired
    BallotSeals seals;

    @Autowired
    DSLContext db;

    @Autowired
    TestAccounts.HandClock clock;

    final String tag = Long.toString(System.nanoTime(), 36);
    final Instant opens = Instant.parse("2026-09-01T08:00:00Z");
    final Instant closes = Instant.parse("2026-09-08T08:00:00Z");

    final List<String> names = List.of("han", "seo", "oh", "shin", "kwon", "hwang");

    /** What the i-th citizen casts in the first world; in the second they cast the next one's. */
    final List<List<Integer>> rankings = List.of(
            List.of(1, 2, 3, 4), List.of(4, 3, 2, 1), List.of(2), List.of(3, 1), List.of(4, 2, 1), List.of(1, 4));

    /** The first ballot "oh" casts before changing it (the same in both worlds). */
    final List<Integer> firstOfOh = List.of(2, 3, 4, 1);

    @BeforeEach
    void citizens() {
        clock.set(opens.plus(Duration.ofHours(1)));
        TestAccounts.user(db, "official" + tag, true);
        names.forEach(name -> TestAccounts.user(db, name + tag, true));
    }

    @AfterEach
    void signOutAndQuietTheLog() {
        SecurityContextHolder.clearContext();
        // the levels set for this test outlive its context: give the next tests their own
        var logging =
                org.springframework.boot.logging.LoggingSystem.get(getClass().getClassLoader());
        for (String logger : List.of("org.openplaza", "org.jooq", "org.springframework.jdbc")) {
            logging.setLogLevel(logger, null);
        }
    }

    private List<Integer> castBy(int citizen, int world) {
        return rankings.get((citizen + world) % rankings.size());
    }

    @Test
    void everything_an_insider_sees_but_the_seal_keys_is_the_same_whoever_cast_which_ballot(CapturedOutput log)
            throws Exception {
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        long[] world = new long[2];
        for (int w = 0; w < 2; w++) {
            world[w] = votes.open(VoteSpec.ranked(
                    "Rank the four festival sites", true, opens, closes, "Park", "Square", "Harbour", "Hall"));
        }

        // every citizen casts in both worlds at the same moment; "oh" changes at the end in both
        Map<Long, List<String>> secrets = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            clock.advance(Duration.ofMinutes(1));
            TestAccounts.signIn(names.get(i) + tag, "CITIZEN");
            for (int w = 0; w < 2; w++) {
                List<Integer> ranking = names.get(i).equals("oh") ? firstOfOh : castBy(i, w);
                Receipt receipt = ballots.cast(world[w], ranking);
                secrets.computeIfAbsent(world[w], k -> new ArrayList<>()).add(receipt.changeSecret());
                secrets.get(world[w]).add(receipt.code());
            }
            if (i == 3) {
                TestAccounts.signIn("openplaza", "ADMIN");
                checkpoints.signRunningVotes();
            }
        }
        clock.advance(Duration.ofMinutes(1));
        TestAccounts.signIn("oh" + tag, "CITIZEN");
        int oh = names.indexOf("oh");
        for (int w = 0; w < 2; w++) {
            ballots.change(world[w], secrets.get(world[w]).get(2 * oh), castBy(oh, w));
        }
        clock.advance(Duration.ofMinutes(1));
        TestAccounts.signIn("openplaza", "ADMIN");
        checkpoints.signRunningVotes();

        assertThat(insiderView(world[1])).as("while the vote runs").isEqualTo(insiderView(world[0]));
        byte[] file = databaseFile();
        for (int w = 0; w < 2; w++) {
            String key = Files.readString(seals.file(world[w]), StandardCharsets.US_ASCII)
                    .strip();
            assertThat(indexOf(file, key.getBytes(StandardCharsets.US_ASCII)))
                    .as("the seal key, as written in its file, is nowhere in the database file")
                    .isNegative();
            assertThat(indexOf(file, Base64.getDecoder().decode(key)))
                    .as("nor are its bytes")
                    .isNegative();
        }
        for (List<Integer> ranking : rankings.stream().filter(r -> r.size() > 1).toList()) {
            assertThat(indexOf(file, stored(ranking).getBytes(StandardCharsets.UTF_8)))
                    .as("no ballot of a running vote is readable in the database file: %s", stored(ranking))
                    .isNegative();
        }

        clock.set(closes);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        for (int w = 0; w < 2; w++) {
            assertThat(counts.finalise(world[w], CountService.Progress.NONE)).isPresent();
        }
        assertThat(insiderView(world[1])).as("after the count").isEqualTo(insiderView(world[0]));
        List<List<String>> published = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            List<String> rows = new ArrayList<>();
            counts.publishedBallots(world[w], b -> rows.add(b.choices() + "|" + b.labels()));
            published.add(rows);
        }
        assertThat(published.get(1)).as("the published ballots").isEqualTo(published.get(0));

        // the log, at its most verbose, names no receipt, secret or choice
        List<String> leaked = new ArrayList<>();
        secrets.values()
                .forEach(values -> values.stream()
                        .filter(value -> value != null && log.getAll().contains(value))
                        .forEach(leaked::add));
        for (List<Integer> ranking : rankings) {
            if (log.getAll().contains("'" + stored(ranking) + "'")
                    || log.getAll().contains("[" + stored(ranking) + "]")) {
                leaked.add(stored(ranking));
            }
        }
        assertThat(leaked)
                .as("receipts, secrets and choices in the application log")
                .isEmpty();
        assertThat(log.getAll()).as("the log was verbose").isNotBlank();
    }

    /**
     * What an insider reads of one vote, values drawn at random (receipts, seals, hashes,
     * signatures) left out but for their sizes.
     */
    private List<String> insiderView(long vote) {
        List<String> view = new ArrayList<>();
        view.add("vote "
                + db.select(VOTE.BALLOT_COUNT, VOTE.FINALISED_AT, VOTE.OUTCOME, VOTE.ELECTORATE, VOTE.HELD_AT)
                        .from(VOTE)
                        .where(VOTE.ID.eq(vote))
                        .fetchOne()
                        .intoList());
        // the register in the database's own order, by its hidden row id
        db.fetch(
                        "SELECT user_id, voted_on, LENGTH(participation_key) FROM voting.participation"
                                + " WHERE vote_id = ? ORDER BY _ROWID_",
                        vote)
                .forEach(r -> view.add("register " + r.intoList()));
        // the box by position and by hidden row id, with sizes and days
        for (String order : List.of("position", "_ROWID_")) {
            db.fetch(
                            "SELECT position, LENGTH(receipt), LENGTH(choices), cast_on, replaces IS NULL,"
                                    + " replace_check IS NULL, LENGTH(hash) FROM voting.ballot WHERE vote_id = ?"
                                    + " ORDER BY " + order,
                            vote)
                    .forEach(r -> view.add("box by " + order + " " + r.intoList()));
        }
        db.select(CHECKPOINT.BALLOTS, CHECKPOINT.VOTERS, CHECKPOINT.SIGNED_AT)
                .from(CHECKPOINT)
                .where(CHECKPOINT.VOTE_ID.eq(vote))
                .orderBy(CHECKPOINT.SIGNED_AT, CHECKPOINT.BALLOTS)
                .forEach(r -> view.add("checkpoint " + r.intoList()));
        // the counted ballots, by their hidden row id (read whole: see SecretBallotAttackTest)
        db.fetch("SELECT vote_id, choices FROM voting.counted_ballot ORDER BY _ROWID_").stream()
                .filter(r -> r.get(0, Long.class) == vote)
                .forEach(r -> view.add("counted " + r.get(1)));
        // the audit log: every entry about the vote, and every entry by one of its voters
        db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.OBJECT_TYPE.eq("vote").and(AUDIT_EVENT.OBJECT_ID.eq(String.valueOf(vote))))
                .or(AUDIT_EVENT.ACTOR.in(names.stream().map(name -> name + tag).toList()))
                .orderBy(AUDIT_EVENT.ID)
                .forEach(e -> view.add("audit " + e.getOccurredAt() + " " + e.getActor() + " " + e.getEventType() + " "
                        + e.getObjectType() + " "
                        + (e.getDetail() == null ? "" : e.getDetail().replaceAll("head [0-9a-f]{64}", "head …"))));
        view.add("register rows " + db.fetchCount(PARTICIPATION, PARTICIPATION.VOTE_ID.eq(vote)));
        view.add("box rows " + db.fetchCount(BALLOT, BALLOT.VOTE_ID.eq(vote)));
        return view;
    }

    private byte[] databaseFile() throws Exception {
        db.execute("CHECKPOINT SYNC");
        String url = db.fetchSingle("SELECT DATABASE_PATH()").get(0, String.class);
        return Files.readAllBytes(Path.of(url + ".mv.db"));
    }

    private static String stored(List<Integer> ranking) {
        return String.join(">", ranking.stream().map(String::valueOf).toList());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
