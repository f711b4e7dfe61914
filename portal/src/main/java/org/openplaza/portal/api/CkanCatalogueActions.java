package org.openplaza.portal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.Resource;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.catalog.SearchResult;
import org.springframework.stereotype.Component;

/**
 * The CKAN read actions beyond the catalogue's lists and searches: one resource
 * ({@code resource_show}), the groups (the EU data
 * themes, {@code group_list}, {@code group_show}), the caller's organisations
 * ({@code organization_list_for_user}) and each action's help ({@code help_show}). Only what is
 * published is seen.
 */
@Component
class CkanCatalogueActions {

    private final DatasetReader reader;
    private final CatalogSearch search;
    private final CkanDicts dicts;
    private final PublishingService publishing;

    CkanCatalogueActions(DatasetReader reader, CatalogSearch search, CkanDicts dicts, PublishingService publishing) {
        this.reader = reader;
        this.search = search;
        this.dicts = dicts;
        this.publishing = publishing;
    }

    Map<String, Object> resourceShow(CkanParams params) {
        Resource resource =
                CkanDatastoreActions.visible(reader, params.required("id"), () -> CkanError.notFound("Resource"));
        DatasetPage dataset = reader.byId(resource.datasetId()).orElseThrow(() -> CkanError.notFound("Resource"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resources =
                (List<Map<String, Object>>) dicts.packageDict(dataset).get("resources");
        return resources.stream()
                .filter(r -> String.valueOf(resource.versionId()).equals(r.get("id")))
                .findFirst()
                .orElseThrow(() -> CkanError.notFound("Resource"));
    }

    /** The groups: the EU data themes, by lower-case code. */
    /**
     * {@code package_activity_list}: a dataset's history as CKAN's activities, for whoever may see
     * the dataset; a dataset the caller may not see is not found.
     */
    List<Map<String, Object>> activity(CkanParams params) {
        String id = params.required("id");
        var dataset = reader.byIdOrSlug(id).orElseThrow(() -> CkanError.notFound("Dataset \"" + id + "\""));
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        int limit = params.integer("limit", 31, 0, 100);
        List<Map<String, Object>> activities = new java.util.ArrayList<>();
        for (var event : reader.activity(dataset.id(), offset, limit)) {
            Map<String, Object> activity = new java.util.LinkedHashMap<>();
            activity.put("id", String.valueOf(event.id()));
            activity.put(
                    "timestamp",
                    event.at()
                            .atOffset(java.time.ZoneOffset.UTC)
                            .toLocalDateTime()
                            .toString());
            activity.put("user_id", event.actor());
            activity.put("object_id", String.valueOf(dataset.id()));
            activity.put("activity_type", activityType(event.eventType()));
            activity.put("data", Map.of("event", event.eventType()));
            activities.add(activity);
        }
        return activities;
    }

    /** CKAN's three kinds of package activity, for the portal's dataset events. */
    static String activityType(String eventType) {
        return switch (eventType) {
            case "DATASET_CREATED" -> "new package";
            case "DATASET_WITHDRAWN" -> "deleted package";
            default -> "changed package";
        };
    }

    Object groupList(CkanParams params) {
        boolean allFields = params.bool("all_fields", false);
        Map<String, Integer> counts = themeCounts();
        List<Object> groups = new ArrayList<>();
        for (String theme : DatasetMetadata.THEMES) {
            groups.add(allFields ? groupDict(theme, counts.getOrDefault(theme, 0)) : name(theme));
        }
        return groups;
    }

    Map<String, Object> groupShow(CkanParams params) {
        String theme = theme(params.required("id"));
        Map<String, Object> dict = groupDict(theme, themeCounts().getOrDefault(theme, 0));
        if (params.bool("include_datasets", false)) {
            SearchResult found = search.search(new SearchRequest(
                    "", Map.of("theme", List.of(theme)), SearchRequest.Order.UPDATED, 0, CkanReadApi.MAX_PACKAGES));
            List<Map<String, Object>> packages = new ArrayList<>();
            for (SearchResult.Hit hit : found.hits()) {
                reader.byId(hit.id()).ifPresent(d -> packages.add(dicts.packageDict(d)));
            }
            dict.put("packages", packages);
        }
        return dict;
    }

    /** CKAN's {@code tag_show}: a keyword of a published dataset, with those datasets when asked. */
    Map<String, Object> tagShow(CkanParams params) {
        String name = params.required("id").strip();
        if (!reader.keywords().contains(name)) {
            throw CkanError.notFound("Tag");
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("id", name);
        dict.put("name", name);
        dict.put("display_name", name);
        dict.put("vocabulary_id", null);
        if (params.bool("include_datasets", false)) {
            SearchResult found = search.search(new SearchRequest(
                    "", Map.of("keyword", List.of(name)), SearchRequest.Order.UPDATED, 0, CkanReadApi.MAX_PACKAGES));
            List<Map<String, Object>> packages = new ArrayList<>();
            for (SearchResult.Hit hit : found.hits()) {
                reader.byId(hit.id()).ifPresent(d -> packages.add(dicts.packageDict(d)));
            }
            dict.put("packages", packages);
        }
        return dict;
    }

    /** A theme by its code or group name, in either case. */
    static String theme(String idOrName) {
        String code = idOrName.strip().toUpperCase(Locale.ROOT);
        if (!DatasetMetadata.THEMES.contains(code)) {
            throw CkanError.notFound("Group");
        }
        return code;
    }

    static String name(String theme) {
        return theme.toLowerCase(Locale.ROOT);
    }

    private Map<String, Integer> themeCounts() {
        SearchResult all = search.search(new SearchRequest("", Map.of(), SearchRequest.Order.UPDATED, 0, 1));
        Map<String, Integer> counts = new LinkedHashMap<>();
        all.facets().getOrDefault("theme", List.of()).forEach(c -> counts.put(c.value(), c.count()));
        return counts;
    }

    Map<String, Object> groupDict(String theme, int datasets) {
        Map<String, Object> dict = new LinkedHashMap<>(CkanDicts.groupSummary(theme));
        dict.put("type", "group");
        dict.put("state", "active");
        dict.put("is_organization", false);
        dict.put("approval_status", "approved");
        dict.put("package_count", datasets);
        dict.put("uri", "http://publications.europa.eu/resource/authority/data-theme/" + theme);
        return dict;
    }

    /**
     * The organisations the caller (by the API token) may publish for; none for an anonymous
     * caller or a citizen.
     */
    List<Map<String, Object>> organisationsForUser() {
        var caller = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        boolean publisher = caller != null
                && caller.getAuthorities().stream()
                        .anyMatch(
                                a -> "ROLE_OFFICIAL".equals(a.getAuthority()) || "ROLE_ADMIN".equals(a.getAuthority()));
        if (Audited.ANONYMOUS.equals(Audited.currentActor()) || !publisher) {
            return List.of();
        }
        List<Map<String, Object>> organisations = new ArrayList<>();
        for (var o : publishing.myOrganisations()) {
            Map<String, Object> dict = CkanDicts.organisationDict(
                    new org.openplaza.catalog.PublicOrganisation(o.id(), o.slug(), o.name(), 0));
            dict.remove("package_count");
            dict.put("capacity", "editor");
            organisations.add(dict);
        }
        return organisations;
    }
}
