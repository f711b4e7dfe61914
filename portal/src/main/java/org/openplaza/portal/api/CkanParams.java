package org.openplaza.portal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * An action's parameters as CKAN takes them: from the query string of a GET or the JSON body of a
 * POST. JSON-valued parameters ({@code filters}, {@code facet.field}) may arrive as JSON text in a
 * query string or as JSON in the body.
 */
final class CkanParams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values = new LinkedHashMap<>();

    CkanParams(MultiValueMap<String, String> query, @Nullable Map<String, Object> body) {
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                values.put(entry.getKey(), entry.getValue().get(0));
            }
        }
        if (body != null) {
            values.putAll(body);
        }
    }

    /**
     * The JSON object a POST carries as its body; none for a GET or a form (whose fields Spring
     * gives with the query string's). A body that is not a JSON object is refused.
     */
    static @Nullable Map<String, Object> jsonBody(jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return null;
        }
        try {
            var tree = JSON.readTree(request.getInputStream());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return null;
            }
            if (!tree.isObject()) {
                throw CkanError.badRequest("Bad request - JSON Error: the body is not a JSON object");
            }
            return JSON.convertValue(tree, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw CkanError.badRequest("Bad request - JSON Error: the body is not a JSON object");
        }
    }

    /**
     * A parameter as text. A NUL character is refused: no name, id or query holds one, and
     * PostgreSQL refuses it in any text it is sent.
     */
    @Nullable
    String text(String name) {
        Object value = values.get(name);
        return value == null ? null : withoutNul(name, value.toString());
    }

    private static String withoutNul(String name, String text) {
        if (text.indexOf('\0') >= 0) {
            throw CkanError.validation(name, "Must not contain a NUL character");
        }
        return text;
    }

    String required(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw CkanError.validation(name, "Missing value");
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) {
        Object value = values.get(name);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            int number = value instanceof Number n
                    ? n.intValue()
                    : Integer.parseInt(value.toString().strip());
            if (number < min) {
                throw CkanError.validation(name, "Must be at least " + min);
            }
            return Math.min(number, max);
        } catch (NumberFormatException e) {
            throw CkanError.validation(name, "Invalid integer");
        }
    }

    /** The same, refusing a value above {@code max} instead of lowering it. */
    int integerAtMost(String name, int fallback, int min, int max) {
        Object value = values.get(name);
        if (value != null && !value.toString().isBlank()) {
            try {
                long number = value instanceof Number n
                        ? n.longValue()
                        : Long.parseLong(value.toString().strip());
                if (number > max) {
                    throw CkanError.validation(name, "Must be at most " + max);
                }
            } catch (NumberFormatException e) {
                throw CkanError.validation(name, "Invalid integer");
            }
        }
        return integer(name, fallback, min, max);
    }

    boolean bool(String name, boolean fallback) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw CkanError.validation(name, "Invalid boolean");
        };
    }

    /** A JSON-valued parameter: the parsed body value, or the query string's text parsed as JSON. */
    @Nullable
    Object json(String name) {
        Object value = values.get(name);
        if (!(value instanceof String text)) {
            return value;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw CkanError.validation(name, "Could not parse as valid JSON");
        }
    }

    /** A list parameter given as a JSON list or as comma-separated text. */
    List<String> list(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(item -> withoutNul(name, String.valueOf(item)))
                    .toList();
        }
        String text = withoutNul(name, value.toString()).strip();
        if (text.startsWith("[")) {
            Object parsed = json(name);
            if (parsed instanceof List<?> list) {
                return list.stream()
                        .map(item -> withoutNul(name, String.valueOf(item)))
                        .toList();
            }
        }
        return java.util.Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
