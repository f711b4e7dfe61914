package org.openplaza.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The published datasets as a DCAT-AP 3.0 catalogue in RDF (Apache Jena): the catalogue, each
 * dataset with its publisher, contact point, themes and frequency from the EU vocabularies,
 * language, coverage in time and space, licence, and one distribution per version with its media
 * type, format, size and SHA-256 checksum. Every referenced thing carries the class DCAT-AP's
 * range shapes expect. Only published datasets appear.
 */
@Service
public class DcatCatalog {

    static final String EU = "http://publications.europa.eu/resource/authority/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    static final String LOCN = "http://www.w3.org/ns/locn#";

    /** ISO 639-1 codes of the portal's languages to the EU language table's ISO 639-3 codes. */
    static final Map<String, String> LANGUAGES = Map.of(
            "en", "ENG", "ko", "KOR", "zh", "ZHO", "ja", "JPN", "de", "DEU", "fr", "FRA", "ms", "MSA", "ta", "TAM");

    /** English labels of the EU data themes, as the authority table gives them. */
    static final Map<String, String> THEMES = Map.ofEntries(
            Map.entry("AGRI", "Agriculture, fisheries, forestry and food"),
            Map.entry("ECON", "Economy and finance"),
            Map.entry("EDUC", "Education, culture and sport"),
            Map.entry("ENER", "Energy"),
            Map.entry("ENVI", "Environment"),
            Map.entry("GOVE", "Government and public sector"),
            Map.entry("HEAL", "Health"),
            Map.entry("INTR", "International issues"),
            Map.entry("JUST", "Justice, legal system and public safety"),
            Map.entry("REGI", "Regions and cities"),
            Map.entry("SOCI", "Population and society"),
            Map.entry("TECH", "Science and technology"),
            Map.entry("TRAN", "Transport"));

    private final DatasetReader reader;

    DcatCatalog(DatasetReader reader) {
        this.reader = reader;
    }

    /** The whole catalogue, with the portal at {@code base} (e.g. {@code https://data.city.example}). */
    @PreAuthorize("permitAll()")
    public Model catalogue(String base) {
        Model model = model();
        Resource catalogue = catalogueNode(model, base);
        Instant first = null;
        Instant latest = null;
        for (String slug : reader.publishedSlugs(0, Integer.MAX_VALUE)) {
            Optional<DatasetPage> page = reader.byIdOrSlug(slug).filter(DatasetPage::published);
            if (page.isPresent()) {
                catalogue.addProperty(DCAT.dataset, dataset(model, base, page.get()));
                Instant modified = page.get().modified();
                latest = latest == null || modified.isAfter(latest) ? modified : latest;
                Instant issued =
                        page.get().issued() == null ? modified : page.get().issued();
                first = first == null || issued.isBefore(first) ? issued : first;
            }
        }
        if (latest != null) {
            catalogue.addLiteral(DCTerms.issued, dateTime(model, first));
            catalogue.addLiteral(DCTerms.modified, dateTime(model, latest));
        }
        return model;
    }

    /** One published dataset with its distributions, or empty when there is no such published dataset. */
    @PreAuthorize("permitAll()")
    public Optional<Model> dataset(String base, String slug) {
        return reader.byIdOrSlug(slug).filter(DatasetPage::published).map(page -> {
            Model model = model();
            dataset(model, base, page);
            return model;
        });
    }

