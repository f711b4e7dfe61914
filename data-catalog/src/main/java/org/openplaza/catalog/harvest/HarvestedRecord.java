package org.openplaza.catalog.harvest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.Licence;

/**
 * A dataset as another portal describes it, read from its CKAN API or its DCAT-AP catalogue,
 * before it is mirrored here: its identifier there, its metadata as given (the licence as the
 * source names it, themes and frequency already in the EU vocabularies where the source used them),
 * the page it has there and the files it links to. {@link #csv()} is the CSV file to import, if
 * there is one.
 */
public record HarvestedRecord(
        String originalId,
        @Nullable String name,
        String title,
        String description,
        List<String> keywords,
        Set<String> themes,
        @Nullable String licence,
        @Nullable String frequency,
        @Nullable String language,
        @Nullable String contactName,
        @Nullable String contactEmail,
        @Nullable LocalDate temporalFrom,
        @Nullable LocalDate temporalTo,
        @Nullable String landingPage,
        @Nullable String modified,
        List<Link> links) {

    /** A file the record links to: its title, its format as the source says it, its address. */
    public record Link(
            String title,
            @Nullable String format,
            String url,
            @Nullable String modified) {

        /** Whether it is a CSV file: by its format, its media type, or its address's ending. */
        public boolean csv() {
            String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
            if (f.equals("csv") || f.endsWith("/csv") || f.endsWith("text/csv") || f.equals(".csv")) {
                return true;
            }
            String path = url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
            return f.isEmpty() && path.endsWith(".csv");
        }
    }

    public HarvestedRecord {
        title = title.strip();
        description = description.strip();
        keywords = keywords.stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty() && k.length() <= 100)
                .distinct()
                .limit(20)
                .toList();
        themes = Set.copyOf(themes);
        // a link is kept only with an http(s) address: a javascript: or data: one is never shown
        links = links.stream().filter(l -> web(l.url())).toList();
        landingPage = landingPage != null && web(landingPage) ? landingPage : null;
    }

    /** Whether an address is one a page may link to: http or https, and nothing else. */
    public static boolean web(@Nullable String address) {
        if (address == null || address.length() > 2000) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The CSV file to import: the one changed last when they say, else the first. */
    public @Nullable Link csv() {
        Link chosen = null;
        for (Link link : links) {
            if (link.csv()
                    && (chosen == null
                            || (link.modified() != null
                                    && (chosen.modified() == null
                                            || link.modified().compareTo(chosen.modified()) > 0)))) {
                chosen = link;
            }
        }
        return chosen;
    }

    /**
     * The record as this portal's metadata, under the organisation that mirrors the source.
     * Refused with the reason when it cannot be: a title too short, or a licence this portal does
     * not know (a mirror never claims a licence its source did not give).
     */
    public DatasetMetadata toMetadata(long organisationId) {
        if (title.length() < 3) {
            throw new CatalogException(null, "harvest.problem.title", title);
        }
        Licence known = licence == null ? null : Licences.of(licence);
        if (known == null) {
            throw new CatalogException(null, "harvest.problem.licence", licence == null ? "-" : licence);
        }
        String shortTitle = title.length() > 300 ? title.substring(0, 299) + "…" : title;
        String text = description.isEmpty() ? title : description;
        if (text.length() > 10_000) {
            text = text.substring(0, 9_999) + "…";
        }
        String email =
                contactEmail != null && contactEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? contactEmail : null;
        LocalDate to =
                temporalTo != null && temporalFrom != null && temporalTo.isBefore(temporalFrom) ? null : temporalTo;
        return new DatasetMetadata(
                organisationId,
                shortTitle,
                text,
                contactName == null || contactName.isBlank() ? null : cut(contactName.strip(), 200),
                email,
                themes.stream().filter(DatasetMetadata.THEMES::contains).collect(java.util.stream.Collectors.toSet()),
                keywords,
                known.code(),
                frequency != null && DatasetMetadata.FREQUENCIES.contains(frequency) ? frequency : "UNKNOWN",
                temporalFrom,
                to,
                null,
                language != null && DatasetMetadata.LANGUAGES.contains(language) ? language : "en",
                Map.of());
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /**
     * A digest of everything mirrored from the record, so that a later harvest tells an update from
     * the same record again whatever else the source's answer carries (view counts, its order).
     */
    public String fingerprint() {
        List<String> parts = new ArrayList<>();
        parts.add(originalId);
        parts.add(String.valueOf(name));
        parts.add(title);
        parts.add(description);
        parts.add(String.join("\u001f", keywords));
        parts.add(String.join("\u001f", new java.util.TreeSet<>(themes)));
        parts.add(String.valueOf(licence));
        parts.add(String.valueOf(frequency));
        parts.add(String.valueOf(language));
        parts.add(String.valueOf(contactName));
        parts.add(String.valueOf(contactEmail));
        parts.add(String.valueOf(temporalFrom));
        parts.add(String.valueOf(temporalTo));
        parts.add(String.valueOf(landingPage));
        parts.add(String.valueOf(modified));
        for (Link link : links) {
            parts.add(link.title() + "\u001f" + link.format() + "\u001f" + link.url() + "\u001f" + link.modified());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(String.join("\u001e", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
