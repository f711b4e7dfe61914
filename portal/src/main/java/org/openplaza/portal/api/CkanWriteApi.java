package org.openplaza.portal.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ManagedDataset;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.VersionSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The write half of CKAN's Action API, so that city systems and existing CKAN tools publish
 * automatically: {@code package_create}, {@code package_patch}, {@code resource_create} (multipart
 * upload) and {@code package_delete} (withdraw), with CKAN's envelope and status codes. A package
 * is created as a draft; {@code resource_create} imports a file as its next version; a
 * {@code package_patch} with {@code "state": "active"} publishes it.
 */
@RestController
class CkanWriteApi {

    static final String HELP = "/api/3/action/help_show?name=";

    private final PublishingService publishing;
    private final DatasetReader reader;
    private final CkanDicts dicts;
    private final org.openplaza.catalog.LinkedResources links;

    CkanWriteApi(
            PublishingService publishing,
            DatasetReader reader,
            CkanDicts dicts,
            org.openplaza.catalog.LinkedResources links) {
        this.publishing = publishing;
        this.links = links;
        this.reader = reader;
        this.dicts = dicts;
    }

    record Envelope(
            String help,
            boolean success,
            @Nullable Object result,
            @Nullable Map<String, Object> error) {}

    private static ResponseEntity<Envelope> ok(String action, @Nullable Object result) {
        return ResponseEntity.ok(new Envelope(HELP + action, true, result, null));
    }

