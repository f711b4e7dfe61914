package org.openplaza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.openplaza.PlatformTestApplication;
import org.openplaza.accounts.DemoAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;

/**
 * Nodes of a cluster starting together on one database: the demo accounts are seeded once, not
 * once per node (which failed the second node's start on a duplicate username), and the cluster's
 * locks let one node at a time hold a name, waiting out a node that died holding it.
 */
class ClusterStartTest {

    private static final org.jooq.Table<?> USERS = DSL.table(DSL.name("accounts", "app_user"));

    /** Holds each node's start just before seeding until every node has got there. */
    static CyclicBarrier together;

    @Order(-1)
    static class StartTogether implements ApplicationRunner {
        @Override
        public void run(ApplicationArguments args) throws Exception {
            together.await(60, TimeUnit.SECONDS);
        }
    }

    private static SpringApplicationBuilder node(String cluster, String profile) {
        return new SpringApplicationBuilder(PlatformTestApplication.class, StartTogether.class)
                .web(WebApplicationType.NONE)
                .profiles(profile)
                .properties(
                        "spring.datasource.url=jdbc:h2:mem:" + cluster + ";DB_CLOSE_DELAY=-1",
                        "openplaza.test.postgres.shared=" + cluster,
                        "openplaza.accounts.bootstrap-admin.username=chief",
                        "openplaza.accounts.bootstrap-admin.password=first-start-secret",
                        "openplaza.accounts.bootstrap-admin.email=chief@city.example");
    }

    private static List<ConfigurableApplicationContext> startTogether(String cluster, String profile, int nodes)
            throws Exception {
        together = new CyclicBarrier(nodes);
        ExecutorService starting = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                started.add(starting.submit(() -> node(cluster, profile).run()));
                // the next node starts once this one waits at the barrier: Spring Boot sets up
                // logging once per JVM and two contexts doing it at once trip over each other
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (together.getNumberWaiting() < i + 1 && i + 1 < nodes && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> each : started) {
                contexts.add(each.get(120, TimeUnit.SECONDS));
            }
            return contexts;
        } finally {
            starting.shutdown();
        }
    }

    @Test
    void nodes_starting_together_seed_the_demo_accounts_once() throws Exception {
        List<ConfigurableApplicationContext> nodes = startTogether("demo-" + System.nanoTime(), "demo", 2);
        try {
            assertThat(nodes.get(1).getBean(DSLContext.class).fetchCount(USERS))
                    .isEqualTo(DemoAccounts.ACCOUNTS.size());
            DSLContext db = nodes.get(0).getBean(DSLContext.class);
            assertThat(db.fetchCount(
                            DSL.table(DSL.name("accounts", "audit_event")),
                            DSL.field(DSL.name("event_type")).eq("DEMO_ACCOUNT_CREATED")))
                    .isEqualTo(DemoAccounts.ACCOUNTS.size());
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }

    @Test
    void nodes_starting_together_in_production_make_one_first_administrator() throws Exception {
        List<ConfigurableApplicationContext> nodes = startTogether("prod-" + System.nanoTime(), "prod", 2);
        try {
            DSLContext db = nodes.get(0).getBean(DSLContext.class);
            assertThat(db.fetchCount(USERS)).isEqualTo(1);
            assertThat(db.fetchExists(USERS, DSL.field(DSL.name("username")).eq("chief")))
                    .isTrue();
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }

    @Test
    void one_node_at_a_time_holds_a_lock_and_a_dead_nodes_lock_runs_out() throws Exception {
        String cluster = "locks-" + System.nanoTime();
        together = new CyclicBarrier(1);
        try (ConfigurableApplicationContext a = node(cluster, "locks").run();
                ConfigurableApplicationContext b = node(cluster, "locks").run()) {
            List<ClusterLock> locks = List.of(a.getBean(ClusterLock.class), b.getBean(ClusterLock.class));
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ClusterLock lock = locks.get(i % 2);
                running.add(workers.submit(() -> {
                    lock.whileHolding("test-job", Duration.ofSeconds(30), () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(50);
                        inside.decrementAndGet();
                        done.incrementAndGet();
                    });
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get(60, TimeUnit.SECONDS);
            }
            workers.shutdown();
            assertThat(done).hasValue(8);
            assertThat(most).hasValue(1);

            // a node that died holding a lock: the others wait until it runs out, then take it
            DSLContext db = a.getBean(DSLContext.class);
            db.execute("INSERT INTO accounts.job_lock (name, lock_until, locked_at, locked_by)"
                    + " VALUES ('dead-node', CURRENT_TIMESTAMP + INTERVAL '2' SECOND, CURRENT_TIMESTAMP, 'node-gone')");
            long start = System.nanoTime();
            AtomicInteger ran = new AtomicInteger();
            locks.get(1).whileHolding("dead-node", Duration.ofSeconds(30), ran::incrementAndGet);
            assertThat(ran).hasValue(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1000));
        }
    }
}
