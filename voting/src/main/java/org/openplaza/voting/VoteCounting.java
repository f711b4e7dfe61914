package org.openplaza.voting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.openplaza.platform.Change;
import org.openplaza.platform.Changed;
import org.openplaza.platform.RunAs;
import org.openplaza.platform.SystemIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts votes in the background with their progress, as the portal itself. When a vote closes (at
 * its time, found by a job every few seconds on one node of a cluster, or early by an official) it
 * is counted once, which moves its proposal, and {@link VoteCounted} is announced so that its
 * ballots are published; a count held for investigation gives no results and announces nothing.
 * Results of counted votes are kept for a few minutes, so a large vote is not recounted for every
 * reader. Every minute the job also signs checkpoints of running votes.
 */
@Component
public class VoteCounting {

    /** How far a count has come; {@code failed} when it stopped on an error. */
    public record Progress(long done, long total, boolean failed) {
        public double fraction() {
            return total == 0 ? 0 : Math.min(1, (double) done / total);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(VoteCounting.class);

    /** The change that makes every node drop the results it keeps of a vote. */
    static final String RESULTS_FORGOTTEN = "vote-results-forgotten";

    private static final long KEEP_MILLIS = 5 * 60_000;

    private record Kept(Results results, long at) {}

    private final CountService counts;
    private final CheckpointService checkpoints;
    private final VoteService votes;
    private final ApplicationEventPublisher events;
    private final RunAs runAs;
    private final Map<Long, Progress> running = new ConcurrentHashMap<>();
    private final Map<Long, Kept> kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > 32;
        }
    });
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vote-counting");
        thread.setDaemon(true);
        return thread;
    });

    VoteCounting(
            CountService counts,
            CheckpointService checkpoints,
            VoteService votes,
            ApplicationEventPublisher events,
            RunAs runAs) {
        this.counts = counts;
        this.checkpoints = checkpoints;
        this.votes = votes;
        this.events = events;
        this.runAs = runAs;
    }

    /** The results of a counted vote if they are at hand; otherwise starts counting. */
    public Optional<Results> results(long voteId) {
        Kept k = kept.get(voteId);
        if (k != null && System.currentTimeMillis() - k.at() < KEEP_MILLIS) {
            return Optional.of(k.results());
        }
        start(voteId);
        return Optional.empty();
    }

    /**
     * Forgets the kept results, so the next reader gets a fresh count and chain check: on every
     * node of a cluster, each when it hears of it.
     */
    public void forget(long voteId) {
        events.publishEvent(new Change(RESULTS_FORGOTTEN, Long.toString(voteId)));
    }

    @EventListener
    void forgotten(Changed changed) {
        if (RESULTS_FORGOTTEN.equals(changed.topic())) {
            kept.remove(Long.parseLong(changed.subject()));
        }
    }

    public @Nullable Progress progress(long voteId) {
        return running.get(voteId);
    }

    /** Starts counting a closed vote unless a count of it is under way. */
    public void start(long voteId) {
        boolean[] mine = new boolean[1];
        running.compute(voteId, (id, previous) -> {
            mine[0] = previous == null || previous.failed();
            return mine[0] ? new Progress(0, 0, false) : previous;
        });
        if (!mine[0]) {
            return;
        }
        executor.submit(() -> {
            try {
                count(voteId).ifPresent(results -> kept.put(voteId, new Kept(results, System.currentTimeMillis())));
                running.remove(voteId);
            } catch (Exception e) {
                log.error("Vote {} could not be counted", voteId, e);
                running.put(voteId, new Progress(0, 0, true));
            }
        });
    }

    /** Counts the vote, finalising it first if need be; empty when its count is held for investigation. */
    private Optional<Results> count(long voteId) throws Exception {
        CountService.Progress progress = (done, total) -> running.put(voteId, new Progress(done, total, false));
        VoteInfo vote = as(SystemIdentity.job(), () -> votes.find(voteId).orElseThrow());
        if (vote.heldAt() != null) {
            return Optional.empty();
        }
        Optional<Results> results = Optional.empty();
        if (vote.finalisedAt() == null) {
            // the portal counts, as itself: the audit log says so, not the official who opened it
            results = as(SystemIdentity.job(), () -> counts.finalise(voteId, progress));
        }
        VoteInfo counted = as(SystemIdentity.job(), () -> votes.find(voteId).orElseThrow());
        if (counted.heldAt() != null) {
            log.warn("The count of vote {} is held for investigation: {}", voteId, counted.heldReason());
            return Optional.empty();
        }
        if (results.isEmpty()) {
            results = Optional.of(as(SystemIdentity.job(), () -> counts.results(voteId, progress)));
        }
        if (counted.ballotsDataset() == null && counted.headHash() != null) {
            // heard on this thread: a publication that fails makes the count fail, to be tried again
            runAs.run(SystemIdentity.job(), () -> events.publishEvent(new VoteCounted(counted)));
        }
        return results;
    }

    /** Work that returns a value, run as someone. */
    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    private <T> T as(org.springframework.security.core.Authentication user, Call<T> call) throws Exception {
        Object[] out = new Object[1];
        runAs.run(user, () -> out[0] = call.call());
        @SuppressWarnings("unchecked")
        T result = (T) out[0];
        return result;
    }

    /** Votes that closed at their time are counted without anybody asking. */
    @Scheduled(fixedDelayString = "${openplaza.votes.count-every:PT15S}", initialDelayString = "PT10S")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "votes-count", lockAtMostFor = "PT1H")
    void countClosed() {
        try {
            runAs.run(SystemIdentity.job(), () -> votes.dueForCounting().forEach(this::start));
        } catch (Exception e) {
            log.error("Closed votes could not be listed for counting", e);
        }
    }

    /**
     * Checkpoints of running votes are signed every minute, and the seal keys of votes counted or
     * cancelled are destroyed where a stop left them behind.
     */
    @Scheduled(fixedDelayString = "${openplaza.votes.checkpoint-every:PT1M}", initialDelayString = "PT30S")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "votes-checkpoint", lockAtMostFor = "PT10M")
    void signCheckpoints() {
        try {
            runAs.run(SystemIdentity.job(), checkpoints::signRunningVotes);
        } catch (Exception e) {
            log.error("Checkpoints of running votes could not be signed", e);
        }
        try {
            runAs.run(
                    SystemIdentity.job(),
                    () -> counts.destroySpentKeys()
                            .forEach(vote ->
                                    log.info("The seal key of vote {} was left behind and is now destroyed", vote)));
        } catch (Exception e) {
            log.error("Seal keys of counted votes could not be destroyed", e);
        }
    }
}
