package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.voting.Tables.BALLOT;
import static org.openplaza.db.voting.Tables.PARTICIPATION;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** Ballots from concurrent requests; each commits on its own, so the test has its own database. */
@SpringBootTest(properties = "spring.datasource.name=ballot-concurrency-test")
class BallotConcurrencyTest {

    @Autowired
    BallotService ballots;

    @Autowired
    VoteService votes;

    @Autowired
    CountService counts;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void one_citizen_from_many_threads_casts_one_ballot_and_many_citizens_lose_none() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String eager = "eager" + tag;
        TestAccounts.user(db, eager, true);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add("v" + i + tag);
            TestAccounts.user(db, others.get(i), true);
        }
        TestAccounts.signIn("official" + tag, "OFFICIAL");
        long vote = votes.open(VoteSpec.yesNo(
                null,
                "Extend the night buses?",
                false,
                Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1))));
        SecurityContextHolder.clearContext();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> eagerTries = new ArrayList<>();
        List<Future<Boolean>> othersTries = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                eagerTries.add(pool.submit(casting(eager, vote, 1 + i % 2, start)));
            }
            for (String other : others) {
                othersTries.add(pool.submit(casting(other, vote, 2, start)));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> t : eagerTries) {
                accepted += t.get() ? 1 : 0;
            }
            assertThat(accepted).as("one of the eager citizen's tries").isEqualTo(1);
            for (Future<Boolean> t : othersTries) {
                assertThat(t.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(db.fetchCount(PARTICIPATION, PARTICIPATION.VOTE_ID.eq(vote))).isEqualTo(21);
        assertThat(db.fetchCount(BALLOT, BALLOT.VOTE_ID.eq(vote))).isEqualTo(21);
        ChainCheck chain = counts.verify(vote);
        assertThat(chain.intact()).isTrue();
        assertThat(chain.ballots()).isEqualTo(21);
    }

    private Callable<Boolean> casting(String username, long vote, int choice, CountDownLatch start) {
        return () -> {
            TestAccounts.signIn(username, "CITIZEN");
            try {
                start.await();
                ballots.cast(vote, List.of(choice));
                return true;
            } catch (VotingException e) {
                return false;
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }
}
