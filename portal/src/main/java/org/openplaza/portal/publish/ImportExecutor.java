package org.openplaza.portal.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs imports off the UI thread, as the official who started them, two at a time. Pool threads
 * inherit no thread-locals (so no stale Vaadin session of whichever request created them), and each
 * task runs with exactly the caller's authentication, so the service checks that person's rights.
 */
@Component
class ImportExecutor {

    private final ExecutorService executor;
    private final SecurityContextHolderStrategy contexts;

    /**
     * Uses the strategy bean method security reads from (Vaadin's), not the static holder, which in
     * a JVM with several application contexts may point at another context's strategy.
     */
    ImportExecutor(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(null, runnable, "openplaza-import-" + count.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the task as the user signed in on the calling (UI) thread. */
    Future<?> submitAsCurrentUser(Runnable task) {
        Authentication caller = contexts.getContext().getAuthentication();
        return executor.submit(() -> {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(caller);
            // method security reads the strategy bean; module code reads the static holder. They are
            // one object in a running portal, but not in a test JVM holding several contexts.
            SecurityContextHolderStrategy global = SecurityContextHolder.getContextHolderStrategy();
            contexts.setContext(context);
            global.setContext(context);
            try {
                task.run();
            } finally {
                contexts.clearContext();
                global.clearContext();
            }
        });
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
