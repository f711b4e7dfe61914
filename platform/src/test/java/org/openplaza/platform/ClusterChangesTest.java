package org.openplaza.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.CHANGE_EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster's changes: a change is recorded with the transaction that makes it and heard once on
 * every node (at once on its own), including one that commits after a later-numbered one; a change
 * rolled back is never heard; a catch-up returns only once what another thread heard is applied.
 */
@SpringBootTest
@RecordApplicationEvents
class ClusterChangesTest {

    @Autowired
    ClusterChanges changes;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DSLContext db;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEvents heard;

    @BeforeEach
    void upToDate() {
        changes.catchUp();
        heard.clear();
    }

    private long heardOf(String topic, String subject) {
        return heard.stream(Changed.class)
                .filter(c -> c.topic().equals(topic) && c.subject().equals(subject))
                .count();
    }

    /** What another node writes. */
    private void fromAnotherNode(String subject) {
        db.insertInto(CHANGE_EVENT)
                .set(CHANGE_EVENT.TOPIC, "test")
                .set(CHANGE_EVENT.SUBJECT, subject)
                .set(CHANGE_EVENT.NODE, "another-node")
                .set(CHANGE_EVENT.RECORDED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    @Test
    void a_change_is_heard_once_here_when_it_commits_and_once_from_another_node() {
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> events.publishEvent(new Change("test", "mine")));
        assertThat(heardOf("test", "mine")).isEqualTo(1);
        assertThat(db.fetchCount(CHANGE_EVENT, CHANGE_EVENT.SUBJECT.eq("mine"))).isEqualTo(1);
        changes.catchUp();
        assertThat(heardOf("test", "mine")).as("not heard again from the table").isEqualTo(1);

        fromAnotherNode("theirs");
        changes.catchUp();
        changes.catchUp();
        assertThat(heardOf("test", "theirs")).isEqualTo(1);
    }

    @Test
    void a_change_that_commits_after_a_later_numbered_one_is_still_heard() throws Exception {
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        var slow = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // another node's transaction takes its number first and commits last
            var late = slow.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                fromAnotherNode("numbered-first-committed-later");
                written.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            written.await();
            fromAnotherNode("numbered-later-committed-first");
            // several catch-ups pass while the late transaction has not committed
            changes.catchUp();
            changes.catchUp();
            changes.catchUp();
            assertThat(heardOf("test", "numbered-later-committed-first")).isEqualTo(1);
            assertThat(heardOf("test", "numbered-first-committed-later")).isZero();

            commit.countDown();
            late.get();
            changes.catchUp();
            assertThat(heardOf("test", "numbered-first-committed-later")).isEqualTo(1);
            assertThat(db.select(CHANGE_EVENT.ID)
                            .from(CHANGE_EVENT)
                            .where(CHANGE_EVENT.SUBJECT.eq("numbered-first-committed-later"))
                            .fetchSingle(CHANGE_EVENT.ID))
                    .isLessThan(db.select(CHANGE_EVENT.ID)
                            .from(CHANGE_EVENT)
                            .where(CHANGE_EVENT.SUBJECT.eq("numbered-later-committed-first"))
                            .fetchSingle(CHANGE_EVENT.ID));
        } finally {
            commit.countDown();
            slow.shutdown();
        }
    }

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    /**
     * The background catch-up hears another node's change and is still applying it (re-indexing a
     * dataset, say) when a request catches up before reading its cache: the request's catch-up finds
     * the change already heard, and must not return before it is applied, or the request reads the
     * cache as it was.
     */
    @Test
    void a_catch_up_returns_only_once_a_change_another_thread_heard_is_applied() throws Exception {
        String subject = "slow-" + System.nanoTime();
        java.util.concurrent.CountDownLatch applying = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean applied = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger times = new java.util.concurrent.atomic.AtomicInteger();
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof Changed changed
                    && changed.subject().equals(subject)) {
                times.incrementAndGet();
                applying.countDown();
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                applied.set(true);
            }
        });
        fromAnotherNode(subject);
        Thread background = new Thread(changes::catchUp, "background-catch-up");
        background.start();
        assertThat(applying.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        java.util.concurrent.atomic.AtomicBoolean appliedWhenReturned = new java.util.concurrent.atomic.AtomicBoolean();
        Thread request = new Thread(
                () -> {
                    changes.catchUp();
                    appliedWhenReturned.set(applied.get());
                },
                "request-catch-up");
        request.start();
        // the request's catch-up has read the table once it waits, or has returned without waiting
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (request.getState() != Thread.State.TIMED_WAITING
                && request.getState() != Thread.State.TERMINATED
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        request.join(10_000);
        background.join(10_000);
        assertThat(appliedWhenReturned)
                .as("the request read on only after the change was applied")
                .isTrue();
        assertThat(times).as("heard once").hasValue(1);
    }

    @Test
    void a_change_rolled_back_is_never_recorded_nor_heard() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            events.publishEvent(new Change("test", "undone"));
            status.setRollbackOnly();
        });
        changes.catchUp();
        assertThat(heardOf("test", "undone")).isZero();
        assertThat(db.fetchCount(CHANGE_EVENT, CHANGE_EVENT.SUBJECT.eq("undone")))
                .isZero();
    }

    @Test
    void an_accounts_new_roles_or_password_are_announced_to_the_cluster() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            events.publishEvent(new org.openplaza.accounts.AccountAccessChanged("demoted-official"));
            events.publishEvent(new org.openplaza.accounts.PasswordChanged("new-password-citizen"));
        });
        assertThat(db.fetchCount(
                        CHANGE_EVENT,
                        CHANGE_EVENT
                                .TOPIC
                                .eq(org.openplaza.accounts.AccountChanges.ACCESS)
                                .and(CHANGE_EVENT.SUBJECT.eq("demoted-official"))))
                .isEqualTo(1);
        assertThat(db.fetchCount(
                        CHANGE_EVENT,
                        CHANGE_EVENT
                                .TOPIC
                                .eq(org.openplaza.accounts.AccountChanges.PASSWORD)
                                .and(CHANGE_EVENT.SUBJECT.eq("new-password-citizen"))))
                .isEqualTo(1);
    }

    @Test
    void changes_older_than_an_hour_are_removed() {
        db.insertInto(CHANGE_EVENT)
                .set(CHANGE_EVENT.TOPIC, "test")
                .set(CHANGE_EVENT.SUBJECT, "old")
                .set(CHANGE_EVENT.NODE, "another-node")
                .set(
                        CHANGE_EVENT.RECORDED_AT,
                        OffsetDateTime.ofInstant(Instant.now().minus(2, ChronoUnit.HOURS), ZoneOffset.UTC))
                .execute();
        changes.prune();
        assertThat(db.fetchCount(CHANGE_EVENT, CHANGE_EVENT.SUBJECT.eq("old"))).isZero();
    }
}
