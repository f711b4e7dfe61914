package org.openplaza.portal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.Licence;
import org.openplaza.catalog.PublicOrganisation;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.catalog.SearchResult;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read half of CKAN's Action API, open to everybody: {@code package_list}, {@code package_show},
 * {@code package_search}, {@code organization_list}, {@code organization_show}, {@code tag_list},
 * {@code license_list}, {@code datastore_search} and {@code status_show} here, the others in
 * {@link CkanCatalogueActions}. Each answers a GET with
 * query parameters and a POST with a JSON body, in CKAN's envelope and with CKAN's field names and
 * status codes. Page sizes are capped; only published datasets are visible.
 */
@RestController
class CkanReadApi {

    static final int MAX_PACKAGES = 1000;

    private final DatasetReader reader;
    private final CatalogSearch search;
    private final CkanDicts dicts;

    private final CkanCatalogueActions more;
    private final CkanDatastoreActions datastore;

    CkanReadApi(
            DatasetReader reader,
            CatalogSearch search,
            CkanDicts dicts,
            CkanCatalogueActions more,
            CkanDatastoreActions datastore) {
        this.reader = reader;
        this.search = search;
        this.dicts = dicts;
        this.more = more;
        this.datastore = datastore;
    }

    /** The read actions' names, as a pattern of the mapping below; each has its help in {@link CkanHelp}. */
    static final String ACTIONS = "status_show|package_list|package_show|package_search|organization_list"
            + "|organization_show|organization_list_for_user|group_list|group_show|tag_list|tag_show|license_list"
            + "|resource_show|datastore_search|datastore_search_sql|datastore_info|package_activity_list"
            + "|help_show";

