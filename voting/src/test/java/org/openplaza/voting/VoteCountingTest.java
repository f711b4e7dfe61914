package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.openplaza.platform.SystemIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The count in the background, as the portal runs it: a closed vote is counted once, by the
 * portal's own identity, on the counting thread, with its progress; {@link VoteCounted} is heard
 * once the count stands, as the portal, and a listener that fails (the catalogue was down) leaves
 * the count to be tried again by the next reader, with no second count of the box.
 */
@SpringBootTest
@Import({TestAccounts.Clocks.class, VoteCountingTest.Listener.class})
class VoteCountingTest {

    /** Hears the announcements; fails the first ones when told to. */
    @TestConfiguration
    static class Listener {
        final List<VoteCounted> heard = new CopyOnWriteArrayList<>();
        final List<String> as = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        @Autowired
        CountService counts;

        @EventListener
        void counted(VoteCounted counted) {
            heard.add(counted);
            as.add(SecurityContextHolder.getContext().getAuthentication().getName());
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("the catalogue is down");
            }
            counts.recordPublication(
                    counted.vote().id(), "ballots-of-vote-" + counted.vote().id());
        }
    }

    @Autowired
    VoteCounting counting;

    @Autowired
    BallotService ballots;

    @Autowired
    VoteService votes;

    @Autowired
    DSLContext db;

    @Autowired
    Listener listener;

    @Autowired
    TestAccounts.HandClock clock;

    final String tag = Long.toString(System.nanoTime(), 36);
    final Instant opens = Instant.parse("2026-06-01T08:00:00Z");
    final Instant closes = Instant.parse("2026-06-08T08:00:00Z");
    long vote;

    @BeforeEach
    void aClosedVoteWithThreeBallots() {
        listener.heard.clear();
        listener.as.clear();
        listener.failures.set(0);
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        long official = TestAccounts.user(db, "official" + tag, true);
        TestAccounts.organisation(db, "Jongno office " + tag, official);
        TestAccounts.signIn("official" + tag, "OFFICIAL", "CITIZEN");
        vote = votes.open(VoteSpec.yesNo(null, "Should Jongno close a street on Sundays?", false, opens, closes));
        for (String name : List.of("kim", "lee", "park")) {
            TestAccounts.user(db, name + tag, true);
            TestAccounts.signIn(name + tag, "CITIZEN");
            ballots.cast(vote, List.of(name.equals("kim") ? 2 : 1));
        }
        clock.set(closes.plusSeconds(1));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Asks a node for a vote's results as readers do, until its background count has made them. */
    static Results awaitResults(VoteCounting counting, long vote) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            Optional<Results> results = counting.results(vote);
            if (results.isPresent()) {
                return results.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("vote " + vote + " was not counted; progress " + counting.progress(vote));
    }

    private int countsInTheAuditLog() {
        return db.fetchCount(
                AUDIT_EVENT,
                AUDIT_EVENT.EVENT_TYPE.eq("VOTE_COUNTED").and(AUDIT_EVENT.OBJECT_ID.eq(Long.toString(vote))));
    }

    @Test
    void a_closed_vote_is_counted_once_by_the_portal_and_announced_once() throws Exception {
        Results results = awaitResults(counting, vote);

        assertThat(results.turnout()).isEqualTo(3);
        assertThat(results.carried()).isTrue();
        assertThat(listener.heard).extracting(c -> c.vote().id()).containsExactly(vote);
        assertThat(listener.as).containsExactly(SystemIdentity.NAME);
        assertThat(votes.find(vote).orElseThrow().ballotsDataset()).isEqualTo("ballots-of-vote-" + vote);
        assertThat(countsInTheAuditLog()).isEqualTo(1);

        // readers after that get the kept results; nothing is counted or announced again
        counting.forget(vote);
        awaitResults(counting, vote);
        assertThat(listener.heard).hasSize(1);
        assertThat(countsInTheAuditLog()).isEqualTo(1);
    }

    @Test
    void a_publication_that_fails_is_tried_again_without_counting_the_box_twice() throws Exception {
        listener.failures.set(1);
        counting.start(vote);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (counting.progress(vote) == null || !counting.progress(vote).failed()) {
            assertThat(System.nanoTime())
                    .as("the failed announcement shows as a failed count")
                    .isLessThan(until);
            Thread.sleep(50);
        }
        assertThat(votes.find(vote).orElseThrow().finalisedAt())
                .as("the count itself stands")
                .isNotNull();
        assertThat(votes.find(vote).orElseThrow().ballotsDataset()).isNull();

        Results results = awaitResults(counting, vote);
        assertThat(results.turnout()).isEqualTo(3);
        assertThat(listener.heard).hasSize(2);
        assertThat(votes.find(vote).orElseThrow().ballotsDataset()).isEqualTo("ballots-of-vote-" + vote);
        assertThat(countsInTheAuditLog()).as("finalised once").isEqualTo(1);
    }
}
