package org.openplaza.portal.download;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ExportFormat;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.RowRequestParams;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dataset's rows as CSV (UTF-8, with a byte-order mark on request) or JSON: the whole current
 * version, an earlier version ({@code version=<id>}), or the filtered view a citizen sees in the
 * data table (the table's filters, search and sorts as query parameters, see {@link RowRequestParams}).
 * Streamed from the store as it is read, so memory stays flat for any size.
 */
@RestController
class DatasetDownload {

    private final DatasetReader reader;

    DatasetDownload(DatasetReader reader) {
        this.reader = reader;
    }

    @GetMapping("/download/dataset/{id}/data.{extension}")
    void download(
            @PathVariable("id") long id,
            @PathVariable("extension") String extension,
            @RequestParam Map<String, String> params,
            HttpServletResponse response)
            throws IOException {
        DatasetPage dataset = reader.byId(id).orElse(null);
        if (dataset == null || dataset.currentVersionId() == null) {
            PlainRefusal.send(response, HttpServletResponse.SC_NOT_FOUND, "No such dataset");
            return;
        }
        ExportFormat format;
        if (extension.equals("json")) {
            format = ExportFormat.JSON;
        } else if (extension.equals("csv")) {
            format = "1".equals(params.get("bom")) ? ExportFormat.CSV_BOM : ExportFormat.CSV;
        } else {
            PlainRefusal.send(response, HttpServletResponse.SC_NOT_FOUND, "Downloads are .csv or .json");
            return;
        }
        Long version = null;
        RowRequest query;
        try {
            version = params.containsKey("version") ? Long.valueOf(params.get("version")) : null;
            Map<String, String> queryParams = new LinkedHashMap<>(params);
            queryParams.remove("bom");
            queryParams.remove("version");
            query = version == null
                    ? RowRequestParams.fromParams(queryParams, reader.storeColumns(id))
                    : RowRequest.ALL;
        } catch (IllegalArgumentException e) {
            PlainRefusal.send(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        response.setContentType(format.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(
                                dataset.slug() + (query.unfiltered() ? "" : "-filtered") + "." + format.extension(),
                                StandardCharsets.UTF_8)
                        .build()
                        .toString());
        try {
            reader.export(id, version, query, format, response.getOutputStream());
        } catch (CatalogException e) {
            if (!response.isCommitted()) {
                response.reset();
                PlainRefusal.send(response, HttpServletResponse.SC_NOT_FOUND, "No such version");
            }
        }
    }
}
