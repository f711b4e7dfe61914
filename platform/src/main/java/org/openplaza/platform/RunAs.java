package org.openplaza.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs work as a given user outside a Vaadin request (an import thread, an API call). Method
 * security reads the strategy bean (Vaadin's); module code reads the static holder. They are one
 * object in a running portal, but not in a test JVM holding several application contexts, so the
 * authentication is set on both and cleared from both afterwards.
 */
@Component
public class RunAs {

    /** Work that may throw what its caller declares. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    private final SecurityContextHolderStrategy contexts;

    RunAs(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** The user signed in on the calling thread. */
    public @Nullable Authentication current() {
        return contexts.getContext().getAuthentication();
    }

    public <E extends Exception> void run(@Nullable Authentication user, Work<E> work) throws E {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolderStrategy global = SecurityContextHolder.getContextHolderStrategy();
        contexts.setContext(context);
        global.setContext(context);
        try {
            work.run();
        } finally {
            contexts.clearContext();
            global.clearContext();
        }
    }
}
