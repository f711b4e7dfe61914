package org.openplaza.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.voting.Tables.PROPOSAL_SUPPORT;

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

/** Supports from concurrent requests; each commits on its own, so the test has its own database. */
@SpringBootTest(properties = "spring.datasource.name=proposal-support-test")
class SupportConcurrencyTest {

    @Autowired
    ProposalService proposals;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void one_citizen_clicking_from_many_threads_supports_once_and_many_citizens_lose_none() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String author = "author" + tag;
        TestAccounts.user(db, author, true);
        String eager = "eager" + tag;
        TestAccounts.user(db, eager, true);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            others.add("c" + i + tag);
            TestAccounts.user(db, others.get(i), true);
        }
        TestAccounts.signIn("root", "ADMIN");
        proposals.updateSettings(new ParticipationSettings(10, 30, 5, 5));
        TestAccounts.signIn(author, "CITIZEN");
        long id = proposals.draft(People.text("Free Wi-Fi on buses"));
        proposals.publish(id);
        TestAccounts.signOut();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SupportState>> clicks = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                clicks.add(pool.submit(supporting(eager, id, start)));
            }
            for (String other : others) {
                clicks.add(pool.submit(supporting(other, id, start)));
            }
            start.countDown();
            for (Future<SupportState> click : clicks) {
                assertThat(click.get().supporting()).isTrue();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(db.fetchCount(PROPOSAL_SUPPORT, PROPOSAL_SUPPORT.PROPOSAL_ID.eq(id)))
                .isEqualTo(1 + others.size());
        Proposal p = proposals.find(id).orElseThrow();
        assertThat(p.supports()).isEqualTo(1 + others.size());
        assertThat(p.status()).as("ten supports qualified it").isEqualTo(ProposalStatus.QUALIFIED);
        assertThat(proposals.history(id))
                .filteredOn(c -> c.to() == ProposalStatus.QUALIFIED)
                .as("qualified exactly once")
                .hasSize(1);
    }

    private Callable<SupportState> supporting(String username, long id, CountDownLatch start) {
        return () -> {
            TestAccounts.signIn(username, "CITIZEN");
            try {
                start.await();
                return proposals.support(id);
            } finally {
                TestAccounts.signOut();
            }
        };
    }
}
