package org.openplaza.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.openplaza.db.accounts.Tables.CHANGE_EVENT;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Catching up under load, as the load test found it: requests read the cluster's changes before
 * trusting a cache, many of them inside a transaction that holds a connection. A catch-up must
 * never hold other catch-ups back while it waits for a connection, or every connection ends up
 * held by a request waiting for the one catch-up that waits for a connection (seen: the pool
 * exhausted for 30 s, pages and API answering 500). Here both connections of the pool are held by
 * requests that catch up while a third request catches up outside a transaction.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.name=cluster-changes-pool-test",
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=3000"
        })
class ClusterChangesPoolTest {

    @Autowired
    ClusterChanges changes;

    @Autowired
    DSLContext db;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    javax.sql.DataSource dataSource;

    com.zaxxer.hikari.HikariPoolMXBean pool;

    @Test
    void a_catch_up_waiting_for_a_connection_holds_no_other_catch_up_back() throws Exception {
        pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch readerWaits = new CountDownLatch(1);
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                requests.add(threads.submit(
                        () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                            db.fetchCount(CHANGE_EVENT);
                            holding.countDown();
                            awaitReaderWaitingForAConnection(readerWaits);
                            changes.catchUp();
                        })));
            }
            holding.await(10, TimeUnit.SECONDS);
            Future<?> reader = threads.submit(() -> {
                readerWaits.countDown();
                changes.catchUp();
            });
            for (Future<?> request : requests) {
                assertThatCode(() -> request.get(20, TimeUnit.SECONDS)).doesNotThrowAnyException();
            }
            assertThatCode(() -> reader.get(20, TimeUnit.SECONDS))
                    .as("the catch-up that waited for a connection gets one once the requests are done")
                    .doesNotThrowAnyException();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Returns once the third request is inside its catch-up, waiting for a connection. */
    private void awaitReaderWaitingForAConnection(CountDownLatch readerStarted) {
        try {
            readerStarted.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.getThreadsAwaitingConnection() == 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
