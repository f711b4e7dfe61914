package org.openplaza.portal.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.openplaza.platform.RunAs;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs imports off the UI thread, as the official who started them, two at a time. Pool threads
 * inherit no thread-locals (so no stale Vaadin session of whichever request created them), and each
 * task runs with exactly the caller's authentication, so the service checks that person's rights.
 */
@Component
class ImportExecutor {

    private final ExecutorService executor;
    private final RunAs runAs;

    ImportExecutor(RunAs runAs) {
        this.runAs = runAs;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(null, runnable, "openplaza-import-" + count.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the task as the user signed in on the calling (UI) thread. */
    Future<?> submitAsCurrentUser(Runnable task) {
        Authentication caller = runAs.current();
        return executor.submit(() -> runAs.run(caller, task::run));
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
