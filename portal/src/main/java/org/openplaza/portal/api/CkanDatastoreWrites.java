package org.openplaza.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.PushedRecords;
import org.openplaza.catalog.Resource;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.UpsertMethod;
import org.openplaza.catalog.ValueType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * CKAN's DataStore writes, for officials' systems and sensors that push records:
 * {@code datastore_create} (a live resource with typed fields and a key, or more records for one),
 * {@code datastore_upsert} (insert, update or upsert, all or none) and {@code datastore_delete}
 * (by filter). The same token rules as every write action; the answers in CKAN's shapes.
 */
@RestController
class CkanDatastoreWrites {

    private final PushedRecords pushed;
    private final PublishingService publishing;
    private final DatasetReader reader;
    private final CkanDicts dicts;

    CkanDatastoreWrites(PushedRecords pushed, PublishingService publishing, DatasetReader reader, CkanDicts dicts) {
        this.pushed = pushed;
        this.publishing = publishing;
        this.reader = reader;
        this.dicts = dicts;
    }

    private static ResponseEntity<CkanWriteApi.Envelope> ok(String action, Object result) {
        return ResponseEntity.ok(new CkanWriteApi.Envelope(CkanWriteApi.HELP + action, true, result, null));
    }

    /**
     * With {@code resource} ({@code package_id}, {@code name}): a new live resource, the
     * package's next version, from {@code fields}, {@code primary_key} and the first
     * {@code records}. With {@code resource_id} of a live resource: its {@code records} inserted.
     */
    @PostMapping(value = {"/api/3/action/datastore_create", "/api/action/datastore_create"})
    ResponseEntity<CkanWriteApi.Envelope> create(HttpServletRequest request) throws Exception {
        Map<String, Object> body = CkanWriteApi.body(request);
        List<Map<String, Object>> records = records(body.get("records"), false);
        if (body.get("resource_id") != null) {
            Resource resource = visibleResource(body.get("resource_id"));
            if (!resource.active()) {
                // its table dropped: made again, with the fields given (the same or new ones)
                List<PushedRecords.FieldSpec> specs = requiredFields(body);
                Retention rule = retention(body);
                checkRetention(rule, specs);
                pushed.remake(resource.versionId(), specs, primaryKey(body.get("primary_key")), records);
                if (rule != null) {
                    pushed.retain(resource.versionId(), rule.field(), rule.days());
                }
                return ok("datastore_create", answer(resource.versionId(), body, "insert"));
            }
            if (body.get("fields") instanceof List<?> fields && !fields.isEmpty()) {
                List<String> given = new ArrayList<>();
                for (PushedRecords.FieldSpec field : fields(fields)) {
                    given.add(field.name());
                }
                List<String> there =
                        resource.columns().stream().map(StoreColumn::name).toList();
                if (!given.equals(there)) {
                    throw CkanError.validation(
                            "fields",
                            "The fields of an existing table cannot change here: they are " + there
                                    + ". Create a new resource for new fields.");
                }
            }
            Retention rule = retention(body);
            if (rule != null) {
                pushed.retain(resource.versionId(), rule.field(), rule.days());
            }
            pushed.upsert(resource.versionId(), records, UpsertMethod.INSERT);
            return ok("datastore_create", answer(resource.versionId(), body, "insert"));
        }
        if (!(body.get("resource") instanceof Map<?, ?> newResource)) {
            throw CkanError.validation("resource_id", "Missing value: give resource_id, or resource with package_id");
        }
        Object packageId = newResource.get("package_id");
        if (packageId == null) {
            throw CkanError.validation("resource", "Missing value: package_id");
        }
        long datasetId = CkanWriteApi.datasetId(publishing, packageId);
        List<PushedRecords.FieldSpec> specs = requiredFields(body);
        Object name = newResource.get("name");
        Retention rule = retention(body);
        checkRetention(rule, specs);
        long versionId = pushed.create(
                datasetId,
                name == null || name.toString().isBlank() ? "records" : name.toString(),
                specs,
                primaryKey(body.get("primary_key")),
                records);
        if (rule != null) {
            pushed.retain(versionId, rule.field(), rule.days());
        }
        Map<String, Object> result = answer(versionId, body, "insert");
        result.put("resource", dicts.resourceDict(datasetId, versionId));
        return ok("datastore_create", result);
    }

    /** The fields a new table is made of, which must be given. */
    private static List<PushedRecords.FieldSpec> requiredFields(Map<String, Object> body) {
        if (!(body.get("fields") instanceof List<?> fields)) {
            throw CkanError.validation("fields", "Missing value: the table's fields, each with an id and a type");
        }
        return fields(fields);
    }

    /** A rule by a field the new table has, of dates or times, before anything is made. */
    private static void checkRetention(@Nullable Retention rule, List<PushedRecords.FieldSpec> specs) {
        if (rule != null
                && rule.field() != null
                && specs.stream()
                        .noneMatch(f -> f.name().equals(rule.field())
                                && (f.type() == org.openplaza.catalog.ValueType.DATE
                                        || f.type() == org.openplaza.catalog.ValueType.TIMESTAMP))) {
            throw CkanError.validation("retention", "The field must be one of the table's date or timestamp fields");
        }
    }

    /** How long a live table keeps its rows: by which field, for how many days; a null field ends the rule. */
    record Retention(
            @org.jspecify.annotations.Nullable String field,
            @org.jspecify.annotations.Nullable Integer days) {}

