package org.openplaza.catalog.publishing;

import org.openplaza.platform.Change;
import org.openplaza.platform.Changed;

/**
 * The change the catalogue announces whenever a dataset's metadata, state or versions change:
 * caches of its state and the search index listen for it, on every node of a cluster.
 */
public final class DatasetChanges {

    public static final String TOPIC = "dataset";

    private DatasetChanges() {}

    /** What a change to rows alone adds to its subject. */
    private static final String ROWS = "/rows";

    public static Change of(long datasetId) {
        return new Change(TOPIC, Long.toString(datasetId));
    }

    /**
     * A change to the rows of a live version alone (records pushed, deleted or expired): its
     * metadata, state and columns are as they were, so indexes of words need not hurry.
     */
    public static Change rows(long datasetId) {
        return new Change(TOPIC, datasetId + ROWS);
    }

    /** The dataset a committed change is about, or -1 when it is about something else. */
    public static long datasetOf(Changed changed) {
        if (!TOPIC.equals(changed.topic())) {
            return -1;
        }
        String subject = changed.subject();
        return Long.parseLong(
                subject.endsWith(ROWS) ? subject.substring(0, subject.length() - ROWS.length()) : subject);
    }

    /** Whether a committed change is to a dataset's rows alone. */
    public static boolean rowsOnly(Changed changed) {
        return TOPIC.equals(changed.topic()) && changed.subject().endsWith(ROWS);
    }
}