    private static Model model() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dcat", DCAT.NS);
        model.setNsPrefix("dct", DCTerms.NS);
        model.setNsPrefix("foaf", FOAF);
        model.setNsPrefix("vcard", VCARD4.NS);
        model.setNsPrefix("skos", SKOS.uri);
        model.setNsPrefix("spdx", SPDX);
        model.setNsPrefix("locn", LOCN);
        model.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        return model;
    }

    private static Property foaf(Model model, String name) {
        return model.createProperty(FOAF, name);
    }

    private static Resource catalogueNode(Model model, String base) {
        Resource catalogue = model.createResource(base + "/catalog", DCAT.Catalog);
        catalogue.addProperty(DCTerms.title, "OpenPlaza", "en");
        catalogue.addProperty(
                DCTerms.description,
                "Open data published by the city's organisations, to search, preview, chart and download.",
                "en");
        Resource operator = model.createResource(base + "/", model.createResource(FOAF + "Agent"));
        operator.addProperty(foaf(model, "name"), "OpenPlaza");
        catalogue.addProperty(DCTerms.publisher, operator);
        catalogue.addProperty(
                foaf(model, "homepage"), model.createResource(base + "/", model.createResource(FOAF + "Document")));
        catalogue.addProperty(DCTerms.language, language(model, "en"));
        catalogue.addProperty(DCTerms.language, language(model, "ko"));
        catalogue.addProperty(
                DCTerms.license, licence(model, Licence.of("CC0-1.0").orElseThrow()));
        Resource scheme = model.createResource(EU + "data-theme", SKOS.ConceptScheme);
        scheme.addProperty(DCTerms.title, "Data theme", "en");
        catalogue.addProperty(DCAT.themeTaxonomy, scheme);
        return catalogue;
    }

    private Resource dataset(Model model, String base, DatasetPage page) {
        DatasetMetadata m = page.metadata();
        String lang = m.language();
        Resource dataset = model.createResource(base + "/dataset/" + page.slug(), DCAT.Dataset);
        dataset.addProperty(DCTerms.title, m.title(), lang);
        dataset.addProperty(DCTerms.description, m.description(), lang);
        dataset.addProperty(DCTerms.identifier, page.slug());
        if (page.issued() != null) {
            dataset.addLiteral(DCTerms.issued, dateTime(model, page.issued()));
        }
        dataset.addLiteral(DCTerms.modified, dateTime(model, page.modified()));
        for (String keyword : m.keywords()) {
            dataset.addProperty(DCAT.keyword, keyword, lang);
        }
        // the same text in other languages: one literal per language, as DCAT-AP allows
        m.translations().forEach((language, t) -> {
            dataset.addProperty(DCTerms.title, t.title(), language);
            if (!t.description().isBlank()) {
                dataset.addProperty(DCTerms.description, t.description(), language);
            }
            t.keywords().forEach(keyword -> dataset.addProperty(DCAT.keyword, keyword, language));
        });
        addThemes(model, dataset, m);
        addPublisherAndContact(model, base, dataset, page);
        dataset.addProperty(
                DCTerms.accrualPeriodicity,
                model.createResource(EU + "frequency/" + m.updateFrequency(), DCTerms.Frequency));
        dataset.addProperty(DCTerms.language, language(model, lang));
        addCoverage(model, dataset, m);
        Resource landing =
                model.createResource(base + "/dataset/" + page.slug(), model.createResource(FOAF + "Document"));
        dataset.addProperty(DCAT.landingPage, landing);
        Licence licence = Licence.of(m.licence()).orElse(null);
        List<VersionSummary> versions = reader.versions(page.id());
        for (VersionSummary version : versions) {
            dataset.addProperty(DCAT.distribution, distribution(model, base, page, version, licence));
        }
        return dataset;
    }

    /** The dataset's themes, as concepts of the EU's data themes. */
    private static void addThemes(Model model, Resource dataset, DatasetMetadata m) {
        for (String theme : m.themes()) {
            Resource concept = model.createResource(EU + "data-theme/" + theme, SKOS.Concept);
            concept.addProperty(SKOS.prefLabel, THEMES.getOrDefault(theme, theme), "en");
            concept.addProperty(SKOS.inScheme, model.createResource(EU + "data-theme"));
            dataset.addProperty(DCAT.theme, concept);
        }
    }

    /** The organisation that publishes the dataset, and whom to ask about it. */
    private static void addPublisherAndContact(Model model, String base, Resource dataset, DatasetPage page) {
        DatasetMetadata m = page.metadata();
        Resource publisher = model.createResource(
                base + "/organisation/" + page.organisationSlug(), model.createResource(FOAF + "Agent"));
        publisher.addProperty(foaf(model, "name"), page.organisation());
        dataset.addProperty(DCTerms.publisher, publisher);
        Resource contact = model.createResource(VCARD4.Organization);
        contact.addProperty(RDF.type, VCARD4.Kind);
        contact.addProperty(
                VCARD4.fn,
                m.contactName() == null || m.contactName().isBlank() ? page.organisation() : m.contactName());
        if (m.contactEmail() != null && !m.contactEmail().isBlank()) {
            contact.addProperty(VCARD4.hasEmail, model.createResource("mailto:" + m.contactEmail()));
        }
        dataset.addProperty(DCAT.contactPoint, contact);
    }

    /** Where and when the data applies, when the publisher said. */
    private static void addCoverage(Model model, Resource dataset, DatasetMetadata m) {
        if (m.spatial() != null && !m.spatial().isBlank()) {
            Resource location = model.createResource(DCTerms.Location);
            location.addProperty(model.createProperty(LOCN, "geographicName"), m.spatial());
            dataset.addProperty(DCTerms.spatial, location);
        }
        if (m.temporalFrom() != null || m.temporalTo() != null) {
            Resource period = model.createResource(DCTerms.PeriodOfTime);
            if (m.temporalFrom() != null) {
                period.addLiteral(DCAT.startDate, date(model, m.temporalFrom()));
            }
            if (m.temporalTo() != null) {
                period.addLiteral(DCAT.endDate, date(model, m.temporalTo()));
            }
            dataset.addProperty(DCTerms.temporal, period);
        }
    }

    /** The original file of an imported version; the rows as CSV of a live one. */
    private static String downloadPath(String base, DatasetPage page, VersionSummary version) {
        return version.live()
                ? base + "/download/dataset/" + page.id() + "/data.csv?version=" + version.id()
                : base + "/download/version/" + version.id();
    }

    private static Resource distribution(
            Model model, String base, DatasetPage page, VersionSummary version, @Nullable Licence licence) {
        Resource distribution = model.createResource(base + "/distribution/" + version.id(), DCAT.Distribution);
        distribution.addProperty(DCTerms.title, version.originalFilename());
        distribution.addProperty(
                DCTerms.description,
                version.live()
                        ? "Version " + version.number() + ": " + version.rows() + " rows, pushed record by record."
                        : "Version " + version.number() + ": " + version.rows() + " rows, as uploaded ("
                                + version.encoding() + ").",
                "en");
        distribution.addProperty(DCAT.accessURL, model.createResource(base + "/dataset/" + page.slug()));
        distribution.addProperty(DCAT.downloadURL, model.createResource(downloadPath(base, page, version)));
        String format = version.format().toUpperCase(Locale.ROOT);
        distribution.addProperty(
                DCTerms.format, model.createResource(EU + "file-type/" + format, DCTerms.MediaTypeOrExtent));
        distribution.addProperty(
                DCAT.mediaType,
                model.createResource(
                        "https://www.iana.org/assignments/media-types/" + version.mediaType(), DCTerms.MediaType));
        if (!version.live()) {
            // a live version's rows change, so it has neither a fixed size nor a checksum
            distribution.addLiteral(
                    DCAT.byteSize,
                    model.createTypedLiteral(Long.toString(version.bytes()), XSDDatatype.XSDnonNegativeInteger));
            Resource checksum = model.createResource(model.createResource(SPDX + "Checksum"));
            checksum.addProperty(
                    model.createProperty(SPDX, "algorithm"), model.createResource(SPDX + "checksumAlgorithm_sha256"));
            checksum.addLiteral(
                    model.createProperty(SPDX, "checksumValue"),
                    model.createTypedLiteral(version.sha256(), XSDDatatype.XSDhexBinary));
            distribution.addProperty(model.createProperty(SPDX, "checksum"), checksum);
        }
        if (licence != null) {
            distribution.addProperty(DCTerms.license, licence(model, licence));
        }
        Resource stable = model.createResource(EU + "planned-availability/STABLE", SKOS.Concept);
        stable.addProperty(SKOS.prefLabel, "stable", "en");
        distribution.addProperty(model.createProperty("http://data.europa.eu/r5r/", "availability"), stable);
        distribution.addLiteral(DCTerms.issued, dateTime(model, version.createdAt()));
        return distribution;
    }

    private static Resource licence(Model model, Licence licence) {
        Resource document = model.createResource(licence.url(), DCTerms.LicenseDocument);
        document.addProperty(DCTerms.title, licence.title(), "en");
        document.addProperty(DCTerms.identifier, licence.code());
        boolean publicDomain = licence == Licence.CC0_1_0 || licence == Licence.PDDL_1_0;
        Resource type = model.createResource(
                "http://purl.org/adms/licencetype/" + (publicDomain ? "PublicDomain" : "Attribution"), SKOS.Concept);
        type.addProperty(SKOS.prefLabel, publicDomain ? "Public domain" : "Attribution", "en");
        document.addProperty(DCTerms.type, type);
        return document;
    }

    private static Resource language(Model model, String code) {
        return model.createResource(EU + "language/" + LANGUAGES.getOrDefault(code, "MUL"), DCTerms.LinguisticSystem);
    }

    public static Literal dateTime(Model model, Instant instant) {
        return model.createTypedLiteral(
                // the ISO formatter always writes the seconds; toString() drops them when they are 0,
                // which xsd:dateTime does not allow
                java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        instant.atOffset(ZoneOffset.UTC).withNano(0)),
                XSDDatatype.XSDdateTime);
    }

    private static Literal date(Model model, LocalDate date) {
        return model.createTypedLiteral(date.toString(), XSDDatatype.XSDdate);
    }
}
