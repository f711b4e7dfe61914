package org.openplaza.catalog.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetMetadata;

/**
 * Another CKAN portal's packages, read from its Action API a page at a time ({@code
 * package_search} by name, public and active packages only), as harvested records: a package's id
 * is its identifier, its name the name suggested here, its page {@code /dataset/NAME} there.
 */
public final class CkanRecords {

    /** Packages asked for by one request. */
    public static final int PAGE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CkanRecords() {}

    /** One page of the answer: how many packages there are in all, and this page's. */
    public record Page(long count, List<HarvestedRecord> records) {}

    /**
     * The portal's root as an administrator may give it: the site ({@code https://data.gov.sg}),
     * its API ({@code …/api/3/action}) or an action's address.
     */
    public static String root(String address) {
        String root = address.strip().replaceFirst("[?#].*$", "");
        int api = root.indexOf("/api/");
        if (api >= 0) {
            root = root.substring(0, api);
        }
        return root.replaceFirst("/+$", "");
    }

    /** The address of the page starting at this package. */
    public static String pageAddress(String root, int start) {
        return root + "/api/3/action/package_search?rows=" + PAGE + "&start=" + start + "&sort="
                + URLEncoder.encode("name asc", StandardCharsets.UTF_8);
    }

    /** Reads one page of a {@code package_search} answer; a body that is not one is refused. */
    public static Page page(InputStream body, String root) throws IOException {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CatalogException("url", "harvest.error.not-ckan", e.getOriginalMessage());
        }
        if (answer == null
                || !answer.path("success").asBoolean(false)
                || !answer.path("result").has("results")) {
            String reason =
                    answer == null ? "" : answer.path("error").path("message").asText("");
            throw new CatalogException("url", "harvest.error.not-ckan", reason.isEmpty() ? "-" : reason);
        }
        JsonNode result = answer.get("result");
        List<HarvestedRecord> records = new ArrayList<>();
        for (JsonNode pkg : result.get("results")) {
            if (pkg.path("private").asBoolean(false)
                    || !"active".equals(pkg.path("state").asText("active"))) {
                continue;
            }
            records.add(record(pkg, root));
        }
        return new Page(result.path("count").asLong(records.size()), records);
    }

    static HarvestedRecord record(JsonNode pkg, String root) {
        String name = text(pkg, "name");
        String id = text(pkg, "id");
        String originalId = id != null ? id : name != null ? name : "";
        List<String> keywords = new ArrayList<>();
        for (JsonNode tag : pkg.path("tags")) {
            String keyword = tag.isTextual() ? tag.asText() : text(tag, "display_name");
            if (keyword == null) {
                keyword = text(tag, "name");
            }
            if (keyword != null) {
                keywords.add(keyword);
            }
        }
        Set<String> themes = new LinkedHashSet<>();
        for (JsonNode group : pkg.path("groups")) {
            String theme = String.valueOf(text(group, "name")).toUpperCase(Locale.ROOT);
            if (DatasetMetadata.THEMES.contains(theme)) {
                themes.add(theme);
            }
        }
        List<HarvestedRecord.Link> links = new ArrayList<>();
        for (JsonNode resource : pkg.path("resources")) {
            String url = text(resource, "url");
            if (url == null) {
                continue;
            }
            String title = text(resource, "name");
            String format = text(resource, "format");
            if (format == null) {
                format = text(resource, "mimetype");
            }
            String modified = text(resource, "last_modified");
            if (modified == null) {
                modified = text(resource, "created");
            }
            links.add(new HarvestedRecord.Link(
                    title == null ? url.replaceFirst("^.*/", "") : title, format, url, modified));
        }
        String licence = text(pkg, "license_id");
        String licenceUrl = text(pkg, "license_url");
        if (licence != null && Licences.of(licence) == null && licenceUrl != null && Licences.of(licenceUrl) != null) {
            licence = licenceUrl;
        }
        String contactName = text(pkg, "maintainer");
        String contactEmail = text(pkg, "maintainer_email");
        if (contactName == null && contactEmail == null) {
            contactName = text(pkg, "author");
            contactEmail = text(pkg, "author_email");
        }
        String title = text(pkg, "title");
        return new HarvestedRecord(
                originalId,
                name,
                title != null ? title : name != null ? name : originalId,
                String.valueOf(pkg.path("notes").asText("")),
                keywords,
                themes,
                licence,
                extra(pkg, "frequency"),
                language(extra(pkg, "language")),
                contactName,
                contactEmail,
                DcatRecords.date(extra(pkg, "temporal_start")),
                DcatRecords.date(extra(pkg, "temporal_end")),
                name == null ? null : root + "/dataset/" + name,
                text(pkg, "metadata_modified"),
                links);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** An extra's value, as CKAN gives them ({@code extras: [{key, value}]}) or as a top-level field. */
    private static @Nullable String extra(JsonNode pkg, String key) {
        for (JsonNode extra : pkg.path("extras")) {
            if (key.equals(extra.path("key").asText())) {
                return text(extra, "value");
            }
        }
        return text(pkg, key);
    }

    private static @Nullable String language(@Nullable String given) {
        if (given == null) {
            return null;
        }
        String code = given.toLowerCase(Locale.ROOT).replaceFirst("[-_].*$", "");
        return code.length() == 2 ? code : DcatRecords.language(given);
    }
}
