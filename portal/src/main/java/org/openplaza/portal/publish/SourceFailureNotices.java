package org.openplaza.portal.publish;

import org.openplaza.catalog.ScheduledSources;
import org.openplaza.proposals.NotificationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a dataset's publisher, among their notifications, when its source starts failing. */
@Component
class SourceFailureNotices {

    private final NotificationService notifications;
    private final org.openplaza.catalog.DatasetReader reader;

    SourceFailureNotices(NotificationService notifications, org.openplaza.catalog.DatasetReader reader) {
        this.notifications = notifications;
        this.reader = reader;
    }

    @EventListener
    void on(ScheduledSources.SourceFailed failed) {
        if (failed.inRow() == 1) {
            notifications.sourceFailed(
                    failed.owner(),
                    failed.datasetId(),
                    reader.byId(failed.datasetId())
                            .map(d -> d.metadata().title())
                            .orElse("#" + failed.datasetId()),
                    SourceMessages.lines(failed.messageKey(), failed.arguments()));
        }
    }
}
