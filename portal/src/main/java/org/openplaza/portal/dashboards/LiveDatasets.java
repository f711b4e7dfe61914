package org.openplaza.portal.dashboards;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.openplaza.platform.Changed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the screens open on this node that a dataset they show has changed: a new version, pushed
 * records, a withdrawal. Every node hears every change of the cluster ({@link Changed}), so a
 * screen on any node hears of a push made through another. Screens are told on threads of their
 * own, never on the thread that made the change (an API request), which returns at once.
 */
@Component
public class LiveDatasets {

    private record Watch(Set<Long> datasets, LongConsumer changed) {}

    private final List<Watch> watches = new CopyOnWriteArrayList<>();

    private final ExecutorService redraws = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "live-datasets");
        thread.setDaemon(true);
        return thread;
    });

    /** Calls {@code changed} with a dataset's id whenever one of these datasets changes, until removed. */
    public Registration watch(Set<Long> datasets, LongConsumer changed) {
        Watch watch = new Watch(Set.copyOf(datasets), changed);
        watches.add(watch);
        return () -> watches.remove(watch);
    }

    private final java.util.Map<Long, java.util.concurrent.atomic.AtomicLong> generations =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * How many changes to the dataset this node has heard of since it started: a drawing made
     * after the latest is up to date.
     */
    public long generation(long datasetId) {
        java.util.concurrent.atomic.AtomicLong generation = generations.get(datasetId);
        return generation == null ? 0 : generation.get();
    }

    /** How many screens watch datasets on this node now. */
    public int watching() {
        return watches.size();
    }

    @EventListener
    void on(Changed change) {
        long dataset = org.openplaza.catalog.DashboardService.changedDataset(change);
        if (dataset < 0) {
            return;
        }
        generations
                .computeIfAbsent(dataset, d -> new java.util.concurrent.atomic.AtomicLong())
                .incrementAndGet();
        for (Watch watch : watches) {
            if (watch.datasets().contains(dataset)) {
                redraws.execute(() -> watch.changed().accept(dataset));
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        redraws.shutdownNow();
    }
}
