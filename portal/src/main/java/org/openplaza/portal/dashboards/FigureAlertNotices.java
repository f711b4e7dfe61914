package org.openplaza.portal.dashboards;

import java.util.List;
import org.openplaza.catalog.FigureAlerts;
import org.openplaza.proposals.NotificationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a user, among their notifications, that a key figure they watch went past their threshold. */
@Component
public class FigureAlertNotices {

    private final NotificationService notifications;

    FigureAlertNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(FigureAlerts.Crossed crossed) {
        notifications.figureCrossed(
                crossed.user(),
                crossed.datasetId(),
                crossed.tileTitle(),
                String.join(
                        "\n",
                        List.of(
                                Long.toString(crossed.dashboardId()),
                                crossed.direction().name(),
                                Double.toString(crossed.threshold()),
                                Double.toString(crossed.value()),
                                crossed.period())));
    }

    /** What a notification's facts say, in the reader's words, and the dashboard it links to. */
    record Facts(long dashboardId, String direction, double threshold, double value, String period) {

        static Facts of(String detail) {
            String[] lines = detail.split("\n", -1);
            return new Facts(
                    Long.parseLong(lines[0]),
                    lines[1],
                    Double.parseDouble(lines[2]),
                    Double.parseDouble(lines[3]),
                    lines.length > 4 ? lines[4] : "");
        }
    }

    /** "Went above 25 (31 in 2026-11)", in the reader's language. */
    public static String describe(com.vaadin.flow.component.Component in, java.util.Locale locale, String detail) {
        Facts facts = Facts.of(detail);
        return in.getTranslation(
                "notifications.FIGURE_CROSSED." + facts.direction(),
                org.openplaza.portal.charts.ChartNumbers.number(facts.threshold(), locale),
                org.openplaza.portal.charts.ChartNumbers.number(facts.value(), locale),
                facts.period());
    }

    /** The dashboard a notification's facts name. */
    public static String link(String detail) {
        return "dashboard/" + Facts.of(detail).dashboardId();
    }
}
