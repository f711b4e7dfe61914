package org.openplaza.catalog.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;

/**
 * Records given as JSON, made into a CSV file for the importer: an array of objects, or an object
 * holding one (at its top or one level down: {@code {"data": [...]}}, CKAN's {@code {"result":
 * {"records": [...]}}}). The columns are every key met, in the order first met; a nested object or
 * array stays as its JSON text; a missing key or a null is an empty cell. The file is read as a
 * stream, twice (the keys, then the rows), so a large one is never held in memory.
 */
public final class JsonRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private JsonRecords() {}

    /** Whether a fetched file is JSON: by its content type, else by its first character that is not blank. */
    public static boolean isJson(Path file, @Nullable String contentType) throws IOException {
        if (contentType != null) {
            String type = contentType.toLowerCase(java.util.Locale.ROOT);
            if (type.contains("json")) {
                return true;
            }
            if (type.contains("csv") || type.startsWith("text/plain")) {
                return false;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '[' || c == '{';
        }
    }

    /** Writes the JSON file's records as a CSV file (UTF-8); returns how many records. */
    public static long toCsv(Path json, Path csv) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        try (JsonParser parser = records(json)) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    keys.add(parser.currentName());
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
            onlyRecords(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CatalogException(null, "import.error.json");
        }
        if (keys.isEmpty()) {
            throw new CatalogException(null, "import.error.json");
        }
        List<String> columns = new ArrayList<>(keys);
        long count = 0;
        try (JsonParser parser = records(json);
                Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(columns);
            Map<String, String> row = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                row.clear();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken value = parser.nextToken();
                    row.put(key, cell(parser, value));
                }
                List<String> cells = new ArrayList<>(columns.size());
                for (String column : columns) {
                    cells.add(row.getOrDefault(column, ""));
                }
                printer.printRecord(cells);
                count++;
            }
        }
        return count;
    }

    /** A record that is not an object (a number, a null) among the records refuses the file. */
    private static void onlyRecords(JsonParser parser) {
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw new CatalogException(null, "import.error.json");
        }
    }

    private static String cell(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> "";
            case START_OBJECT, START_ARRAY -> JSON.readTree(parser).toString();
            default -> parser.getText();
        };
    }

    /**
     * A parser standing on the array of records: the root, or the first field (of the root, or of
     * an object at the root) that is an array whose first element is an object.
     */
    private static JsonParser records(Path json) throws IOException {
        JsonParser parser = FACTORY.createParser(json.toFile());
        try {
            JsonToken root = parser.nextToken();
            if (root == JsonToken.START_ARRAY) {
                return parser;
            }
            if (root == JsonToken.START_OBJECT) {
                List<String> path = find(json);
                if (path != null) {
                    return at(parser, path);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            parser.close();
            throw new CatalogException(null, "import.error.json");
        }
        parser.close();
        throw new CatalogException(null, "import.error.json");
    }

    /** The field names leading to the records' array in an object at the root, or null. */
    private static @Nullable List<String> find(Path json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json.toFile())) {
            parser.nextToken();
            return find(parser, 2);
        }
    }

    private static @Nullable List<String> find(JsonParser parser, int depth) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    return List.of(name);
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                    skipRest(parser);
                }
            } else if (value == JsonToken.START_OBJECT && depth > 1) {
                List<String> inner = find(parser, depth - 1);
                if (inner != null) {
                    List<String> path = new ArrayList<>();
                    path.add(name);
                    path.addAll(inner);
                    return path;
                }
            } else {
                parser.skipChildren();
            }
        }
        return null;
    }

    /** Skips the rest of the array the parser is in. */
    private static void skipRest(JsonParser parser) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
        }
    }

    /** Moves a parser standing on the root object to the array at the end of the path. */
    private static JsonParser at(JsonParser parser, List<String> path) throws IOException {
        for (int i = 0; i < path.size(); i++) {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token != JsonToken.FIELD_NAME) {
                    throw new CatalogException(null, "import.error.json");
                }
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals(path.get(i))) {
                    break;
                }
                parser.skipChildren();
            }
        }
        return parser;
    }
}
