package org.openplaza.portal.proposals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.proposals.Notification;
import org.openplaza.proposals.NotificationService;

/**
 * What happened to the proposals the user follows: status changes, official answers,
 * implementation updates and replies to their comments; and alerts about votes whose count is held
 * for investigation, to administrators and the official who opened the vote; and to a dataset's
 * publisher, that the address it refreshes from has started failing. Newest first.
 */
@Route("notifications")
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    public NotificationsView(NotificationService notifications) {
        add(new H1(getTranslation("notifications.title")));
        var list = notifications.mine();
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("notifications.none"));
            none.setId("notifications-none");
            add(none);
            return;
        }
        UnorderedList items = new UnorderedList();
        items.setId("notifications-list");
        for (Notification n : list) {
            ListItem item = new ListItem();
            if (!n.read()) {
                Span unread = new Span(getTranslation("notifications.new"));
                unread.getElement().getThemeList().add("badge");
                item.add(unread, new Span(" "));
            }
            String what = switch (n.kind()) {
                case STATUS_CHANGED, ANSWERED ->
                    getTranslation("notifications." + n.kind().name(), getTranslation("proposal.status." + n.detail()));
                case IMPLEMENTATION_UPDATE -> getTranslation("notifications.IMPLEMENTATION_UPDATE");
                case REPLY -> getTranslation("notifications.REPLY");
                case COUNT_HELD -> getTranslation("notifications.COUNT_HELD");
                case SOURCE_FAILED ->
                    getTranslation(
                            "notifications.SOURCE_FAILED",
                            org.openplaza.portal.publish.SourceMessages.failure(
                                    this, n.detail() == null ? "" : n.detail()));
                case FIGURE_CROSSED ->
                    org.openplaza.portal.dashboards.FigureAlertNotices.describe(
                            this, getLocale(), n.detail() == null ? "" : n.detail());
            };
            String link = n.kind() == org.openplaza.proposals.Notification.Kind.FIGURE_CROSSED
                    ? org.openplaza.portal.dashboards.FigureAlertNotices.link(n.detail() == null ? "" : n.detail())
                    : switch (n.subject()) {
                                case VOTE -> "vote/";
                                case PROPOSAL -> "proposal/";
                                case DATASET -> "publish/dataset/";
                            }
                            + n.subjectId();
            item.add(
                    new Span(what + " "),
                    new Anchor(link, n.title()),
                    new Span(" · " + Formats.dateTime(n.createdAt(), getLocale())));
            items.add(item);
        }
        Button read = new Button(getTranslation("notifications.mark-read"), e -> {
            notifications.markAllRead();
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        read.setId("notifications-mark-read");
        add(items, read);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "notifications.title");
    }
}