    static ResponseEntity<Envelope> error(HttpStatus status, String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", type);
        error.put("message", message);
        return ResponseEntity.status(status).body(new Envelope("", false, null, error));
    }

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    /**
     * A write action's fields: the JSON object of the body, or the fields of a form (as older CKAN
     * clients post them; a field holding a JSON object or list, such as {@code tags}, is read as
     * JSON).
     */
    static Map<String, Object> body(jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException, org.springframework.web.HttpMediaTypeNotSupportedException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.contains("json") && !type.startsWith(FORM)) {
            throw new org.springframework.web.HttpMediaTypeNotSupportedException(
                    type.isEmpty() ? null : org.springframework.http.MediaType.parseMediaType(type),
                    List.of(
                            org.springframework.http.MediaType.APPLICATION_JSON,
                            org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED));
        }
        Map<String, Object> json = CkanParams.jsonBody(request);
        if (json != null) {
            return json;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length == 1) {
                form.put(name, jsonOrText(values[0]));
            } else if (values.length > 1) {
                form.put(name, List.of(values));
            }
        });
        return form;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper FORM_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static Object jsonOrText(String value) {
        String v = value.strip();
        if (v.startsWith("{") || v.startsWith("[")) {
            try {
                return FORM_JSON.readValue(v, Object.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return value;
            }
        }
        return value;
    }

    @PostMapping(value = {"/api/3/action/package_create", "/api/action/package_create"})
    ResponseEntity<Envelope> packageCreate(jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException, org.springframework.web.HttpMediaTypeNotSupportedException {
        Map<String, Object> body = body(request);
        Object name = body.get("name");
        long id = publishing.createDataset(
                metadata(body, null, false), name == null || name.toString().isBlank() ? null : name.toString());
        applyState(id, body.get("state"));
        return ok("package_create", packageDict(id));
    }

    @PostMapping(value = {"/api/3/action/package_patch", "/api/action/package_patch"})
    ResponseEntity<Envelope> packagePatch(jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException, org.springframework.web.HttpMediaTypeNotSupportedException {
        Map<String, Object> body = body(request);
        long id = datasetId(publishing, body.get("id"));
        change(id, body, false);
        return ok("package_patch", packageDict(id));
    }

    /**
     * CKAN's {@code package_update}: the dataset's metadata becomes what the body says; a field it
     * leaves out is emptied or set to its default (as CKAN does), except the organisation, which
     * stays. The resources (versions) stay: a new one comes with {@code resource_create}.
     */
    @PostMapping(value = {"/api/3/action/package_update", "/api/action/package_update"})
    ResponseEntity<Envelope> packageUpdate(jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException, org.springframework.web.HttpMediaTypeNotSupportedException {
        Map<String, Object> body = body(request);
        long id = datasetId(publishing, body.containsKey("id") ? body.get("id") : body.get("name"));
        change(id, body, true);
        return ok("package_update", packageDict(id));
    }

    /**
     * CKAN's {@code package_revise}: {@code match} names the dataset ({@code id} or {@code name})
     * and may hold other fields that must have these values now, or nothing changes;
     * {@code update} is applied as {@code package_patch} applies its fields; {@code include} lists
     * the fields of the answer's {@code package}.
     */
    @PostMapping(value = {"/api/3/action/package_revise", "/api/action/package_revise"})
    ResponseEntity<Envelope> packageRevise(jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException, org.springframework.web.HttpMediaTypeNotSupportedException {
        Map<String, Object> body = body(request);
        if (!(body.get("match") instanceof Map<?, ?> match)) {
            throw CkanError.validation("match", "Missing value: an object naming the dataset by id or name");
        }
        Object named = match.containsKey("id") ? match.get("id") : match.get("name");
        long id = datasetId(publishing, named);
        Map<String, Object> before = packageDict(id);
        for (Map.Entry<?, ?> expected : match.entrySet()) {
            String field = String.valueOf(expected.getKey());
            if (field.equals("id") || field.equals("name") && named == expected.getValue()) {
                continue;
            }
            Object now = before.get(field);
            if (now == null || !String.valueOf(now).equals(String.valueOf(expected.getValue()))) {
                throw CkanError.validation("match", "There is a mismatch in the match field " + field);
            }
        }
        if (body.get("update") instanceof Map<?, ?> update) {
            Map<String, Object> fields = new LinkedHashMap<>();
            update.forEach((k, v) -> fields.put(String.valueOf(k), v));
            change(id, fields, false);
        } else if (body.containsKey("update")) {
            throw CkanError.validation("update", "Not a JSON object");
        }
        Map<String, Object> after = packageDict(id);
        if (body.get("include") instanceof List<?> include) {
            Map<String, Object> some = new LinkedHashMap<>();
            include.forEach(f -> {
                if (after.containsKey(String.valueOf(f))) {
                    some.put(String.valueOf(f), after.get(String.valueOf(f)));
                }
            });
            return ok("package_revise", Map.of("package", some));
        }
        return ok("package_revise", Map.of("package", after));
    }

    /** The body's fields over the metadata (all of it, replacing), then its state. */
    private void change(long id, Map<String, Object> body, boolean replace) {
        DatasetMetadata current = publishing.metadata(id);
        publishing.updateMetadata(id, metadata(body, current, replace));
        applyState(id, body.get("state"));
    }

    /** {@code "state": "active"} publishes, {@code "deleted"} withdraws; anything else changes nothing. */
    private void applyState(long id, @Nullable Object state) {
        if ("active".equals(state)) {
            publishing.publish(id);
        } else if ("deleted".equals(state)) {
            publishing.withdraw(id);
        }
    }

    @PostMapping(value = {"/api/3/action/package_delete", "/api/action/package_delete"})
    ResponseEntity<Envelope> packageDelete(jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException, org.springframework.web.HttpMediaTypeNotSupportedException {
        publishing.withdraw(datasetId(publishing, body(request).get("id")));
        return ok("package_delete", null);
    }

    @PostMapping(
            value = {"/api/3/action/resource_create", "/api/action/resource_create"},
            consumes = "multipart/form-data")
    ResponseEntity<Envelope> resourceCreate(
            @RequestParam("package_id") String packageId,
            @RequestPart("upload") MultipartFile upload,
            @RequestParam(value = "name", required = false) @Nullable String name)
            throws Exception {
        return importResource("resource_create", datasetId(publishing, packageId), upload, name);
    }

    /**
     * CKAN's {@code resource_update} with a file: the file becomes the next version of the
     * resource's dataset (a version is never changed in place), which the answer describes, with
     * its own id.
     */
    @PostMapping(
            value = {"/api/3/action/resource_update", "/api/action/resource_update"},
            consumes = "multipart/form-data")
    ResponseEntity<Envelope> resourceUpdate(
            @RequestParam("id") String resourceId,
            @RequestPart("upload") MultipartFile upload,
            @RequestParam(value = "name", required = false) @Nullable String name)
            throws Exception {
        return importResource("resource_update", resource(resourceId).datasetId(), upload, name);
    }

    /**
     * CKAN's {@code resource_delete}: the version is deleted for good (its rows and original file
     * are removed); the newest version left becomes current.
     */
    @PostMapping(value = {"/api/3/action/resource_delete", "/api/action/resource_delete"})
    ResponseEntity<Envelope> resourceDelete(jakarta.servlet.http.HttpServletRequest request) throws Exception {
        Object id = body(request).get("id");
        if (id == null) {
            throw CkanError.validation("id", "Missing value");
        }
        publishing.deleteVersion(resource(id).versionId());
        return ok("resource_delete", null);
    }

    private ResponseEntity<Envelope> importResource(String action, long id, MultipartFile upload, @Nullable String name)
            throws Exception {
        Path file = Files.createTempFile("openplaza-api", ".csv");
        try {
            upload.transferTo(file);
            CsvAnalysis analysis = publishing.analyse(file, ReadSettings.DETECT);
            String filename = name != null && !name.isBlank()
                    ? name
                    : upload.getOriginalFilename() == null ? "upload.csv" : upload.getOriginalFilename();
            VersionSummary version = publishing
                    .importVersion(id, file, filename, ImportPlan.asDetected(analysis), List.of(), new ImportMonitor())
                    .version();
            return ok(action, dicts.resourceDict(id, version.id()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * CKAN's {@code resource_create} (or {@code resource_update}) with a {@code url} instead of a
     * file: the file at the address is fetched, if the portal's rules allow the address, and
     * imported as the dataset's next version, which keeps the address as its {@code url}.
     */
    @PostMapping(
            value = {
                "/api/3/action/resource_create",
                "/api/action/resource_create",
                "/api/3/action/resource_update",
                "/api/action/resource_update"
            },
            consumes = {JSON, FORM})
    ResponseEntity<Envelope> resourceLink(jakarta.servlet.http.HttpServletRequest request) throws Exception {
        Map<String, Object> body = body(request);
        boolean update = request.getRequestURI().endsWith("resource_update");
        String action = update ? "resource_update" : "resource_create";
        long datasetId;
        if (update) {
            datasetId = resource(body.get("id")).datasetId();
        } else {
            datasetId = datasetId(publishing, body.get("package_id"));
        }
        Object url = body.get("url");
        if (url == null || url.toString().isBlank()) {
            throw CkanError.validation(
                    "url", "Missing value: give the file's http(s) address, or upload it as multipart");
        }
        Object name = body.get("name");
        long versionId = links.importFrom(datasetId, url.toString(), name == null ? null : name.toString())
                .imported()
                .version()
                .id();
        return ok(action, dicts.resourceDict(datasetId, versionId));
    }

    /** A resource (a version) the caller may see, by its id, else CKAN's 404. */
    private org.openplaza.catalog.Resource resource(@Nullable Object id) {
        String text = String.valueOf(id);
        return CkanDatastoreActions.visible(reader, text, () -> CkanError.notFound("Resource \"" + text + "\""));
    }

    private Map<String, Object> packageDict(long id) {
        return dicts.packageDict(reader.byId(id).orElseThrow());
    }

    /** A dataset by id or name among those the caller publishes for. */
    static long datasetId(PublishingService publishing, @Nullable Object value) {
        if (value == null) {
            throw new CatalogException("id", "api.error.missing", "id");
        }
        String text = value.toString();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return publishing.managedDatasets().stream()
                    .filter(d -> d.slug().equals(text))
                    .map(ManagedDataset::id)
                    .findFirst()
                    .orElseThrow(() -> new CatalogException(null, "publish.error.no-dataset"));
        }
    }

    private long organisation(@Nullable Object ownerOrg) {
        if (ownerOrg == null) {
            throw new CatalogException("owner_org", "api.error.missing", "owner_org");
        }
        String text = ownerOrg.toString();
        for (Organisation organisation : publishing.myOrganisations()) {
            if (String.valueOf(organisation.id()).equals(text)
                    || organisation.slug().equals(text)) {
                return organisation.id();
            }
        }
        throw new AccessDeniedException("not a publisher of " + text);
    }

    /**
     * CKAN fields over OpenPlaza's metadata: {@code title}, {@code notes}, {@code license_id},
     * {@code tags}, {@code maintainer_email}, {@code language}, the themes as {@code groups}, and
     * DCAT's {@code frequency}, {@code temporal_start}, {@code temporal_end} and {@code spatial}.
     * Fields not sent keep their current values, or (replacing, as {@code package_update} does)
     * are emptied, all but the organisation.
     */
    private DatasetMetadata metadata(Map<String, Object> body, @Nullable DatasetMetadata current, boolean replace) {
        body = withExtras(body);
        long organisation = body.containsKey("owner_org") || current == null
                ? organisation(body.get("owner_org"))
                : current.organisationId();
        if (replace && current != null) {
            current = emptied(current.organisationId());
        }
        String title = text(body, "title", current == null ? null : current.title());
        String notes = text(body, "notes", current == null ? null : current.description());
        String licence = text(body, "license_id", current == null ? "CC-BY-4.0" : current.licence());
        List<String> keywords = body.get("tags") instanceof List<?> tags
                ? names(tags).toList()
                : current == null ? List.of() : current.keywords();
        Set<String> themes = body.get("groups") instanceof List<?> groups
                ? names(groups).map(g -> g.toUpperCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet())
                : current == null ? Set.of() : new HashSet<>(current.themes());
        String language = text(body, "language", current == null ? "en" : current.language());
        return new DatasetMetadata(
                organisation,
                title == null ? "" : title,
                notes == null ? "" : notes,
                current == null ? null : current.contactName(),
                text(body, "maintainer_email", current == null ? null : current.contactEmail()),
                themes,
                keywords,
                licence == null ? "CC-BY-4.0" : licence,
                frequency(text(body, "frequency", current == null ? "UNKNOWN" : current.updateFrequency())),
                date(body, "temporal_start", current == null ? null : current.temporalFrom()),
                date(body, "temporal_end", current == null ? null : current.temporalTo()),
                text(body, "spatial_text", text(body, "spatial", current == null ? null : current.spatial())),
                language,
                translations(body, language, current));
    }

    /** What {@code package_update} replaces a dataset's fields with when they are not sent. */
    private static DatasetMetadata emptied(long organisation) {
        return new DatasetMetadata(
                organisation,
                "",
                "",
                null,
                null,
                Set.of(),
                List.of(),
                "CC-BY-4.0",
                "UNKNOWN",
                null,
                null,
                null,
                "en",
                java.util.Map.of());
    }

    /** The names of CKAN's tags or groups, sent as dicts with a {@code name} or as plain names. */
    private static java.util.stream.Stream<String> names(List<?> items) {
        return items.stream()
                .map(item -> item instanceof Map<?, ?> map ? map.get("name") : item)
                .filter(java.util.Objects::nonNull)
                .map(Object::toString);
    }

    /**
     * The translations in ckanext-fluent's fields ({@code title_translated}, {@code
     * notes_translated}, {@code tags_translated}: objects by language); the dataset's own language
     * is its {@code title} and {@code notes}. Without {@code title_translated} the current ones stay.
     */
    private static java.util.Map<String, DatasetMetadata.Translation> translations(
            Map<String, Object> body, String language, @Nullable DatasetMetadata current) {
        if (!(body.get("title_translated") instanceof Map<?, ?> titles)) {
            return current == null ? java.util.Map.of() : current.translations();
        }
        Map<?, ?> notes = body.get("notes_translated") instanceof Map<?, ?> n ? n : java.util.Map.of();
        Map<?, ?> tags = body.get("tags_translated") instanceof Map<?, ?> t ? t : java.util.Map.of();
        java.util.Map<String, DatasetMetadata.Translation> translations = new java.util.HashMap<>();
        titles.forEach((code, title) -> {
            if (code == null || title == null || code.toString().equals(language)) {
                return;
            }
            List<String> keywords = new ArrayList<>();
            if (tags.get(code) instanceof List<?> list) {
                list.forEach(k -> keywords.add(String.valueOf(k)));
            }
            Object description = notes.get(code);
            translations.put(
                    code.toString(),
                    new DatasetMetadata.Translation(
                            title.toString(), description == null ? "" : description.toString(), keywords));
        });
        return translations;
    }

    /** The fields of CKAN's {@code extras} list ({@code {"key": "frequency", "value": …}}), where the body has none. */
    private static Map<String, Object> withExtras(Map<String, Object> body) {
        if (!(body.get("extras") instanceof List<?> extras)) {
            return body;
        }
        Map<String, Object> all = new LinkedHashMap<>(body);
        for (Object extra : extras) {
            if (extra instanceof Map<?, ?> pair && pair.get("key") != null) {
                all.putIfAbsent(pair.get("key").toString(), pair.get("value"));
            }
        }
        return all;
    }

    private static java.time.@Nullable LocalDate date(
            Map<String, Object> body, String key, java.time.@Nullable LocalDate fallback) {
        Object value = body.get(key);
        if (value == null) {
            return fallback;
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            // a date, or the date of a date-time (as CKAN's DCAT extension writes temporal bounds)
            return java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            throw CkanError.validation(key, "Date format incorrect: " + text);
        }
    }

    /** A frequency by its code in the EU's vocabulary ({@code DAILY}), or by the code's URI as ckanext-dcat gives it. */
    private static @Nullable String frequency(@Nullable String given) {
        if (given == null) {
            return null;
        }
        String code = given.strip();
        int slash = code.lastIndexOf('/');
        if (code.startsWith("http") && slash >= 0) {
            code = code.substring(slash + 1);
        }
        return code.toUpperCase(Locale.ROOT);
    }

    private static @Nullable String text(Map<String, Object> body, String key, @Nullable String fallback) {
        Object value = body.get(key);
        return value == null ? fallback : value.toString();
    }
}
