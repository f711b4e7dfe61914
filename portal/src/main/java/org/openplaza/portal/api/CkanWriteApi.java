package org.openplaza.portal.api;

import com.vaadin.flow.i18n.I18NProvider;
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
import org.openplaza.importer.CsvAnalysis;
import org.openplaza.importer.CsvAnalyzer;
import org.openplaza.importer.ImportException;
import org.openplaza.importer.ImportMonitor;
import org.openplaza.importer.ImportPlan;
import org.openplaza.publishing.DatasetMetadata;
import org.openplaza.publishing.DatasetReader;
import org.openplaza.publishing.ManagedDataset;
import org.openplaza.publishing.Organisation;
import org.openplaza.publishing.PublishingException;
import org.openplaza.publishing.PublishingService;
import org.openplaza.publishing.VersionSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    private final I18NProvider messages;

    CkanWriteApi(PublishingService publishing, DatasetReader reader, CkanDicts dicts, I18NProvider messages) {
        this.publishing = publishing;
        this.reader = reader;
        this.dicts = dicts;
        this.messages = messages;
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

    @PostMapping({"/api/3/action/package_create", "/api/action/package_create"})
    ResponseEntity<Envelope> packageCreate(@RequestBody Map<String, Object> body) {
        Object name = body.get("name");
        long id = publishing.createDataset(
                metadata(body, null), name == null || name.toString().isBlank() ? null : name.toString());
        return ok("package_create", packageDict(id));
    }

    @PostMapping({"/api/3/action/package_patch", "/api/action/package_patch"})
    ResponseEntity<Envelope> packagePatch(@RequestBody Map<String, Object> body) {
        long id = datasetId(body.get("id"));
        DatasetMetadata current = publishing.metadata(id);
        publishing.updateMetadata(id, metadata(body, current));
        Object state = body.get("state");
        if ("active".equals(state)) {
            publishing.publish(id);
        } else if ("deleted".equals(state)) {
            publishing.withdraw(id);
        }
        return ok("package_patch", packageDict(id));
    }

    @PostMapping({"/api/3/action/package_delete", "/api/action/package_delete"})
    ResponseEntity<Envelope> packageDelete(@RequestBody Map<String, Object> body) {
        publishing.withdraw(datasetId(body.get("id")));
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
        long id = datasetId(packageId);
        Path file = Files.createTempFile("openplaza-api", ".csv");
        try {
            upload.transferTo(file);
            CsvAnalysis analysis = publishing.analyse(file, CsvAnalyzer.Settings.DETECT);
            String filename = name != null && !name.isBlank()
                    ? name
                    : upload.getOriginalFilename() == null ? "upload.csv" : upload.getOriginalFilename();
            VersionSummary version = publishing
                    .importVersion(id, file, filename, ImportPlan.asDetected(analysis), List.of(), new ImportMonitor())
                    .version();
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("id", String.valueOf(version.id()));
            resource.put("package_id", String.valueOf(id));
            resource.put("name", version.originalFilename());
            resource.put("format", analysis.delimiter() == '\t' ? "TSV" : "CSV");
            resource.put("mimetype", analysis.delimiter() == '\t' ? "text/tab-separated-values" : "text/csv");
            resource.put("size", version.bytes());
            resource.put("hash", "sha256:" + version.sha256());
            resource.put("datastore_active", true);
            resource.put("position", version.number() - 1);
            resource.put("created", version.createdAt().toString());
            resource.put("rows", version.rows());
            resource.put("url", dicts.absolute("/download/version/" + version.id()));
            return ok("resource_create", resource);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Map<String, Object> packageDict(long id) {
        return dicts.packageDict(reader.byId(id).orElseThrow());
    }

    private long datasetId(@Nullable Object value) {
        if (value == null) {
            throw new PublishingException("id", "api.error.missing", "id");
        }
        String text = value.toString();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return publishing.managedDatasets().stream()
                    .filter(d -> d.slug().equals(text))
                    .map(ManagedDataset::id)
                    .findFirst()
                    .orElseThrow(() -> new PublishingException(null, "publish.error.no-dataset"));
        }
    }

    private long organisation(@Nullable Object ownerOrg) {
        if (ownerOrg == null) {
            throw new PublishingException("owner_org", "api.error.missing", "owner_org");
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

    /** CKAN fields over OpenPlaza's metadata; fields not sent keep their current values. */
    private DatasetMetadata metadata(Map<String, Object> body, @Nullable DatasetMetadata current) {
        long organisation = body.containsKey("owner_org") || current == null
                ? organisation(body.get("owner_org"))
                : current.organisationId();
        String title = text(body, "title", current == null ? null : current.title());
        String notes = text(body, "notes", current == null ? null : current.description());
        String licence = text(body, "license_id", current == null ? "CC-BY-4.0" : current.licence());
        List<String> keywords = current == null ? List.of() : current.keywords();
        if (body.get("tags") instanceof List<?> tags) {
            keywords = new ArrayList<>();
            for (Object tag : tags) {
                Object tagName = tag instanceof Map<?, ?> map ? map.get("name") : tag;
                if (tagName != null) {
                    keywords.add(tagName.toString());
                }
            }
        }
        Set<String> themes = current == null ? Set.of() : new HashSet<>(current.themes());
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
                current == null ? "UNKNOWN" : current.updateFrequency(),
                current == null ? null : current.temporalFrom(),
                current == null ? null : current.temporalTo(),
                current == null ? null : current.spatial(),
                language,
                translations(body, language, current));
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

    private static @Nullable String text(Map<String, Object> body, String key, @Nullable String fallback) {
        Object value = body.get(key);
        return value == null ? fallback : value.toString();
    }

    private String english(String key, List<Object> arguments) {
        return messages.getTranslation(key, Locale.ENGLISH, arguments.toArray());
    }

    @ExceptionHandler(PublishingException.class)
    ResponseEntity<Envelope> refused(PublishingException e) {
        HttpStatus status = switch (e.messageKey()) {
            case "publish.error.no-dataset" -> HttpStatus.NOT_FOUND;
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
            "temporalTo", "temporal_end");

    @ExceptionHandler(ImportException.class)
    ResponseEntity<Envelope> importRefused(ImportException e) {
        return error(HttpStatus.CONFLICT, "Validation Error", english(e.messageKey(), e.arguments()));
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
