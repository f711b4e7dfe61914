package org.openplaza.portal.proposals;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.openplaza.portal.layout.ReasonDialog;
import org.openplaza.proposals.ContentReport;
import org.openplaza.proposals.ModerationService;

/** The report and restore actions a proposal and its comments share. */
final class ModerationButtons {

    private ModerationButtons() {}

    static void openReport(Component owner, ModerationService moderation, ContentReport.Target target, long targetId) {
        ReasonDialog.open(
                owner.getTranslation("moderation.report.heading"),
                owner.getTranslation("moderation.report.reason"),
                owner.getTranslation("moderation.report.send"),
                "report-reason",
                1000,
                false,
                reason -> moderation.report(target, targetId, reason),
                () -> Notification.show(owner.getTranslation("moderation.report.sent"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS));
    }

    /** Administrators show hidden content again, with a reason for the public log. */
    static Button restoreButton(
            Component owner,
            ModerationService moderation,
            String buttonId,
            ContentReport.Target target,
            long targetId,
            Runnable reload) {
        Button restore = new Button(
                owner.getTranslation("moderation.restore"),
                e -> ReasonDialog.open(
                        owner.getTranslation("moderation.restore"),
                        owner.getTranslation("moderation.restore.reason"),
                        owner.getTranslation("moderation.restore"),
                        "restore-reason",
                        500,
                        false,
                        reason -> moderation.restore(target, targetId, reason),
                        reload));
        restore.setId(buttonId);
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return restore;
    }
}
