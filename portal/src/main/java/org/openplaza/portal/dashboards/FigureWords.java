package org.openplaza.portal.dashboards;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.KeyFigure;
import org.openplaza.portal.charts.ChartLabels;
import org.openplaza.portal.charts.ChartNumbers;

/**
 * A key figure in the reader's words, for the portal's pages and for embeds alike: its value, what
 * it measures in which period, its change in words (not only a colour) and its trend as text for
 * those who do not see the line.
 */
public final class FigureWords {

    private final ChartLabels.Words words;
    private final Locale locale;

    public FigureWords(ChartLabels.Words words, Locale locale) {
        this.words = words;
        this.locale = locale;
    }

    public String value(KeyFigure.Value value) {
        return value.latest() == null ? "–" : ChartNumbers.number(value.latest(), locale);
    }

    /** "Sum · Rainfall (mm)". */
    public String what(KeyFigure figure, KeyFigure.Value value) {
        return words.get("chart.aggregation." + figure.aggregation().name())
                + (value.valueLabel().isBlank() ? "" : " · " + value.valueLabel());
    }

    /** "Sum · Rainfall (mm) in 2026-11", or that there is no data yet. */
    public String about(KeyFigure figure, KeyFigure.Value value) {
        String what = what(figure, value);
        return value.latestPeriod() == null
                ? words.get("dashboard.figure.no-data", what)
                : words.get("dashboard.figure.period", what, value.latestPeriod());
    }

    /** "Up +14.5 (+223%) from 2026-10", or null without a period before. */
    public @Nullable String change(KeyFigure.Value value) {
        Double change = value.change();
        if (change == null) {
            return null;
        }
        String amount = (change > 0 ? "+" : "") + ChartNumbers.number(change, locale);
        Double relative = value.relativeChange();
        String percent = relative == null
                ? ""
                : " (" + (relative > 0 ? "+" : "")
                        + java.text.NumberFormat.getPercentInstance(locale).format(relative) + ")";
        String key =
                change > 0 ? "dashboard.figure.up" : change < 0 ? "dashboard.figure.down" : "dashboard.figure.same";
        return words.get(key, amount, percent, value.previousPeriod());
    }

    /** "Trend of the last 3 periods: 2026-09: 15, 2026-10: 6.5, 2026-11: 21". */
    public String trend(KeyFigure.Value value) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < value.periods().size(); i++) {
            Double v = value.trend().get(i);
            if (i > 0) {
                points.append(", ");
            }
            points.append(value.periods().get(i)).append(": ").append(v == null ? "–" : ChartNumbers.number(v, locale));
        }
        return words.get("dashboard.figure.trend", value.periods().size(), points.toString());
    }
}
