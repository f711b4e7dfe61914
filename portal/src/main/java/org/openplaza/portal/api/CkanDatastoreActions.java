package org.openplaza.portal.api;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CsvCells;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.Resource;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.RowRequestParams;
import org.openplaza.catalog.StoreColumn;
import org.springframework.stereotype.Component;

/**
 * CKAN's DataStore reads over a published resource (a version of a published dataset):
 * {@code datastore_search}, with the row's number {@code _id}, {@code distinct} rows, the four
 * {@code records_format}s and up to {@value DatasetReader#DATASTORE_ROWS_MAX} rows at once; and
 * {@code datastore_info}.
 */
@Component
class CkanDatastoreActions {

    private final DatasetReader reader;

    CkanDatastoreActions(DatasetReader reader) {
        this.reader = reader;
    }

    /** A resource by id the caller may read, with a table; anything else is not found. */
    private Resource resource(CkanParams params) {
        String id = params.text("resource_id") != null ? params.required("resource_id") : params.required("id");
        return withTable(visible(reader, id, () -> CkanError.notFound("Resource \"" + id + "\"")), id);
    }

    /** The resource, unless a client dropped its table: then, as CKAN has it, there is none to find. */
    static Resource withTable(Resource resource, String id) {
        if (!resource.active()) {
            throw CkanError.notFound("Resource \"" + id + "\"");
        }
        return resource;
    }

    /**
     * A resource (a version) by its id: of a published dataset for anybody, of a draft or withdrawn
     * one only for its publishers (with their API token); else this refusal.
     */
    static Resource visible(DatasetReader reader, String id, java.util.function.Supplier<CkanError> missing) {
        long versionId;
        try {
            versionId = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw missing.get();
        }
        return reader.resource(versionId).orElseThrow(missing);
    }