    /**
     * The read actions, by GET or POST, with parameters from the query string, a form-encoded body
     * or a JSON body. Any other name is answered by {@link ApiErrors.Fallback} as CKAN answers it.
     */
    @RequestMapping(
            path = {"/api/3/action/{action:" + ACTIONS + "}", "/api/action/{action:" + ACTIONS + "}"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<CkanWriteApi.Envelope> read(
            @PathVariable("action") String action,
            @RequestParam MultiValueMap<String, String> query,
            jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        CkanParams params = new CkanParams(query, CkanParams.jsonBody(request));
        Object result = switch (action) {
            case "package_list" ->
                reader.publishedSlugs(
                        params.integer("offset", 0, 0, Integer.MAX_VALUE),
                        params.integer("limit", MAX_PACKAGES, 0, MAX_PACKAGES));
            case "package_show" -> packageShow(params);
            case "package_search" -> packageSearch(params);
            case "organization_list" -> organisationList(params);
            case "organization_show" -> organisationShow(params);
            case "organization_list_for_user" -> more.organisationsForUser();
            case "group_list" -> more.groupList(params);
            case "group_show" -> more.groupShow(params);
            case "tag_list" -> reader.keywords();
            case "tag_show" -> more.tagShow(params);
            case "license_list" ->
                java.util.Arrays.stream(Licence.values())
                        .map(CkanDicts::licenceDict)
                        .toList();
            case "resource_show" -> more.resourceShow(params);
            case "datastore_search" -> datastore.search(params);
            case "datastore_info" -> datastore.info(params);
            case "datastore_search_sql" -> datastore.sql(params);
            case "package_activity_list" -> more.activity(params);
            case "help_show" -> CkanHelp.help(params.required("name"));
            default -> statusShow();
        };
        return ResponseEntity.ok().body(new CkanWriteApi.Envelope(CkanWriteApi.HELP + action, true, result, null));
    }

    /**
     * A dataset by id or name: a published one for anybody, a draft or withdrawn one only for its
     * publishers (with their API token), as CKAN shows a private dataset to its editors.
     */
    private Map<String, Object> packageShow(CkanParams params) {
        DatasetPage dataset = reader.byIdOrSlug(params.required("id")).orElseThrow(() -> CkanError.notFound("Dataset"));
        return dicts.packageDict(dataset);
    }

    /** A filter of {@code fq}: {@code field:value} or {@code field:"a value"}, {@code -} before it to exclude. */
    private static final Pattern FILTER = Pattern.compile("([+-]?)([a-z_]+):(\"([^\"]*)\"|(\\S+))");

    private static final Map<String, String> FACET_FIELDS = Map.of(
            "organization", "organisation",
            "tags", "keyword",
            "res_format", "format",
            "license_id", "licence",
            "groups", "theme",
            "theme", "theme");

    private static final int MAX_START = 100_000;

    private Map<String, Object> packageSearch(CkanParams params) {
        int rows = params.integer("rows", 10, 0, MAX_PACKAGES);
        // a search reads start + rows results: a start beyond any real page is refused, never overflowed
        int start = params.integerAtMost("start", 0, 0, MAX_START);
        Map<String, List<String>> facets = new LinkedHashMap<>();
        Map<String, List<String>> excluded = new LinkedHashMap<>();
        // read once: fq names organisations by slug, the index counts them by name
        List<PublicOrganisation> organisations = reader.organisations();
        filterQuery(params.text("fq"), organisations, facets, excluded);
        String sort = params.text("sort");
        SearchRequest.Order order = order(sort);
        SearchRequest request = new SearchRequest(
                params.text("q") == null ? "" : params.text("q").replace("*:*", ""),
                facets,
                excluded,
                order,
                start,
                Math.max(rows, 1));
        if (request.tooLong()) {
            throw CkanError.validation(
                    "q",
                    "Search Query is too long: at most " + SearchRequest.MAX_WORDS + " words and "
                            + SearchRequest.MAX_CHARACTERS + " characters");
        }
        SearchResult result;
        try {
            result = search.search(request);
        } catch (IllegalArgumentException e) {
            throw CkanError.validation("q", "Search Query is invalid: " + e.getMessage());
        }
        // fl: only these fields of each result, as CKAN gives them
        List<String> fl = params.text("fl") == null
                ? List.of()
                : java.util.Arrays.stream(params.text("fl").split("[,\\s]+"))
                        .filter(f -> !f.isBlank())
                        .toList();
        List<Map<String, Object>> results = new ArrayList<>();
        if (rows > 0) {
            for (SearchResult.Hit hit : result.hits()) {
                reader.byId(hit.id()).ifPresent(d -> results.add(fields(dicts.packageDict(d), fl)));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", result.total());
        answer.put("sort", sort == null ? "score desc, metadata_modified desc" : sort);
        facetCounts(params, result, organisations, answer);
        answer.put("results", results);
        return answer;
    }

    /** {@code fq}: {@code field:value} pairs, one with a minus before it excluded, into facets and exclusions. */
    private static void filterQuery(
            @Nullable String fq,
            List<PublicOrganisation> organisations,
            Map<String, List<String>> facets,
            Map<String, List<String>> excluded) {
        if (fq == null || fq.isBlank()) {
            return;
        }
        Matcher m = FILTER.matcher(fq);
        int matched = 0;
        while (m.find()) {
            boolean exclude = m.group(1).equals("-");
            String field = m.group(2);
            String value = m.group(4) != null ? m.group(4) : m.group(5);
            String facet = FACET_FIELDS.get(field);
            if (facet == null) {
                throw CkanError.validation("fq", "Cannot filter on " + field);
            }
            if (facet.equals("organisation")) {
                value = organisationByName(organisations, value).name();
            } else if (facet.equals("theme")) {
                // groups are named by the theme's code in lower case
                value = value.toUpperCase(Locale.ROOT);
            }
            (exclude ? excluded : facets)
                    .computeIfAbsent(facet, k -> new ArrayList<>())
                    .add(value);
            matched++;
        }
        if (matched == 0) {
            throw CkanError.validation("fq", "Expected field:value pairs");
        }
    }

    /**
     * The counts of the facets asked for ({@code facet.field}, {@code facet.limit},
     * {@code facet.mincount}) in CKAN's two forms: {@code facets} and {@code search_facets}.
     */
    private static void facetCounts(
            CkanParams params,
            SearchResult result,
            List<PublicOrganisation> organisations,
            Map<String, Object> answer) {
        List<String> facetFields = params.list("facet.field");
        if (facetFields.isEmpty()) {
            facetFields = List.of("organization", "groups", "tags", "res_format", "license_id");
        }
        int facetLimit = params.integer("facet.limit", 50, -1, 1000);
        int facetMinimum = params.integer("facet.mincount", 1, 0, Integer.MAX_VALUE);
        Map<String, Object> facetCounts = new LinkedHashMap<>();
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        for (String field : facetFields) {
            String facet = FACET_FIELDS.get(field);
            if (facet == null) {
                throw CkanError.validation("facet.field", "Cannot facet on " + field);
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<Map<String, Object>> items = new ArrayList<>();
            for (SearchResult.FacetCount count : result.facets().getOrDefault(facet, List.of())) {
                if (facetLimit >= 0 && counts.size() >= facetLimit) {
                    break;
                }
                if (count.count() < facetMinimum) {
                    continue;
                }
                String name = switch (facet) {
                    case "organisation" -> organisationSlug(organisations, count.value());
                    case "theme" -> CkanCatalogueActions.name(count.value());
                    default -> count.value();
                };
                counts.put(name, count.count());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", name);
                item.put(
                        "display_name",
                        facet.equals("theme")
                                ? CkanDicts.groupSummary(count.value()).get("title")
                                : count.value());
                item.put("count", count.count());
                items.add(item);
            }
            facetCounts.put(field, counts);
            searchFacets.put(field, Map.of("title", field, "items", items));
        }
        answer.put("facets", facetCounts);
        answer.put("search_facets", searchFacets);
    }

    /** A package's dictionary with only these fields, or whole when none are named. */
    private static Map<String, Object> fields(Map<String, Object> dict, List<String> fl) {
        if (fl.isEmpty()) {
            return dict;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String field : fl) {
            if (dict.containsKey(field)) {
                kept.put(field, dict.get(field));
            }
        }
        return kept;
    }

    private static SearchRequest.Order order(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return SearchRequest.Order.RELEVANCE;
        }
        String first = sort.split(",")[0].strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (first) {
            case "score desc", "rank desc", "relevance asc" -> SearchRequest.Order.RELEVANCE;
            case "metadata_modified desc" -> SearchRequest.Order.UPDATED;
            case "metadata_created desc" -> SearchRequest.Order.NEWEST;
            case "views_recent desc", "views_total desc" -> SearchRequest.Order.VIEWS;
            case "downloads desc", "downloads_total desc" -> SearchRequest.Order.DOWNLOADS;
            // names are made from titles: both go A to Z by title
            case "title_string asc", "title asc", "name asc" -> SearchRequest.Order.TITLE;
            default -> throw CkanError.validation("sort", "Cannot sort by " + first);
        };
    }

    private static PublicOrganisation organisationByName(List<PublicOrganisation> organisations, String idOrName) {
        return organisations.stream()
                .filter(o -> o.slug().equals(idOrName) || String.valueOf(o.id()).equals(idOrName))
                .findFirst()
                .orElseThrow(() -> CkanError.notFound("Organization"));
    }

    private static String organisationSlug(List<PublicOrganisation> organisations, String name) {
        return organisations.stream()
                .filter(o -> o.name().equals(name))
                .map(PublicOrganisation::slug)
                .findFirst()
                .orElse(name);
    }

    private Object organisationList(CkanParams params) {
        boolean allFields = params.bool("all_fields", false);
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        int limit = params.integer("limit", MAX_PACKAGES, 0, MAX_PACKAGES);
        List<PublicOrganisation> organisations =
                reader.organisations().stream().skip(offset).limit(limit).toList();
        if (allFields) {
            return organisations.stream().map(CkanDicts::organisationDict).toList();
        }
        return organisations.stream().map(PublicOrganisation::slug).toList();
    }

    private Map<String, Object> organisationShow(CkanParams params) {
        PublicOrganisation organisation = organisationByName(reader.organisations(), params.required("id"));
        Map<String, Object> dict = CkanDicts.organisationDict(organisation);
        if (params.bool("include_datasets", false)) {
            SearchResult datasets = search.search(new SearchRequest(
                    "",
                    Map.of("organisation", List.of(organisation.name())),
                    SearchRequest.Order.UPDATED,
                    0,
                    MAX_PACKAGES));
            List<Map<String, Object>> packages = new ArrayList<>();
            for (SearchResult.Hit hit : datasets.hits()) {
                reader.byId(hit.id()).ifPresent(d -> packages.add(dicts.packageDict(d)));
            }
            dict.put("packages", packages);
        }
        return dict;
    }

    private static Map<String, Object> statusShow() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("site_title", "OpenPlaza");
        status.put("site_description", "A citizen open-data and e-voting portal");
        status.put("site_url", "");
        status.put("ckan_version", "2.10.0");
        status.put("locale_default", "en");
        status.put("extensions", List.of("datastore", "dcat"));
        return status;
    }

    @ExceptionHandler(CkanError.class)
    ResponseEntity<CkanWriteApi.Envelope> refused(CkanError e) {
        return answer(e);
    }

    /** A refusal in CKAN's envelope, with its status. */
    static ResponseEntity<CkanWriteApi.Envelope> answer(CkanError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", e.type);
        if (e.fields.isEmpty()) {
            error.put("message", e.getMessage());
        } else {
            error.putAll(e.fields);
        }
        return ResponseEntity.status(e.status).body(new CkanWriteApi.Envelope("", false, null, error));
    }

    @ExceptionHandler(CatalogException.class)
    ResponseEntity<CkanWriteApi.Envelope> missing(CatalogException e) {
        return refused(CkanError.notFound("Resource"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<CkanWriteApi.Envelope> invalid(IllegalArgumentException e) {
        return refused(CkanError.validation("parameters", e.getMessage()));
    }
}
