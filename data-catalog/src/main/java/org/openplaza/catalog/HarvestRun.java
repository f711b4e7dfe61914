package org.openplaza.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One harvest of a source: while it runs, how many of its records it has gone through; then what
 * it did to them, and, when it failed as a whole, why (a message key and its arguments).
 */
public record HarvestRun(
        long id,
        long sourceId,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        State state,
        int total,
        int done,
        int created,
        int updated,
        int unchanged,
        int removed,
        int failed,
        @Nullable String error,
        List<String> errorArguments,
        boolean cancelRequested) {

    public enum State {
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    public HarvestRun {
        errorArguments = List.copyOf(errorArguments);
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** A record a run could not mirror: its identifier and title at the source, and why. */
    public record Problem(String originalId, @Nullable String title, String messageKey, List<String> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }
    }
}
