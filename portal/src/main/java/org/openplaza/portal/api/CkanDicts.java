package org.openplaza.portal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.Licence;
import org.openplaza.catalog.PublicOrganisation;
import org.openplaza.catalog.VersionSummary;
import org.springframework.stereotype.Component;

/**
 * OpenPlaza's datasets in CKAN's shapes: the package dict (with its resources, one per version,
 * newest first), the organisation dict and the licence dict, with CKAN's field names, so that CKAN
 * clients and harvesters read them unchanged. DCAT-AP fields CKAN has no core field for travel in
 * {@code extras}, named as ckanext-dcat names them.
 */
@Component
class CkanDicts {

    private final DatasetReader reader;

    private static final org.openplaza.portal.i18n.PortalI18nProvider MESSAGES =
            new org.openplaza.portal.i18n.PortalI18nProvider();

    private final PublicAddress address;

    CkanDicts(DatasetReader reader, PublicAddress address) {
        this.reader = reader;
        this.address = address;
    }

    /**
     * The portal's address of this path, absolute as CKAN gives its URLs: on the configured public
     * address, or this machine's when none is set.
     */
    String absolute(String path) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            return address.base(servlet.getRequest()) + path;
        }
        return path;
    }

    /**
     * A character set by the name the web knows it by (the WHATWG Encoding Standard's, which CKAN
     * clients and browsers read): Korean Windows' code page as {@code EUC-KR} (its labels include
     * {@code windows-949}), not Java's {@code x-windows-949}.
     */
    static String encodingName(String javaName) {
        return switch (javaName.toLowerCase(Locale.ROOT)) {
            case "x-windows-949", "ms949", "cp949" -> "EUC-KR";
            case "x-windows-950", "ms950", "cp950" -> "Big5";
            case "x-windows-874", "ms874" -> "windows-874";
            case "x-euc-tw" -> "EUC-TW";
            default -> javaName.startsWith("x-") ? javaName.substring(2) : javaName;
        };
    }

    static String state(String state) {
        return switch (state) {
            case "PUBLISHED" -> "active";
            case "WITHDRAWN" -> "deleted";
            default -> "draft";
        };
    }

    Map<String, Object> packageDict(DatasetPage d) {
        DatasetMetadata m = d.metadata();
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("id", String.valueOf(d.id()));
        dict.put("name", d.slug());
        dict.put("title", m.title());
        dict.put("notes", m.description());
        dict.put("type", "dataset");
        dict.put("state", state(d.state()));
        dict.put("private", false);
        dict.put("owner_org", String.valueOf(m.organisationId()));
        dict.put("organization", organisationSummary(d));
        dict.put("license_id", m.licence());
        Licence.of(m.licence()).ifPresent(l -> {
            dict.put("license_title", l.title());
            dict.put("license_url", l.url());
        });
        dict.put("maintainer", m.contactName());
        dict.put("maintainer_email", m.contactEmail());
        dict.put("author", d.organisation());
        dict.put(
                "tags",
                m.keywords().stream()
                        .map(k -> Map.of("name", k, "display_name", k, "state", "active"))
                        .toList());
        dict.put("num_tags", m.keywords().size());
        putTranslations(dict, m);
        // the EU data themes are the groups, by lower-case code (group_list, group_show, fq=groups:)
        dict.put(
                "groups",
                m.themes().stream().sorted().map(CkanDicts::groupSummary).toList());
        dict.put("metadata_created", d.issued() == null ? null : d.issued().toString());
        dict.put("metadata_modified", d.modified().toString());
        List<Map<String, Object>> resources = resources(d);
        dict.put("resources", resources);
        dict.put("num_resources", resources.size());
        dict.put("extras", extras(m));
        dict.put("url", absolute("/dataset/" + d.slug()));
        return dict;
    }

    /** The publisher, as CKAN summarises an organisation inside a package. */
    private static Map<String, Object> organisationSummary(DatasetPage d) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("id", String.valueOf(d.metadata().organisationId()));
        organisation.put("name", d.organisationSlug());
        organisation.put("title", d.organisation());
        organisation.put("type", "organization");
        organisation.put("state", "active");
        organisation.put("is_organization", true);
        return organisation;
    }

    /** Every language's text, as ckanext-fluent gives it: the dataset's own and its translations. */
    private static void putTranslations(Map<String, Object> dict, DatasetMetadata m) {
        Map<String, Object> titles = new java.util.TreeMap<>();
        Map<String, Object> notes = new java.util.TreeMap<>();
        Map<String, Object> tags = new java.util.TreeMap<>();
        titles.put(m.language(), m.title());
        notes.put(m.language(), m.description());
        tags.put(m.language(), m.keywords());
        m.translations().forEach((language, t) -> {
            titles.put(language, t.title());
            notes.put(language, t.description());
            tags.put(language, t.keywords());
        });
        dict.put("title_translated", titles);
        dict.put("notes_translated", notes);
        dict.put("tags_translated", tags);
    }

    /** One resource per version, the newest first. */
    private List<Map<String, Object>> resources(DatasetPage d) {
        List<Map<String, Object>> resources = new ArrayList<>();
        List<VersionSummary> versions = new ArrayList<>(reader.versions(d.id()));
        java.util.Collections.reverse(versions);
        for (VersionSummary version : versions) {
            resources.add(resourceDict(d, version, resources.size()));
        }
        return resources;
    }

    /** The DCAT-AP fields CKAN's scheming and DCAT extensions keep as extras. */
    private static List<Map<String, String>> extras(DatasetMetadata m) {
        List<Map<String, String>> extras = new ArrayList<>();
        extra(extras, "theme", String.join(",", m.themes().stream().sorted().toList()));
        extra(extras, "frequency", m.updateFrequency());
        extra(extras, "language", m.language());
        extra(extras, "spatial_text", m.spatial());
        extra(
                extras,
                "temporal_start",
                m.temporalFrom() == null ? null : m.temporalFrom().toString());
        extra(
                extras,
                "temporal_end",
                m.temporalTo() == null ? null : m.temporalTo().toString());
        return extras;
    }

    private static void extra(List<Map<String, String>> extras, String key, String value) {
        if (value != null && !value.isBlank()) {
            extras.add(Map.of("key", key, "value", value));
        }
    }

    /** The resource dictionary of a dataset's version, at its place among the versions. */
    Map<String, Object> resourceDict(long datasetId, long versionId) {
        DatasetPage dataset = reader.byId(datasetId).orElseThrow();
        List<VersionSummary> versions = reader.versions(datasetId);
        for (int position = 0; position < versions.size(); position++) {
            if (versions.get(position).id() == versionId) {
                return resourceDict(dataset, versions.get(position), position);
            }
        }
        throw CkanError.notFound("Resource \"" + versionId + "\"");
    }

    Map<String, Object> resourceDict(DatasetPage d, VersionSummary version, int position) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", String.valueOf(version.id()));
        resource.put("package_id", String.valueOf(d.id()));
        resource.put("name", version.originalFilename());
        resource.put("description", "Version " + version.number());
        resource.put("format", version.format().toUpperCase(Locale.ROOT));
        resource.put("mimetype", version.mediaType());
        if (version.live()) {
            // pushed through the DataStore API: the rows change, the link gives them as they are now
            resource.put("size", null);
            resource.put("hash", "");
            resource.put("url", absolute("/download/dataset/" + d.id() + "/data.csv?version=" + version.id()));
            resource.put("url_type", "datastore");
        } else {
            resource.put("size", version.bytes());
            resource.put("hash", "sha256:" + version.sha256());
            // a file fetched from an address is a link, as CKAN keeps one; the copy is in the portal
            resource.put(
                    "url",
                    version.sourceUrl() != null ? version.sourceUrl() : absolute("/download/version/" + version.id()));
            resource.put("url_type", version.sourceUrl() != null ? null : "upload");
        }
        resource.put("datastore_active", !version.tableDropped());
        resource.put("position", position);
        resource.put("created", version.createdAt().toString());
        resource.put("last_modified", version.createdAt().toString());
        resource.put("state", "active");
        resource.put("rows", version.rows());
        resource.put("encoding", version.encoding() == null ? null : encodingName(version.encoding()));
        return resource;
    }

    /** A theme as a group in a dataset's dictionary. */
    static Map<String, Object> groupSummary(String theme) {
        String title = MESSAGES.getTranslation("theme." + theme, Locale.ENGLISH);
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", theme);
        group.put("name", theme.toLowerCase(Locale.ROOT));
        group.put("title", title);
        group.put("display_name", title);
        group.put("description", "");
        group.put("image_display_url", "");
        return group;
    }

    static Map<String, Object> organisationDict(PublicOrganisation o) {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("id", String.valueOf(o.id()));
        dict.put("name", o.slug());
        dict.put("title", o.name());
        dict.put("display_name", o.name());
        dict.put("type", "organization");
        dict.put("state", "active");
        dict.put("is_organization", true);
        dict.put("approval_status", "approved");
        dict.put("package_count", o.datasets());
        return dict;
    }

    static Map<String, Object> licenceDict(Licence l) {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("id", l.code());
        dict.put("title", l.title());
        dict.put("url", l.url());
        dict.put("status", "active");
        dict.put("od_conformance", "approved");
        return dict;
    }
}
