package org.openplaza.portal.embed;

import java.util.Locale;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.charts.ChartLabels;
import org.openplaza.portal.charts.ChartNumbers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The embeds of a public visualisation and of a dashboard: small HTML pages with only the chart
 * or tiles (drawn by the same ECharts element as the portal), their numbers in a table for screen
 * readers and a link back to the permalink; a dashboard's embed draws its tiles again as its data
 * changes. Everything from users is HTML-escaped; the option JSON travels in an attribute.
 */
@RestController
class EmbedController {

    private final VisualisationService visualisations;
    private final org.openplaza.catalog.DashboardService dashboards;
    private final org.openplaza.portal.i18n.PortalI18nProvider messages;
    private final EmbedStreams streams;
    private final org.openplaza.portal.dashboards.VisitorDraws visitorDraws;

    EmbedController(
            VisualisationService visualisations,
            org.openplaza.catalog.DashboardService dashboards,
            org.openplaza.portal.i18n.PortalI18nProvider messages,
            EmbedStreams streams,
            org.openplaza.portal.dashboards.VisitorDraws visitorDraws) {
        this.visitorDraws = visitorDraws;
        this.visualisations = visualisations;
        this.dashboards = dashboards;
        this.messages = messages;
        this.streams = streams;
    }

    private static Locale locale(String lang, Locale asked) {
        return org.openplaza.portal.i18n.PortalI18nProvider.supported(
                lang == null || lang.isBlank() ? asked : Locale.forLanguageTag(lang));
    }

