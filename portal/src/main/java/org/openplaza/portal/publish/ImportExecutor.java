package org.openplaza.portal.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * Runs imports off the UI thread, as the official who started them (their security context goes
 * along, so the service checks their rights), two at a time.
 */
@Component
class ImportExecutor {

    private final ExecutorService executor;

    ImportExecutor() {
        AtomicInteger count = new AtomicInteger();
        this.executor = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "openplaza-import-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    Future<?> submit(Runnable task) {
        return executor.submit(task);
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
