package org.openplaza.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.stereotype.Component;

/**
 * Locks held in the portal's database ({@code accounts.job_lock}, through ShedLock's provider), so
 * that on a cluster a start-up step such as seeding runs on one node while the others wait for it.
 * Scheduled jobs take the same locks with {@code @SchedulerLock}. The lock's time is the
 * database's, not each node's clock, and its statements run in transactions of their own, never in
 * the caller's.
 */
@Component
public class ClusterLock {

    /** The lock every start-up seeding step takes, so that nodes starting together seed once. */
    public static final String SEEDING = "seeding";

    /** How long a node may seed before the others take it for dead. */
    public static final Duration SEEDING_AT_MOST = Duration.ofMinutes(10);

    private static final Duration POLL = Duration.ofMillis(200);

    /** Work that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final LockProvider provider;

    ClusterLock(LockProvider provider) {
        this.provider = provider;
    }

    /**
     * Runs the work while this node holds the named lock, after waiting for any other node that
     * holds it to finish. If a node dies while holding it, the others take it after {@code atMost}.
     * Work that is to be done once must itself see that it has been done (another node may have
     * done it while this one waited), and must commit before it returns.
     */
    public void whileHolding(String name, Duration atMost, Work work) throws Exception {
        Instant giveUp = Instant.now().plus(atMost.multipliedBy(2));
        while (true) {
            Optional<SimpleLock> lock =
                    provider.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
            if (lock.isPresent()) {
                try {
                    work.run();
                } finally {
                    lock.get().unlock();
                }
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException(
                        "another node has held the lock " + name + " for longer than it may; not waiting for it");
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
