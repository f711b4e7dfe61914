package org.openplaza.platform;

import static org.openplaza.db.accounts.Tables.CHANGE_EVENT;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries the changes modules announce ({@link Change}) to every node of a cluster, through the
 * table {@code accounts.change_event} (an outbox each node follows):
 *
 * <ul>
 *   <li>just before the announcing transaction commits, the change is written in it, so it is
 *       recorded if and only if it happened;
 *   <li>once it has committed, this node hears of it at once ({@link Changed});
 *   <li>the other nodes hear of it when they next catch up: at most {@code
 *       openplaza.cluster.catch-up-after} (by default always) before a read that trusts a cache, and every
 *       second in the background.
 * </ul>
 *
 * <p>A catch-up returns once what it heard is applied, and once what another thread heard just
 * before it is applied too (waiting at most {@link #WAIT_FOR_OTHERS}), so that a read after it
 * finds the cache with every change it could have heard.
 *
 * <p>Numbers are given as changes are written and commits may land out of that order, so a
 * catch-up reads again everything after what it had seen a minute ago and skips what it has
 * already heard; a change is written immediately before its commit, so it is never a minute late.
 */
@Component
public class ClusterChanges {

    private static final Logger log = LoggerFactory.getLogger(ClusterChanges.class);

    /** How far back a catch-up looks again for changes that committed out of order. */
    static final Duration LOOK_BACK = Duration.ofMinutes(1);

    /** How long changes are kept for nodes to read. */
    static final Duration KEEP = Duration.ofHours(1);

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration catchUpAfter;

    /** This node, as its changes are marked: a node does not hear its own changes twice. */
    private final String node = UUID.randomUUID().toString();

    /** Every change numbered at most this has been heard (or predates this node). */
    private volatile long floor;

    /** Changes above the floor already heard; also the lock for the floor and the marks. */
    private final Set<Long> heard = new HashSet<>();

    /** The highest number heard at each catch-up, oldest first: raises the floor once old enough. */
    private final Deque<long[]> marks = new ArrayDeque<>();

    private volatile long lastCatchUp;

    /**
     * How long a catch-up waits for changes another thread heard first and is still applying: long
     * enough for a re-index, short enough that a request never hangs on a stuck one (an application
     * that waits for a connection the waiting request holds is one).
     */
    static final Duration WAIT_FOR_OTHERS = Duration.ofSeconds(2);

    /** Batches of changes heard and not yet applied by the threads that heard them; also their lock. */
    private final int[] inFlight = {0};

    /** How deep this thread is in applying changes: a listener that catches up waits for nobody. */
    private static final ThreadLocal<int[]> APPLYING = ThreadLocal.withInitial(() -> new int[] {0});

    ClusterChanges(
            DSLContext db,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${openplaza.cluster.catch-up-after:PT0S}") Duration catchUpAfter) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.catchUpAfter = catchUpAfter;
        Long newest = db.select(DSL.max(CHANGE_EVENT.ID)).from(CHANGE_EVENT).fetchOne(0, Long.class);
        this.floor = newest == null ? 0 : newest;
        this.lastCatchUp = System.nanoTime();
    }

    /** Writes the change in its transaction, just before the commit (or at once outside one). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void record(Change change) {
        db.insertInto(CHANGE_EVENT)
                .set(CHANGE_EVENT.TOPIC, change.topic())
                .set(CHANGE_EVENT.SUBJECT, change.subject())
                .set(CHANGE_EVENT.NODE, node)
                .set(CHANGE_EVENT.RECORDED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .execute();
    }

    /** This node hears of its own change as soon as it has committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(Change change) {
        events.publishEvent(new Changed(change.topic(), change.subject(), true));
    }

    /** Catches up unless it did so within {@code openplaza.cluster.catch-up-after}. */
    public void catchUpIfStale() {
        if (System.nanoTime() - lastCatchUp >= catchUpAfter.toNanos()) {
            catchUp();
        }
    }

    /**
     * Hears every change other nodes committed since the last catch-up. Requests catch up at once,
     * many inside a transaction that holds a connection: each reads the table with a connection of
     * its own (or its transaction's) and nothing is held while it waits for one, so that no request
     * waits for a catch-up that waits for the request's connection. Only what was heard is kept
     * under a lock, and listeners are told after it is released.
     */
    public void catchUp() {
        long now = System.nanoTime();
        lastCatchUp = now;
        long from = floor;
        var found = db.select(CHANGE_EVENT.ID, CHANGE_EVENT.TOPIC, CHANGE_EVENT.SUBJECT, CHANGE_EVENT.NODE)
                .from(CHANGE_EVENT)
                .where(CHANGE_EVENT.ID.gt(from))
                .orderBy(CHANGE_EVENT.ID)
                .fetch();
        List<Changed> news = new ArrayList<>();
        synchronized (heard) {
            long highest = from;
            for (var change : found) {
                long id = change.value1();
                highest = Math.max(highest, id);
                if (id > floor && heard.add(id) && !node.equals(change.value4())) {
                    news.add(new Changed(change.value2(), change.value3(), false));
                }
            }
            marks.addLast(new long[] {now, highest});
            while (!marks.isEmpty() && now - marks.peekFirst()[0] > LOOK_BACK.toNanos()) {
                floor = Math.max(floor, marks.removeFirst()[1]);
            }
            heard.removeIf(id -> id <= floor);
            if (!news.isEmpty()) {
                // counted while the changes are marked heard: whoever finds them heard waits for them
                synchronized (inFlight) {
                    inFlight[0]++;
                }
            }
        }
        if (!news.isEmpty()) {
            APPLYING.get()[0]++;
            try {
                for (Changed changed : news) {
                    try {
                        events.publishEvent(changed);
                    } catch (RuntimeException e) {
                        log.error("A change made on another node could not be applied here: {}", changed, e);
                    }
                }
            } finally {
                APPLYING.get()[0]--;
                synchronized (inFlight) {
                    inFlight[0]--;
                    inFlight.notifyAll();
                }
            }
        }
        if (APPLYING.get()[0] == 0) {
            awaitOthers();
        }
    }

    /**
     * Waits until the changes other threads heard are applied (at most {@link #WAIT_FOR_OTHERS}):
     * a change this catch-up found already heard may still be on its way into a cache.
     */
    private void awaitOthers() {
        long deadline = System.nanoTime() + WAIT_FOR_OTHERS.toNanos();
        synchronized (inFlight) {
            while (inFlight[0] > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Changes heard by another thread are still being applied after {}", WAIT_FOR_OTHERS);
                    return;
                }
                try {
                    inFlight.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Every node catches up in the background too, so that it hears changes while nobody reads. */
    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelayString = "${openplaza.cluster.catch-up-every:PT1S}",
            initialDelayString = "${openplaza.cluster.catch-up-every:PT1S}")
    void inTheBackground() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("Could not read the cluster's changes: {}", e.toString());
        }
    }

    /** Removes changes older than an hour, which every running node has read. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "change-events-prune", lockAtMostFor = "PT10M")
    public int prune() {
        return db.deleteFrom(CHANGE_EVENT)
                .where(CHANGE_EVENT.RECORDED_AT.lt(
                        OffsetDateTime.ofInstant(clock.instant().minus(KEEP), ZoneOffset.UTC)))
                .execute();
    }
}