    private ResponseEntity<String> missing(Locale locale) {
        return ResponseEntity.status(404)
                .contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><html lang=\"" + locale.getLanguage() + "\"><title>"
                        + e(messages.getTranslation("embed.missing.title", locale)) + "</title><p>"
                        + e(messages.getTranslation("embed.missing", locale)) + "</p></html>");
    }

    /** The page's head: its title, the chart element and the styles of charts and tiles. */
    private static void head(StringBuilder html, String language, String title) {
        html.append("<!doctype html><html lang=\"")
                .append(language)
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(e(title))
                .append(" | OpenPlaza</title>")
                .append("<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\"></script>")
                .append("<script src=\"/js/opz-chart.js\"></script>")
                .append("<style>html{--opz-chart-palette:#0a55b8,#e69f00,#009e73,#cc79a7,#56b4e9,")
                .append("#d55e00,#f0e442,#000000}")
                .append("body{margin:0;font-family:system-ui,sans-serif}opz-chart{display:block;width:100%;")
                .append("height:calc(100vh - 2.5em)}.sr{position:absolute;left:-9999px}")
                .append("p{margin:.4em .6em;font-size:.85em}")
                .append(".tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr));")
                .append("gap:.6em;padding:.6em}.tiles section{border:1px solid #ccc;border-radius:8px;")
                .append("padding:.4em}.tiles h2{font-size:1em;margin:.2em .6em}.tiles opz-chart{height:220px}")
                .append(".v{font-size:2em;font-weight:600}h1{font-size:1.2em;margin:.4em .6em}</style></head>");
    }

    /**
     * The embed of a dashboard: each tile drawn as it is now for a visitor (a chart, or a key
     * figure in words), with when its data last changed and a link to the live dashboard. Its
     * script listens to the dashboard's changes and draws the tiles again when one comes.
     */
    @GetMapping(value = "/embed/dashboard/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> dashboard(
            @PathVariable("id") long id,
            @org.springframework.web.bind.annotation.RequestParam(name = "lang", required = false) String lang,
            Locale asked) {
        return dashboard(id, locale(lang, asked), true);
    }

    /**
     * The dashboard's tiles alone, drawn now, for its embed to put in place of those it shows; the
     * sentence the embed announces then travels with them.
     */
    @GetMapping(value = "/embed/dashboard/{id}/tiles", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> dashboardTiles(
            @PathVariable("id") long id,
            @org.springframework.web.bind.annotation.RequestParam(name = "lang", required = false) String lang,
            Locale asked) {
        return dashboard(id, locale(lang, asked), false);
    }

    /** The embed's page, or its tiles alone, for a dashboard a visitor may see. */
    private ResponseEntity<String> dashboard(long id, Locale locale, boolean page) {
        org.openplaza.catalog.Dashboard dashboard = dashboards.find(id).orElse(null);
        if (dashboard == null) {
            return missing(locale);
        }
        StringBuilder html = new StringBuilder();
        if (!page) {
            tiles(html, dashboard, locale);
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(org.springframework.http.CacheControl.noStore())
                    .body(html.toString());
        }
        head(html, locale.getLanguage(), dashboard.title());
        html.append("<body><main data-changes=\"/embed/dashboard/")
                .append(id)
                .append("/changes\" data-tiles=\"/embed/dashboard/")
                .append(id)
                .append("/tiles?lang=")
                .append(locale.getLanguage())
                .append("\"><h1>")
                .append(e(dashboard.title()))
                .append("</h1>");
        tiles(html, dashboard, locale);
        html.append("<p id=\"embed-status\" role=\"status\"></p><p><a href=\"/dashboard/")
                .append(id)
                .append("\" target=\"_blank\" rel=\"noopener\">")
                .append(e(dashboard.title()))
                .append(" · OpenPlaza</a></p></main>")
                .append("<script src=\"/js/opz-embed-live.js\"></script></body></html>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.toString());
    }

    /**
     * The changes to the datasets a dashboard shows, as server-sent events: {@code changed} each
     * time one changes. 404 for a dashboard a visitor cannot see; 503 when this node keeps as
     * many embeds current as it may.
     */
    @GetMapping(value = "/embed/dashboard/{id}/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.SseEmitter> dashboardChanges(
            @PathVariable("id") long id) {
        org.openplaza.catalog.Dashboard dashboard = dashboards.find(id).orElse(null);
        if (dashboard == null) {
            return ResponseEntity.notFound().build();
        }
        var stream = streams.open(dashboard.datasets());
        if (stream == null) {
            return ResponseEntity.status(503).header("Retry-After", "60").build();
        }
        return ResponseEntity.ok()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(stream);
    }

    /** Each tile drawn now, in a grid whose {@code data-status} says when, for the reader to hear. */
    private void tiles(StringBuilder html, org.openplaza.catalog.Dashboard dashboard, Locale locale) {
        ChartLabels.Words words = (key, args) -> messages.getTranslation(key, locale, args);
        org.openplaza.portal.dashboards.FigureWords figures =
                new org.openplaza.portal.dashboards.FigureWords(words, locale);
        html.append("<div class=\"tiles\" data-status=\"")
                .append(e(words.get(
                        "dashboard.redrawn",
                        org.openplaza.portal.layout.Formats.dateTime(java.time.Instant.now(), locale))))
                .append("\">");
        for (org.openplaza.catalog.Dashboard.Tile tile : dashboard.tiles()) {
            org.openplaza.catalog.DrawnTile drawn = visitorDraws.draw(tile);
            html.append("<section id=\"tile-")
                    .append(tile.id())
                    .append("\"><h2>")
                    .append(e(tile.title()))
                    .append("</h2>");
            if (drawn.chart() != null) {
                Grouped data = ChartLabels.readable(drawn.chart(), words);
                html.append("<opz-chart role=\"img\" aria-label=\"")
                        .append(e(tile.title()))
                        .append("\" option=\"")
                        .append(e(ChartOptions.build(drawn.chart().definition().type(), data, "")))
                        .append("\"></opz-chart>");
                table(
                        html,
                        data,
                        drawn.chart()
                                .label(drawn.chart()
                                        .definition()
                                        .query()
                                        .dimension()
                                        .column()),
                        locale);
            } else if (drawn.figure() != null && tile.figure() != null) {
                html.append("<p class=\"v\">")
                        .append(e(figures.value(drawn.figure())))
                        .append("</p><p>")
                        .append(e(figures.about(tile.figure(), drawn.figure())))
                        .append("</p>");
                String change = figures.change(drawn.figure());
                if (change != null) {
                    html.append("<p>").append(e(change)).append("</p>");
                }
            } else {
                html.append("<p>")
                        .append(e(words.get("dashboard.tile.unavailable")))
                        .append("</p>");
            }
            if (drawn.asOf() != null) {
                html.append("<p>")
                        .append(e(words.get(
                                "dashboard.as-of",
                                java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                                                java.time.format.FormatStyle.MEDIUM)
                                        .withLocale(locale)
                                        .format(drawn.asOf().atZone(org.openplaza.portal.layout.Formats.zone())))))
                        .append("</p>");
            }
            html.append("</section>");
        }
        html.append("</div>");
    }

    /**
     * The embed in the language its {@code lang} parameter names (the embedding site's page
     * language), else the one the reader's browser asks for, among the portal's.
     */
    @GetMapping(value = "/embed/visualisation/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> embed(
            @PathVariable("id") long id,
            @org.springframework.web.bind.annotation.RequestParam(name = "lang", required = false) String lang,
            Locale asked) {
        Locale locale = locale(lang, asked);
        String language = locale.getLanguage();
        DrawnVisualisation drawn = visualisations.draw(id).orElse(null);
        if (drawn == null || drawn.visualisation().hidden()) {
            return missing(locale);
        }
        visualisations.countView(id);
        String title = drawn.visualisation().title();
        Grouped data = ChartLabels.readable(drawn, (key, args) -> messages.getTranslation(key, locale, args));
        String option = ChartOptions.build(drawn.definition().type(), data, title);
        StringBuilder html = new StringBuilder();
        head(html, language, title);
        html.append("<body><main>")
                .append("<opz-chart id=\"chart\" role=\"img\" aria-label=\"")
                .append(e(title))
                .append("\" option=\"")
                .append(e(option))
                .append("\"></opz-chart>");
        table(html, data, drawn.label(drawn.definition().query().dimension().column()), locale);
        html.append("<p><a href=\"/visualisation/")
                .append(id)
                .append("\" target=\"_blank\" rel=\"noopener\">")
                .append(e(title))
                .append(" · OpenPlaza</a></p></main></body></html>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.toString());
    }

    private void table(StringBuilder html, Grouped data, String dimension, Locale locale) {
        html.append("<table class=\"sr\"><caption>")
                .append(e(messages.getTranslation("embed.numbers", locale)))
                .append("</caption><tr><th scope=\"col\">")
                .append(e(dimension))
                .append("</th>");
        data.series()
                .forEach(s ->
                        html.append("<th scope=\"col\">").append(e(s.name())).append("</th>"));
        html.append("</tr>");
        for (int i = 0; i < data.categories().size(); i++) {
            html.append("<tr><th scope=\"row\">")
                    .append(e(data.categories().get(i)))
                    .append("</th>");
            for (Grouped.Series s : data.series()) {
                Double value = s.values().get(i);
                html.append("<td>")
                        .append(value == null ? "" : ChartNumbers.number(value, locale))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
