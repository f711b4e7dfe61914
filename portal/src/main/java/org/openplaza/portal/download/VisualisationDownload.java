package org.openplaza.portal.download;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openplaza.catalog.CsvCells;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.VisualisationService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A visualisation's aggregated numbers as CSV (UTF-8), one row per category, one column per series. */
@RestController
class VisualisationDownload {

    private final VisualisationService visualisations;

    VisualisationDownload(VisualisationService visualisations) {
        this.visualisations = visualisations;
    }

    @GetMapping("/download/visualisation/{id}.csv")
    void numbers(@PathVariable("id") long id, HttpServletResponse response) throws IOException {
        DrawnVisualisation drawn = visualisations.draw(id).orElse(null);
        if (drawn == null) {
            PlainRefusal.send(response, HttpServletResponse.SC_NOT_FOUND, "No such visualisation");
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("visualisation-" + id + ".csv", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        Grouped data = drawn.data();
        CSVPrinter csv = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().get());
        List<String> header = new ArrayList<>();
        header.add(CsvCells.neutralised(drawn.definition().query().dimension().column()));
        data.series().forEach(s -> header.add(CsvCells.neutralised(s.name())));
        csv.printRecord(header);
        for (int i = 0; i < data.categories().size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(CsvCells.neutralised(data.categories().get(i)));
            for (Grouped.Series s : data.series()) {
                Double value = s.values().get(i);
                row.add(
                        value == null
                                ? ""
                                : (value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString()));
            }
            csv.printRecord(row);
        }
        csv.flush();
    }
}