    Map<String, Object> search(CkanParams params) {
        Resource resource = resource(params);
        List<StoreColumn> columns = resource.columns();
        int limit = params.integer("limit", 100, 0, DatasetReader.DATASTORE_ROWS_MAX);
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        String format = params.text("records_format") == null ? "objects" : params.text("records_format");
        if (!List.of("objects", "lists", "csv", "tsv").contains(format)) {
            throw CkanError.validation("records_format", "Value must be one of: objects, lists, csv, tsv");
        }
        RowRequest query = filtered(params, columns).withSorts(sorts(params.text("sort"), columns));
        List<String> wanted = params.list("fields");
        for (String field : wanted) {
            if (!field.equals(RowRequest.ID)) {
                column(columns, field);
            }
        }
        boolean includeTotal = params.bool("include_total", true);
        DatasetReader.DatastorePage page;
        try {
            page = reader.datastorePage(
                    resource.versionId(), query, wanted, params.bool("distinct", false), offset, limit, includeTotal);
        } catch (IllegalArgumentException e) {
            throw CkanError.validation("fields", e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("resource_id", String.valueOf(resource.versionId()));
        answer.put("fields", fields(page.fields(), resource));
        answer.put("records", records(page, format));
        answer.put("records_format", format);
        answer.put("limit", limit);
        answer.put("offset", offset);
        if (includeTotal) {
            answer.put("total", page.total());
            answer.put("total_was_estimated", false);
        }
        String base = "/api/3/action/datastore_search?resource_id=" + resource.versionId();
        answer.put("_links", Map.of("start", base, "next", base + "&offset=" + (offset + limit)));
        return answer;
    }

    /** The filters ({@code filters}: a value or a list of values per field) and words ({@code q}). */
    private static RowRequest filtered(CkanParams params, List<StoreColumn> columns) {
        RowRequest query = RowRequest.ALL;
        Object filters = params.json("filters");
        if (filters != null) {
            if (!(filters instanceof Map<?, ?> map)) {
                throw CkanError.validation("filters", "Not a JSON object");
            }
            for (Map.Entry<?, ?> filter : map.entrySet()) {
                query = query.withFilter(filter(columns, String.valueOf(filter.getKey()), filter.getValue()));
            }
        }
        String qText = params.text("q");
        Object q = qText != null && qText.strip().startsWith("{") ? params.json("q") : qText;
        if (q instanceof Map<?, ?> perField) {
            for (Map.Entry<?, ?> entry : perField.entrySet()) {
                String column = column(columns, String.valueOf(entry.getKey())).name();
                query = query.withFilter(new RowRequest.Contains(column, String.valueOf(entry.getValue())));
            }
        } else if (q != null) {
            query = query.withSearch(q.toString());
        }
        return query;
    }

    /** {@code sort}: {@code "field desc, other"}, {@code _id} among the fields. */
    private static List<RowRequest.Sort> sorts(@Nullable String sort, List<StoreColumn> columns) {
        List<RowRequest.Sort> sorts = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            return sorts;
        }
        for (String part : sort.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            boolean descending = words.length > 1 && words[1].equalsIgnoreCase("desc");
            if (words.length > 1 && !descending && !words[1].equalsIgnoreCase("asc")) {
                throw CkanError.validation("sort", "Expected asc or desc after " + words[0]);
            }
            String name = unquote(words[0]);
            sorts.add(new RowRequest.Sort(
                    name.equals(RowRequest.ID)
                            ? RowRequest.ID
                            : column(columns, name).name(),
                    descending));
        }
        return sorts;
    }

    private static List<Map<String, Object>> fields(List<String> names, Resource resource) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("id", name);
            if (name.equals(RowRequest.ID)) {
                field.put("type", "int");
            } else {
                int i = position(resource.columns(), name);
                field.put("type", ckanType(resource.columns().get(i)));
                field.put("info", Map.of("label", resource.labels().get(i)));
            }
            fields.add(field);
        }
        return fields;
    }

    /** The rows as CKAN's {@code records_format} asks: objects, lists, or CSV or TSV text. */
    private static Object records(DatasetReader.DatastorePage page, String format) {
        if (format.equals("csv") || format.equals("tsv")) {
            CSVFormat csv = (format.equals("csv") ? CSVFormat.RFC4180 : CSVFormat.TDF)
                    .builder()
                    .setRecordSeparator('\n')
                    .get();
            StringWriter text = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(text, csv)) {
                for (Object[] row : page.rows()) {
                    List<Object> cells = new ArrayList<>();
                    for (Object value : row) {
                        // formulas are not run by a spreadsheet opening the text
                        cells.add(value == null ? "" : CsvCells.neutralised(String.valueOf(json(value))));
                    }
                    printer.printRecord(cells);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return text.toString();
        }
        List<Object> records = new ArrayList<>();
        for (Object[] row : page.rows()) {
            if (format.equals("lists")) {
                List<Object> list = new ArrayList<>();
                for (Object value : row) {
                    list.add(json(value));
                }
                records.add(list);
            } else {
                Map<String, Object> record = new LinkedHashMap<>();
                for (int i = 0; i < row.length; i++) {
                    record.put(page.fields().get(i), json(row[i]));
                }
                records.add(record);
            }
        }
        return records;
    }

    /**
     * {@code datastore_search_sql}: the query checked and run by the reader; a query that may not
     * run is CKAN's validation error on {@code query}, with the reason.
     */
    Map<String, Object> sql(CkanParams params) {
        String query = params.required("sql");
        org.openplaza.catalog.SqlResult result;
        try {
            result = reader.sql(query);
        } catch (org.openplaza.catalog.ReadOnlySql.Refused e) {
            throw CkanError.sqlRefused(query, e.getMessage());
        }
        List<Map<String, Object>> fields = new ArrayList<>();
        for (int i = 0; i < result.names().size(); i++) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("id", result.names().get(i));
            field.put("type", sqlType(result.types().get(i)));
            fields.add(field);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sql", query);
        answer.put("fields", fields);
        answer.put("records", records(new DatasetReader.DatastorePage(result.names(), result.rows(), null), "objects"));
        if (result.truncated()) {
            answer.put("records_truncated", true);
        }
        return answer;
    }

    /** CKAN's name for a type the store gives a query's column. */
    static String sqlType(String storeType) {
        String t = storeType.toUpperCase(java.util.Locale.ROOT);
        if (t.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?\\d*)|UBIGINT|UHUGEINT")) {
            return "int8";
        }
        if (t.startsWith("DECIMAL") || t.equals("DOUBLE") || t.equals("FLOAT") || t.equals("REAL")) {
            return "numeric";
        }
        if (t.equals("BOOLEAN")) {
            return "bool";
        }
        if (t.equals("DATE")) {
            return "date";
        }
        if (t.startsWith("TIMESTAMP")) {
            return "timestamp";
        }
        return "text";
    }

    /** A resource's table as CKAN 2.10 describes it: its fields with types and labels, and its size. */
    Map<String, Object> info(CkanParams params) {
        Resource resource = resource(params);
        List<Map<String, Object>> fields = new ArrayList<>();
        Map<String, Object> schema = new LinkedHashMap<>();
        for (int i = 0; i < resource.columns().size(); i++) {
            StoreColumn column = resource.columns().get(i);
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("id", column.name());
            field.put("type", ckanType(column));
            field.put("info", Map.of("label", resource.labels().get(i)));
            fields.add(field);
            schema.put(column.name(), ckanType(column));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("id", String.valueOf(resource.versionId()));
        meta.put("count", resource.rows());
        meta.put("table_type", "BASE TABLE");
        meta.put("aliases", List.of());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("meta", meta);
        info.put("fields", fields);
        // the shape of CKAN before 2.10, which older clients read
        info.put("schema", schema);
        return info;
    }

    private static int position(List<StoreColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw CkanError.validation("fields", "field \"" + name + "\" not in resource");
    }

    private static String unquote(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1)
                : name;
    }

    private static StoreColumn column(List<StoreColumn> columns, String name) {
        try {
            return RowRequestParams.column(columns, name);
        } catch (IllegalArgumentException e) {
            throw CkanError.validation("fields", "field \"" + name + "\" not in resource");
        }
    }

    private static RowRequest.Filter filter(List<StoreColumn> columns, String name, @Nullable Object value) {
        try {
            if (name.equals(RowRequest.ID)) {
                return value instanceof List<?> ids
                        ? new RowRequest.In(RowRequest.ID, new ArrayList<>(ids))
                        : new RowRequest.Equals(RowRequest.ID, typed(null, value));
            }
            StoreColumn column = column(columns, name);
            if (value instanceof List<?> values) {
                List<Object> typed = new ArrayList<>();
                for (Object v : values) {
                    typed.add(typed(column, v));
                }
                return new RowRequest.In(column.name(), typed);
            }
            return new RowRequest.Equals(column.name(), typed(column, value));
        } catch (IllegalArgumentException e) {
            throw CkanError.validation("filters", name + ": " + e.getMessage());
        }
    }

    private static Object typed(@Nullable StoreColumn column, @Nullable Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a filter value cannot be null");
        }
        if (column == null) {
            return RowRequestParams.value(org.openplaza.catalog.ValueType.INTEGER, value.toString());
        }
        return RowRequestParams.value(column.type(), value.toString());
    }

    static String ckanType(StoreColumn column) {
        return switch (column.type()) {
            case INTEGER -> "int8";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "bool";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TEXT -> "text";
        };
    }

    private static @Nullable Object json(@Nullable Object value) {
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return value.toString();
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return value.toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value == null ? null : value.toString();
    }
}
