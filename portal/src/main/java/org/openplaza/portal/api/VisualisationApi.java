package org.openplaza.portal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.Gallery;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public visualisations for other sites and apps: a filtered list, and each one with its
 * definition, its aggregated numbers and the ECharts option that draws it.
 */
@RestController
class VisualisationApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Gallery.Sort> SORTS =
            Map.of("newest", Gallery.Sort.NEWEST, "views", Gallery.Sort.MOST_VIEWED, "likes", Gallery.Sort.MOST_LIKED);

    private final VisualisationService visualisations;

    private final org.openplaza.portal.i18n.PortalI18nProvider messages;

    VisualisationApi(VisualisationService visualisations, org.openplaza.portal.i18n.PortalI18nProvider messages) {
        this.messages = messages;
        this.visualisations = visualisations;
    }

    @GetMapping("/api/visualisations")
    ResponseEntity<Map<String, Object>> list(
            @RequestParam(value = "dataset", required = false) @Nullable String dataset,
            @RequestParam(value = "organization", required = false) @Nullable String organisation,
            @RequestParam(value = "type", required = false) @Nullable String type,
            @RequestParam(value = "q", required = false) @Nullable String words,
            @RequestParam(value = "sort", defaultValue = "newest") String sort,
            @RequestParam(value = "offset", defaultValue = "0") int offset,
            @RequestParam(value = "limit", defaultValue = "20") int limit) {
        ChartType chartType = null;
        if (type != null && !type.isBlank()) {
            try {
                chartType = ChartType.valueOf(type);
            } catch (IllegalArgumentException e) {
                return ResponseEntity.badRequest().body(Map.of("error", "unknown chart type: " + type));
            }
        }
        Gallery.Sort order = SORTS.get(sort);
        if (order == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "sort is newest, views or likes"));
        }
        Gallery gallery = new Gallery(words, dataset, organisation, chartType, order);
        List<VisualisationSummary> found = visualisations.search(gallery, offset, limit);
        List<Map<String, Object>> items = found.stream()
                .map(v -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", v.id());
                    item.put("title", v.title());
                    item.put("type", v.type().name());
                    item.put("dataset", v.datasetSlug());
                    item.put("datasetTitle", v.datasetTitle());
                    item.put("author", v.author());
                    item.put("created", v.createdAt().toString());
                    item.put("organization", v.organisationSlug());
                    item.put("organizationTitle", v.organisation());
                    item.put("views", v.views());
                    item.put("likes", v.likes());
                    item.put("url", "/visualisation/" + v.id());
                    item.put("embed", "/embed/visualisation/" + v.id());
                    return item;
                })
                .toList();
        return ResponseEntity.ok(Map.of(
                "count",
                visualisations.count(gallery),
                "visualisations",
                items,
                "offset",
                offset,
                "limit",
                Math.min(limit, 100)));
    }

    @GetMapping("/api/visualisations/{id}")
    ResponseEntity<Map<String, Object>> one(@PathVariable("id") long id) throws JsonProcessingException {
        DrawnVisualisation drawn = visualisations.draw(id).orElse(null);
        if (drawn == null || drawn.visualisation().hidden()) {
            return ResponseEntity.status(404).body(Map.of("error", "no such visualisation"));
        }
        Visualisation v = drawn.visualisation();
        Grouped data = drawn.data();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", v.id());
        answer.put("title", v.title());
        answer.put("description", v.description());
        answer.put("author", v.author());
        answer.put("dataset", v.datasetSlug());
        answer.put("version", drawn.versionId());
        answer.put("followsLatest", v.followsLatest());
        answer.put("views", v.views());
        answer.put("likes", v.likes());
        answer.put("problem", drawn.problem());
        answer.put("definition", JSON.readTree(drawn.definition().toJson()));
        answer.put("data", Map.of("categories", data.categories(), "series", data.series()));
        // the option draws the chart as the portal does, its series named in words (in English)
        Grouped named = org.openplaza.portal.charts.ChartLabels.readable(
                drawn, (key, args) -> messages.getTranslation(key, Locale.ENGLISH, args));
        answer.put("option", JSON.readTree(ChartOptions.build(drawn.definition().type(), named, v.title())));
        return ResponseEntity.ok(answer);
    }
}
