package org.openplaza.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Whatever goes wrong under {@code /api/} answers in CKAN's error envelope with the status that
 * fits, never with the app's HTML, a redirect to the sign-in page or a session: an unknown action
 * or API version (400), an unknown address (404), a method the action does not take (405), a body
 * that is not JSON (415, or 400 when it does not parse), and anything unforeseen (500, logged,
 * with no detail given out). The controllers' own handlers come first; elsewhere in the portal
 * these exceptions take their usual course.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** Every action the API answers, read or write. */
    static final Set<String> ACTIONS = java.util.stream.Stream.concat(
                    CkanHelp.READ_ACTIONS.stream(), CkanHelp.WRITE_ACTIONS.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Pattern ACTION_PATH = Pattern.compile("/api/(?:(\\d+)/)?action/([^/]*)(/.*)?");

    private static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<CkanWriteApi.Envelope> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!api(request)) {
            throw e;
        }
        ResponseEntity<CkanWriteApi.Envelope> refusal = CkanWriteApi.error(
                HttpStatus.METHOD_NOT_ALLOWED, "Bad request", "Method not allowed: " + request.getMethod());
        return ResponseEntity.status(refusal.getStatusCode())
                .allow(
                        e.getSupportedHttpMethods() == null
                                ? new org.springframework.http.HttpMethod[0]
                                : e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
                .body(refusal.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<CkanWriteApi.Envelope> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!api(request)) {
            throw e;
        }
        return CkanWriteApi.error(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Bad request",
                "Bad request - the body must be JSON (application/json), or a form for resource_create");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<CkanWriteApi.Envelope> unreadable(HttpMessageNotReadableException e, HttpServletRequest request)
            throws HttpMessageNotReadableException {
        if (!api(request)) {
            throw e;
        }
        return CkanWriteApi.error(
                HttpStatus.BAD_REQUEST, "Bad request", "Bad request - JSON Error: the body is not a JSON object");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!api(request)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).body("The API answers in JSON only\n");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class})
    ResponseEntity<CkanWriteApi.Envelope> denied(RuntimeException e, HttpServletRequest request) {
        if (!api(request)) {
            throw e;
        }
        return CkanWriteApi.error(HttpStatus.FORBIDDEN, "Authorization Error", "Access denied");
    }

    /**
     * Text parameters with a NUL character are refused before they reach a service: no name, id or
     * query holds one, and PostgreSQL refuses it in any text it is sent.
     */
    @org.springframework.web.bind.annotation.InitBinder
    void refuseNul(org.springframework.web.bind.WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && text.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("a NUL character");
                }
                setValue(text);
            }
        });
    }

    /** A parameter of the wrong kind (a word for a number, a NUL character in text). */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<CkanWriteApi.Envelope> mismatch(
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e, HttpServletRequest request)
            throws Exception {
        if (!api(request)) {
            throw e;
        }
        return CkanWriteApi.error(HttpStatus.BAD_REQUEST, "Validation Error", "Invalid value for " + e.getName());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<CkanWriteApi.Envelope> unforeseen(Exception e, HttpServletRequest request) throws Exception {
        if (!api(request)) {
            throw e;
        }
        log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return CkanWriteApi.error(
                HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error", "Internal server error; it has been logged");
    }

    /**
     * Any address under /api/ that no action or endpoint answers. (Vaadin would otherwise answer it
     * with the app; the API's description, a file, is served here for the same reason.)
     */
    @RestController
    static class Fallback {

        @org.springframework.web.bind.annotation.GetMapping(value = "/api/openapi.yaml", produces = "application/yaml")
        org.springframework.core.io.Resource description() {
            return new org.springframework.core.io.ClassPathResource("static/api/openapi.yaml");
        }

        @RequestMapping("/api/**")
        ResponseEntity<CkanWriteApi.Envelope> unknown(HttpServletRequest request) throws Exception {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Matcher action = ACTION_PATH.matcher(path);
            if (!action.matches()) {
                return CkanWriteApi.error(HttpStatus.NOT_FOUND, "Not Found Error", "Not found");
            }
            if (action.group(1) != null && !action.group(1).equals("3")) {
                return CkanWriteApi.error(
                        HttpStatus.BAD_REQUEST,
                        "Bad request",
                        "Bad request - API version not supported: " + action.group(1));
            }
            if (ACTIONS.contains(action.group(2)) && action.group(3) == null) {
                throw new HttpRequestMethodNotSupportedException(request.getMethod());
            }
            String name = action.group(2).replaceAll("[^A-Za-z0-9_.-]", "");
            return CkanWriteApi.error(
                    HttpStatus.BAD_REQUEST,
                    "Bad request",
                    "Bad request - Action name not known: " + name.substring(0, Math.min(60, name.length())));
        }
    }
}
