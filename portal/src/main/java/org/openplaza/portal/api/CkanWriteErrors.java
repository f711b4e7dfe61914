package org.openplaza.portal.api;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openplaza.catalog.CatalogException;
import org.openplaza.portal.api.CkanWriteApi.Envelope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the write actions refuse, in CKAN's envelope: a refusal a client can mend is a 409 with the
 * field at fault by CKAN's name (as CKAN's validation errors are), a missing dataset or version a
 * 404, a file too large a 413, no right to write a 403, a malformed request a 400.
 */
@RestControllerAdvice(assignableTypes = {CkanWriteApi.class, CkanDatastoreWrites.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CkanWriteErrors {

    private final I18NProvider messages;

    CkanWriteErrors(I18NProvider messages) {
        this.messages = messages;
    }

    private static ResponseEntity<Envelope> error(HttpStatus status, String type, String message) {
        return CkanWriteApi.error(status, type, message);
    }

    private String english(String key, List<Object> arguments) {
        return messages.getTranslation(key, Locale.ENGLISH, arguments.toArray());
    }

    @ExceptionHandler(CatalogException.class)
    ResponseEntity<Envelope> refused(CatalogException e) {
        HttpStatus status = switch (e.messageKey()) {
            case "publish.error.no-dataset", "publish.error.no-version-found" -> HttpStatus.NOT_FOUND;
            case "publish.error.too-large" -> HttpStatus.PAYLOAD_TOO_LARGE;
            default -> HttpStatus.CONFLICT;
        };
        String message = english(e.messageKey(), e.arguments());
        if (status != HttpStatus.CONFLICT || e.field() == null) {
            String type = status == HttpStatus.NOT_FOUND ? "Not Found Error" : "Validation Error";
            String field = e.field() == null ? "" : e.field() + ": ";
            return error(status, type, field + message);
        }
        // CKAN's form: the field, by CKAN's name, with its messages
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Validation Error");
        error.put(CKAN_FIELDS.getOrDefault(e.field(), e.field()), List.of(message));
        return ResponseEntity.status(status).body(new Envelope("", false, null, error));
    }

    /** OpenPlaza's names of the metadata's fields as CKAN names them. */
    private static final Map<String, String> CKAN_FIELDS = Map.of(
            "description", "notes",
            "licence", "license_id",
            "keywords", "tags",
            "contactEmail", "maintainer_email",
            "translations", "title_translated",
            "themes", "groups",
            "updateFrequency", "frequency",
            "temporalFrom", "temporal_start",
            "temporalTo", "temporal_end");

    @ExceptionHandler(CkanError.class)
    ResponseEntity<Envelope> refused(CkanError e) {
        return CkanReadApi.answer(e);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class})
    ResponseEntity<Envelope> denied(RuntimeException e) {
        return error(HttpStatus.FORBIDDEN, "Authorization Error", "Access denied");
    }

    @ExceptionHandler({
        org.springframework.http.converter.HttpMessageNotReadableException.class,
        org.springframework.web.multipart.support.MissingServletRequestPartException.class,
        org.springframework.web.bind.MissingServletRequestParameterException.class
    })
    ResponseEntity<Envelope> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "Validation Error", "Bad request: " + e.getMessage());
    }
}
