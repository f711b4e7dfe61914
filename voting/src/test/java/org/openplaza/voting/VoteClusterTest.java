package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.COUNTED_BALLOT;
import static org.openplaza.db.voting.Tables.PARTICIPATION;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.openplaza.VotingTestApplication;
import org.openplaza.platform.ClusterChanges;
import org.openplaza.testdb.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A vote on a cluster of two nodes sharing the database and the folder of keys: citizens cast on
 * both at once (the first ballots on each node race to make the vote's seal key), the chain holds
 * every ballot, both nodes finalise at the same moment and the vote is counted once, with every
 * ballot; the key is destroyed and the node that did not count forgets its copy in memory.
 */
@SpringBootTest(properties = "spring.datasource.name=vote-cluster-test")
@Import(TestAccounts.Clocks.class)
class VoteClusterTest {

    static final Path SHARED = SecondNode.sharedDirectory("vote-cluster");

    @DynamicPropertySource
    static void sharedKeys(DynamicPropertyRegistry registry) {
        registry.add("openplaza.votes.seal-keys", () -> SHARED.resolve("votes").toString());
        registry.add(
                "openplaza.votes.key-file",
                () -> SHARED.resolve("ballot-box.ed25519").toString());
    }

    static ConfigurableApplicationContext nodeB;

    @Autowired
    VoteService votes;

    @Autowired
    BallotService ballots;

    @Autowired
    CountService counts;

    @Autowired
    BallotSeals seals;

    @Autowired
    DSLContext db;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    TestAccounts.HandClock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    private void startNodeB() {
        nodeB = new SpringApplicationBuilder(VotingTestApplication.class, TestAccounts.Clocks.class)
                .web(WebApplicationType.NONE)
                .run(SecondNode.with(
                        SecondNode.sameDatabase(environment, dataSource),
                        "--openplaza.votes.seal-keys=" + SHARED.resolve("votes"),
                        "--openplaza.votes.key-file=" + SHARED.resolve("ballot-box.ed25519")));
    }

    @Test
    void a_vote_cast_on_two_nodes_at_once_is_counted_once_with_every_ballot() throws Exception {
        startNodeB();
        TestAccounts.HandClock clockB = nodeB.getBean(TestAccounts.HandClock.class);
        Instant opens = Instant.parse("2026-06-01T08:00:00Z");
        Instant closes = Instant.parse("2026-06-08T08:00:00Z");
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        clockB.set(clock.now());

        String tag = Long.toString(System.nanoTime(), 36);
        TestAccounts.user(db, "official" + tag, true);
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            citizens.add("c" + i + tag);
            TestAccounts.user(db, citizens.get(i), true);
        }
        TestAccounts.signIn("official" + tag, "OFFICIAL", "CITIZEN");
        long vote = votes.open(VoteSpec.yesNo(null, "Light the riverside path at night?", false, opens, closes));
        SecurityContextHolder.clearContext();

        BallotService ballotsB = nodeB.getBean(BallotService.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> casts = new ArrayList<>();
        try {
            for (int i = 0; i < citizens.size(); i++) {
                casts.add(pool.submit(
                        casting(i % 2 == 0 ? ballots : ballotsB, citizens.get(i), vote, 1 + i % 4 / 3, start)));
            }
            start.countDown();
            for (Future<Boolean> cast : casts) {
                assertThat(cast.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(db.fetchCount(PARTICIPATION, PARTICIPATION.VOTE_ID.eq(vote))).isEqualTo(16);
        assertThat(db.fetchCount(BALLOT, BALLOT.VOTE_ID.eq(vote))).isEqualTo(16);
        assertThat(seals.holds(vote)).isTrue();
        assertThat(nodeB.getBean(BallotSeals.class).holds(vote)).isTrue();
        ChainCheck chain = nodeB.getBean(CountService.class).verify(vote);
        assertThat(chain.intact()).isTrue();
        assertThat(chain.ballots()).isEqualTo(16);

        // both nodes' jobs find the vote closed at the same moment
        clock.set(closes);
        clockB.set(closes);
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService counting = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Results>> onA = counting.submit(finalising(counts, "official" + tag, vote, together));
            Future<Optional<Results>> onB =
                    counting.submit(finalising(nodeB.getBean(CountService.class), "official" + tag, vote, together));
            together.countDown();
            Optional<Results> a = onA.get(60, TimeUnit.SECONDS);
            Optional<Results> b = onB.get(60, TimeUnit.SECONDS);
            assertThat(a.isPresent() ^ b.isPresent()).as("counted by one node").isTrue();
            Results results = a.orElseGet(b::orElseThrow);
            assertThat(results.turnout()).isEqualTo(16);
        } finally {
            counting.shutdown();
        }
        assertThat(db.fetchCount(COUNTED_BALLOT, COUNTED_BALLOT.VOTE_ID.eq(vote)))
                .isEqualTo(16);
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        Results published = counts.results(vote);
        assertThat(published.turnout()).isEqualTo(16);
        SecurityContextHolder.clearContext();

        // the key is gone from the folder and, once each node has heard of the count, from memory
        assertThat(seals.file(vote)).doesNotExist();
        getBean(ClusterChanges.class).catchUp();
        nodeB.getBean(ClusterChanges.class).catchUp();
        assertThat(seals.holds(vote)).isFalse();
        assertThat(nodeB.getBean(BallotSeals.class).holds(vote)).isFalse();

        // each node keeps the results for its readers; a fresh count asked for on one (a recount
        // there) drops them on both, so that no node shows a chain check older than the other's
        VoteCounting countingA = getBean(VoteCounting.class);
        VoteCounting countingB = nodeB.getBean(VoteCounting.class);
        assertThat(VoteCountingTest.awaitResults(countingA, vote).turnout()).isEqualTo(16);
        assertThat(VoteCountingTest.awaitResults(countingB, vote).turnout()).isEqualTo(16);
        countingA.forget(vote);
        nodeB.getBean(ClusterChanges.class).catchUp();
        assertThat(countingB.results(vote))
                .as("forgotten on the other node too")
                .isEmpty();
        assertThat(VoteCountingTest.awaitResults(countingB, vote).turnout()).isEqualTo(16);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private <T> T getBean(Class<T> type) {
        return context.getBean(type);
    }

    private static Callable<Boolean> casting(
            BallotService service, String username, long vote, int choice, CountDownLatch start) {
        return () -> {
            TestAccounts.signIn(username, "CITIZEN");
            try {
                start.await();
                service.cast(vote, List.of(choice));
                return true;
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }

    private static Callable<Optional<Results>> finalising(
            CountService service, String official, long vote, CountDownLatch together) {
        return () -> {
            TestAccounts.signIn(official, "OFFICIAL");
            try {
                together.await();
                return service.finalise(vote, CountService.Progress.NONE);
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }
}