    /**
     * OpenPlaza's own {@code retention} ({@code {"field": "read_at", "days": 90}}, or null to end
     * it), which CKAN does not have; absent, nothing changes.
     */
    private static @org.jspecify.annotations.Nullable Retention retention(Map<String, Object> body) {
        if (!body.containsKey("retention")) {
            return null;
        }
        Object given = body.get("retention");
        if (given == null) {
            return new Retention(null, null);
        }
        if (!(given instanceof Map<?, ?> rule)
                || !(rule.get("field") instanceof String field)
                || !(rule.get("days") instanceof Number days)
                || days.doubleValue() != Math.rint(days.doubleValue())) {
            throw CkanError.validation(
                    "retention",
                    "Give the field of dates or times and the whole days to keep: {\"field\": ..., \"days\": 90}");
        }
        return new Retention(field, days.intValue());
    }

    /** {@code records} with {@code method} {@code upsert} (the default), {@code insert} or {@code update}. */
    @PostMapping(value = {"/api/3/action/datastore_upsert", "/api/action/datastore_upsert"})
    ResponseEntity<CkanWriteApi.Envelope> upsert(HttpServletRequest request) throws Exception {
        Map<String, Object> body = CkanWriteApi.body(request);
        Resource resource = resource(body.get("resource_id"));
        String method = body.get("method") == null
                ? "upsert"
                : body.get("method").toString().strip().toLowerCase(Locale.ROOT);
        UpsertMethod mode = switch (method) {
            case "upsert" -> UpsertMethod.UPSERT;
            case "insert" -> UpsertMethod.INSERT;
            case "update" -> UpsertMethod.UPDATE;
            default -> throw CkanError.validation("method", "Unknown method: use upsert, insert or update");
        };
        pushed.upsert(resource.versionId(), records(body.get("records"), true), mode);
        return ok("datastore_upsert", answer(resource.versionId(), body, method));
    }

    /**
     * The rows matching every one of {@code filters} ({@code field: value} or a list of values),
     * every row for {@code {}}; without {@code filters}, as CKAN has it, the table itself, which
     * {@code datastore_create} with the resource's id makes again.
     */
    @PostMapping(value = {"/api/3/action/datastore_delete", "/api/action/datastore_delete"})
    ResponseEntity<CkanWriteApi.Envelope> delete(HttpServletRequest request) throws Exception {
        Map<String, Object> body = CkanWriteApi.body(request);
        Resource resource = resource(body.get("resource_id"));
        if (!body.containsKey("filters")) {
            pushed.drop(resource.versionId());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("resource_id", String.valueOf(resource.versionId()));
            return ok("datastore_delete", result);
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        Object given = body.get("filters");
        if (given instanceof Map<?, ?> map) {
            map.forEach((k, v) -> filters.put(String.valueOf(k), v));
        } else if (given != null && !(given instanceof String text && text.isBlank())) {
            throw CkanError.validation("filters", "Not a JSON object");
        }
        pushed.delete(resource.versionId(), filters);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resource_id", String.valueOf(resource.versionId()));
        result.put("filters", filters);
        return ok("datastore_delete", result);
    }

    private Map<String, Object> answer(long versionId, Map<String, Object> body, String method) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resource_id", String.valueOf(versionId));
        Resource resource = reader.resource(versionId).orElseThrow();
        List<Map<String, Object>> fields = new ArrayList<>();
        for (int i = 0; i < resource.columns().size(); i++) {
            StoreColumn column = resource.columns().get(i);
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("id", column.name());
            field.put("type", CkanDatastoreActions.ckanType(column));
            field.put("info", Map.of("label", resource.labels().get(i)));
            fields.add(field);
        }
        result.put("fields", fields);
        if (body.containsKey("primary_key")) {
            result.put("primary_key", body.get("primary_key"));
        }
        result.put("method", method);
        return result;
    }

    private Resource resource(@Nullable Object id) {
        if (id == null || id.toString().isBlank()) {
            throw CkanError.validation("resource_id", "Missing value");
        }
        return CkanDatastoreActions.withTable(visibleResource(id), id.toString());
    }

    /** A resource the caller may see, by its id, with a table or without (dropped by a client). */
    private Resource visibleResource(Object id) {
        return CkanDatastoreActions.visible(reader, id.toString(), () -> CkanError.notFound("Resource \"" + id + "\""));
    }

    /** CKAN's fields: {@code id}, {@code type} (text if left out), and a label in {@code info}. */
    private static List<PushedRecords.FieldSpec> fields(List<?> given) {
        List<PushedRecords.FieldSpec> fields = new ArrayList<>();
        for (Object item : given) {
            if (!(item instanceof Map<?, ?> field) || field.get("id") == null) {
                throw CkanError.validation("fields", "Each field is an object with an id");
            }
            String id = field.get("id").toString();
            ValueType type = PushedRecords.typeOf(
                    field.get("type") == null ? "text" : field.get("type").toString());
            String label = id;
            if (field.get("info") instanceof Map<?, ?> info && info.get("label") != null) {
                label = info.get("label").toString();
            }
            fields.add(new PushedRecords.FieldSpec(id, type, label));
        }
        return fields;
    }

    /** CKAN's {@code primary_key}: a list of field ids, or one string of them separated by commas. */
    private static List<String> primaryKey(@Nullable Object given) {
        List<String> key = new ArrayList<>();
        if (given instanceof List<?> list) {
            list.forEach(k -> key.add(String.valueOf(k).strip()));
        } else if (given != null) {
            for (String k : given.toString().split(",")) {
                if (!k.isBlank()) {
                    key.add(k.strip());
                }
            }
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(@Nullable Object given, boolean required) {
        if (given == null) {
            if (required) {
                throw CkanError.validation("records", "Missing value");
            }
            return List.of();
        }
        if (!(given instanceof List<?> list)) {
            throw CkanError.validation("records", "Not a list of objects");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> record)) {
                throw CkanError.validation("records", "Record " + i + " is not an object");
            }
            records.add((Map<String, Object>) record);
        }
        return records;
    }
}
