package org.openplaza.portal.catalog;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.RowRequestParams;

/**
 * Below the data table: the rows it shows (filtered, searched and sorted as shown) as CSV, as CSV
 * for spreadsheets that want a byte-order mark, and as JSON.
 */
final class DownloadLinks extends HorizontalLayout {

    private final long datasetId;
    private final String slug;

    DownloadLinks(long datasetId, String slug) {
        this.datasetId = datasetId;
        this.slug = slug;
        setId("data-downloads");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
    }

    /** Links to the rows as the table now shows them. */
    void show(RowRequest shown) {
        String params = encode(RowRequestParams.toParams(shown));
        String base = "/download/dataset/" + datasetId + "/data.";
        removeAll();
        add(new Span(getTranslation(shown.unfiltered() ? "dataset.download.all" : "dataset.download.filtered")));
        add(link("download-csv", base + "csv" + params, "dataset.download.csv"));
        add(link(
                "download-csv-bom",
                base + "csv" + (params.isEmpty() ? "?" : params + "&") + "bom=1",
                "dataset.download.csv-bom"));
        add(link("download-json", base + "json" + params, "dataset.download.json"));
    }

    private Anchor link(String id, String href, String key) {
        Anchor anchor = new Anchor(href, getTranslation(key));
        anchor.setId(id);
        anchor.setRouterIgnore(true);
        anchor.getElement().setAttribute("download", slug);
        return anchor;
    }

    private static String encode(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder url = new StringBuilder();
        for (Map.Entry<String, String> param : params.entrySet()) {
            url.append(url.length() == 0 ? '?' : '&')
                    .append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
