package org.openplaza.catalog.charts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;

/**
 * A chart's thumbnail for the gallery's cards: the same chart as {@link ChartOptions#build} draws
 * it, without its title, legend, tooltip, axis labels and animation, filling a small box. Its
 * words are on the card beside it.
 */
public final class Thumbnails {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Thumbnails() {}

    public static String build(ChartType type, Grouped data) {
        try {
            ObjectNode option = (ObjectNode) JSON.readTree(ChartOptions.build(type, data, ""));
            option.remove(List.of("title", "legend", "tooltip", "toolbox", "dataZoom"));
            option.put("animation", false);
            ObjectNode grid = option.putObject("grid");
            grid.put("left", 4).put("right", 4).put("top", 6).put("bottom", 4).put("containLabel", false);
            for (String axis : List.of("xAxis", "yAxis")) {
                each(option.get(axis), a -> {
                    a.remove("name");
                    a.putObject("axisLabel").put("show", false);
                    a.putObject("axisTick").put("show", false);
                    a.putObject("splitLine").put("show", false);
                });
            }
            each(option.get("visualMap"), map -> map.put("show", false));
            each(option.get("calendar"), calendar -> {
                calendar.putObject("dayLabel").put("show", false);
                calendar.putObject("monthLabel").put("show", false);
                calendar.putObject("yearLabel").put("show", false);
                calendar.put("top", 4).put("left", 4).put("right", 4);
                calendar.putArray("cellSize").add("auto").add(6);
            });
            each(option.get("series"), series -> {
                series.putObject("label").put("show", false);
                series.put("silent", true);
                series.put("symbol", "none");
            });
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies the change to the object, or to each object of the array. */
    private static void each(JsonNode node, java.util.function.Consumer<ObjectNode> change) {
        if (node instanceof ObjectNode object) {
            change.accept(object);
        } else if (node != null && node.isArray()) {
            node.forEach(element -> {
                if (element instanceof ObjectNode object) {
                    change.accept(object);
                }
            });
        }
    }
}
