package org.openplaza.catalog;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches a running import: the rows done so far (for a progress bar) and a cancel switch the
 * importer checks as it goes. Safe to share between the importing thread and the UI.
 */
public final class ImportMonitor {

    private final AtomicLong rows = new AtomicLong();
    private volatile boolean cancelled;

    public long rows() {
        return rows.get();
    }

    public void rowsDone(long done) {
        rows.set(done);
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
