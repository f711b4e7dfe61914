package org.openplaza.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A refusal as CKAN words it: a status, an error type, and a message or errors by field. */
final class CkanError extends RuntimeException {

    final HttpStatus status;
    final String type;
    final Map<String, Object> fields;

    private CkanError(HttpStatus status, String type, String message, Map<String, Object> fields) {
        super(message);
        this.status = status;
        this.type = type;
        this.fields = fields;
    }

    static CkanError notFound(String what) {
        return new CkanError(HttpStatus.NOT_FOUND, "Not Found Error", what + " not found", Map.of());
    }

    /** CKAN's 409 with the field's messages, e.g. {@code {"rows": ["Invalid integer"]}}. */
    static CkanError validation(String field, String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(field, List.of(message));
        return new CkanError(HttpStatus.CONFLICT, "Validation Error", field + ": " + message, fields);
    }

    /**
     * A query {@code datastore_search_sql} will not run, as CKAN words it: the reason on
     * {@code query}, and in {@code info} the statement and the reason again as {@code orig} (the
     * database's words in CKAN), which clients such as ckan.js read.
     */
    static CkanError sqlRefused(String sql, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("query", List.of(reason));
        fields.put("info", Map.of("statement", List.of(sql), "orig", List.of(reason)));
        return new CkanError(HttpStatus.CONFLICT, "Validation Error", "query: " + reason, fields);
    }

    static CkanError badRequest(String message) {
        return new CkanError(HttpStatus.BAD_REQUEST, "Bad request", message, Map.of());
    }
}
