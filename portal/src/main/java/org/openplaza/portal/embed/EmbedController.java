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
 * The embed of a public visualisation: a small HTML page with only the chart (drawn by the same
 * ECharts element as the portal), its numbers in a table for screen readers and a link back to
 * the permalink. Everything from users is HTML-escaped; the option JSON travels in an attribute.
 */
@RestController
class EmbedController {

    private final VisualisationService visualisations;
    private final org.openplaza.portal.i18n.PortalI18nProvider messages;

    EmbedController(VisualisationService visualisations, org.openplaza.portal.i18n.PortalI18nProvider messages) {
        this.visualisations = visualisations;
        this.messages = messages;
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
        Locale locale = org.openplaza.portal.i18n.PortalI18nProvider.supported(
                lang == null || lang.isBlank() ? asked : Locale.forLanguageTag(lang));
        String language = locale.getLanguage();
        DrawnVisualisation drawn = visualisations.draw(id).orElse(null);
        if (drawn == null || drawn.visualisation().hidden()) {
            return ResponseEntity.status(404)
                    .contentType(MediaType.TEXT_HTML)
                    .body("<!doctype html><html lang=\"" + language + "\"><title>"
                            + e(messages.getTranslation("embed.missing.title", locale)) + "</title><p>"
                            + e(messages.getTranslation("embed.missing", locale)) + "</p></html>");
        }
        visualisations.countView(id);
        String title = drawn.visualisation().title();
        Grouped data = ChartLabels.readable(drawn, (key, args) -> messages.getTranslation(key, locale, args));
        String option = ChartOptions.build(drawn.definition().type(), data, title);
        StringBuilder html = new StringBuilder();
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
                .append("p{margin:.4em .6em;font-size:.85em}</style></head><body><main>")
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
