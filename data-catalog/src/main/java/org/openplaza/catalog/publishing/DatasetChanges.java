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

    public static Change of(long datasetId) {
        return new Change(TOPIC, Long.toString(datasetId));
    }

    /** The dataset a committed change is about, or -1 when it is about something else. */
    public static long datasetOf(Changed changed) {
        return TOPIC.equals(changed.topic()) ? Long.parseLong(changed.subject()) : -1;
    }
}
