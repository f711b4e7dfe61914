package org.openplaza.proposals;

import java.time.Clock;
import java.util.List;
import org.openplaza.audit.Audited;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's notifications about the proposals they follow. */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final ProposalRepository proposals;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, ProposalRepository proposals, Clock clock) {
        this.notifications = notifications;
        this.proposals = proposals;
        this.clock = clock;
    }

    /**
     * Tells the publisher of a dataset that its source has started failing; {@code why} is the
     * failure's message key and arguments, a line each, for the reader's language. Called by the
     * portal on the catalogue's announcement, never for a request.
     */
    @Transactional
    public void sourceFailed(String publisher, long datasetId, String datasetTitle, String why) {
        notifications.addAboutDataset(
                proposals.userId(publisher),
                datasetId,
                Notification.Kind.SOURCE_FAILED,
                datasetTitle.replace('\n', ' ') + "\n" + why,
                clock.instant());
    }

    /**
     * Tells a user that a key figure they watch went past their threshold; {@code facts} are the
     * dashboard's id, the direction, the threshold, the value and its period, a line each. Called
     * by the portal on the catalogue's announcement, never for a request.
     */
    @Transactional
    public void figureCrossed(String user, long datasetId, String figureTitle, String facts) {
        notifications.addAboutDataset(
                proposals.userId(user),
                datasetId,
                Notification.Kind.FIGURE_CROSSED,
                figureTitle.replace('\n', ' ') + "\n" + facts,
                clock.instant());
    }

    /** Newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notification> mine() {
        return notifications.of(proposals.userId(Audited.currentActor()), 200);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int unread() {
        return notifications.unread(proposals.userId(Audited.currentActor()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markAllRead() {
        notifications.markRead(proposals.userId(Audited.currentActor()), clock.instant());
    }
}
