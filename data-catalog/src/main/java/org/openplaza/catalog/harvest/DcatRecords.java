package org.openplaza.catalog.harvest;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.loader.DocumentLoader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetMetadata;

/**
 * A DCAT-AP catalogue's datasets (Turtle, RDF/XML or JSON-LD) as harvested records. A dataset's
 * {@code dct:identifier} is its identifier (its address when it has none); its distributions'
 * download (else access) addresses are its links. A paged catalogue names its next page with Hydra
 * ({@code hydra:next}, {@code hydra:nextPage}), as CKAN's DCAT extension does.
 *
 * <p>Parsing never reaches the network: a JSON-LD context given by address is loaded only through
 * the loader the caller gives (the portal's, under its fetching rules), and RDF/XML's external
 * entities are not read.
 */
public final class DcatRecords {

    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final String EU = "http://publications.europa.eu/resource/authority/";

    /** The EU language vocabulary's codes of the languages this portal knows. */
    private static final Map<String, String> LANGUAGES = Map.of(
            "ENG", "en", "KOR", "ko", "ZHO", "zh", "JPN", "ja", "DEU", "de", "FRA", "fr", "MSA", "ms", "TAM", "ta");

    private DcatRecords() {}

    /** Loads a JSON-LD context by its address, or refuses to. */
    public interface ContextLoader {
        InputStream load(java.net.URI address) throws Exception;
    }

    /** One document's datasets, and the address of the next page if it names one. */
    public record Page(
            List<HarvestedRecord> records,
            List<String> skipped,
            @Nullable String next) {}

    /**
     * Parses a document, its syntax taken from its content type, else its address's ending, else
     * tried as Turtle, RDF/XML and JSON-LD in turn.
     */
    public static Page read(Path file, @Nullable String contentType, String address, ContextLoader contexts) {
        Lang given = contentType == null
                ? null
                : RDFLanguages.contentTypeToLang(
                        contentType.replaceFirst(";.*$", "").strip());
        if (given == null) {
            given = RDFLanguages.pathnameToLang(address.replaceFirst("[?#].*$", ""));
        }
        List<Lang> tries = new ArrayList<>();
        if (given != null) {
            tries.add(given);
        }
        for (Lang lang : List.of(Lang.TURTLE, Lang.RDFXML, Lang.JSONLD)) {
            if (!tries.contains(lang)) {
                tries.add(lang);
            }
        }
        RiotException first = null;
        for (Lang lang : tries) {
            Model model = ModelFactory.createDefaultModel();
            try {
                parse(file, lang, address, contexts, model);
                return page(model);
            } catch (RiotException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw new CatalogException(
                "url",
                "harvest.error.not-dcat",
                first == null || first.getMessage() == null ? "-" : first.getMessage());
    }

    private static void parse(Path file, Lang lang, String base, ContextLoader contexts, Model model) {
        org.apache.jena.riot.RDFParserBuilder parser = RDFParser.source(file)
                .forceLang(lang)
                .base(base)
                .errorHandler(org.apache.jena.riot.system.ErrorHandlerFactory.errorHandlerNoLogging);
        if (lang.equals(Lang.JSONLD) || lang.equals(Lang.JSONLD11)) {
            JsonLdOptions options = new JsonLdOptions();
            options.setDocumentLoader(loader(contexts));
            parser.context(Context.create().set(LangJSONLD11.JSONLD_OPTIONS, options));
        }
        try {
            parser.parse(model);
        } catch (RiotException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RiotException(e.getMessage(), e);
        }
        if (model.isEmpty() && Files.exists(file)) {
            throw new RiotException("no statements");
        }
    }

    private static DocumentLoader loader(ContextLoader contexts) {
        return (url, options) -> {
            try (InputStream in = contexts.load(url)) {
                return com.apicatalog.jsonld.document.JsonDocument.of(in);
            } catch (JsonLdError e) {
                throw e;
            } catch (Exception e) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e.getMessage());
            }
        };
    }

    /** The datasets of a parsed catalogue. */
    static Page page(Model model) {
        List<HarvestedRecord> records = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Resource> datasets =
                model.listResourcesWithProperty(RDF.type, DCAT.Dataset).toList();
        datasets.sort(Comparator.comparing(r -> r.isURIResource() ? r.getURI() : ""));
        for (Resource dataset : datasets) {
            String id = literal(dataset, DCTerms.identifier);
            if (id == null && dataset.isURIResource()) {
                id = dataset.getURI();
            }
            if (id == null) {
                skipped.add(Optional.ofNullable(literal(dataset, DCTerms.title)).orElse("-"));
                continue;
            }
            records.add(record(dataset, id));
        }
        String next = null;
        for (String name : List.of("next", "nextPage")) {
            Property property = model.createProperty(HYDRA, name);
            Statement statement = model.listStatements(null, property, (RDFNode) null)
                    .nextOptional()
                    .orElse(null);
            if (statement != null) {
                next = statement.getObject().isURIResource()
                        ? statement.getResource().getURI()
                        : statement.getObject().isLiteral() ? statement.getString() : null;
                break;
            }
        }
        return new Page(records, skipped, next);
    }

    private static HarvestedRecord record(Resource dataset, String id) {
        List<HarvestedRecord.Link> links = new ArrayList<>();
        String licence = uriOrLiteral(dataset, DCTerms.license);
        for (Resource distribution : resources(dataset, DCAT.distribution)) {
            String url = uriOrLiteral(distribution, DCAT.downloadURL);
            if (url == null) {
                url = uriOrLiteral(distribution, DCAT.accessURL);
            }
            if (url == null) {
                continue;
            }
            String format = uriOrLiteral(distribution, DCTerms.format);
            if (format == null) {
                format = uriOrLiteral(distribution, DCAT.mediaType);
            }
            if (format != null && format.contains("/")) {
                // an EU file-type address (…/file-type/CSV) or a media type's address (…/text/csv)
                format = format.startsWith(EU)
                        ? format.substring(format.lastIndexOf('/') + 1)
                        : format.replaceFirst("^.*/media-types/", "");
            }
            String title = literal(distribution, DCTerms.title);
            links.add(new HarvestedRecord.Link(
                    title == null ? url.replaceFirst("^.*/", "") : title,
                    format,
                    url,
                    literal(distribution, DCTerms.modified)));
            if (licence == null) {
                licence = uriOrLiteral(distribution, DCTerms.license);
            }
        }
        links.sort(Comparator.comparing(HarvestedRecord.Link::url));
        Set<String> themes = new LinkedHashSet<>();
        for (Resource theme : resources(dataset, DCAT.theme)) {
            if (theme.isURIResource()) {
                themes.add(theme.getURI().substring(theme.getURI().lastIndexOf('/') + 1));
            }
        }
        List<String> keywords = new ArrayList<>();
        dataset.listProperties(DCAT.keyword).forEachRemaining(s -> {
            if (s.getObject().isLiteral()) {
                keywords.add(s.getString());
            }
        });
        keywords.sort(null);
        String frequency = uriOrLiteral(dataset, DCTerms.accrualPeriodicity);
        String language = uriOrLiteral(dataset, DCTerms.language);
        String contactName = null;
        String contactEmail = null;
        for (Resource contact : resources(dataset, DCAT.contactPoint)) {
            contactName = literal(contact, VCARD4.fn);
            String email = uriOrLiteral(contact, VCARD4.hasEmail);
            contactEmail = email == null ? null : email.replaceFirst("^mailto:", "");
        }
        LocalDate from = null;
        LocalDate to = null;
        for (Resource period : resources(dataset, DCTerms.temporal)) {
            from = date(literal(period, DCAT.startDate));
            to = date(literal(period, DCAT.endDate));
        }
        String landing = uriOrLiteral(dataset, DCAT.landingPage);
        if (landing == null && dataset.isURIResource()) {
            landing = dataset.getURI();
        }
        String title = literal(dataset, DCTerms.title);
        String description = literal(dataset, DCTerms.description);
        return new HarvestedRecord(
                id,
                null,
                title == null ? id : title,
                description == null ? "" : description,
                keywords,
                themes,
                licence,
                frequency == null ? null : frequency.substring(frequency.lastIndexOf('/') + 1),
                language(language),
                contactName,
                contactEmail,
                from,
                to,
                landing,
                literal(dataset, DCTerms.modified),
                links);
    }

    /** A language as the EU vocabulary's address, its code (ENG), or a tag (en, ko-KR), as this portal's code. */
    static @Nullable String language(@Nullable String given) {
        if (given == null) {
            return null;
        }
        String code = given.substring(given.lastIndexOf('/') + 1);
        String known = LANGUAGES.get(code.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        String tag = code.toLowerCase(Locale.ROOT).replaceFirst("[-_].*$", "");
        return DatasetMetadata.LANGUAGES.contains(tag) ? tag : null;
    }

    private static List<Resource> resources(Resource subject, Property property) {
        List<Resource> found = new ArrayList<>();
        subject.listProperties(property).forEachRemaining(s -> {
            if (s.getObject().isResource()) {
                found.add(s.getResource());
            }
        });
        return found;
    }

    /**
     * A literal's text, the English one or the one without a language first when there are
     * several (a multilingual catalogue).
     */
    private static @Nullable String literal(Resource subject, Property property) {
        String chosen = null;
        int best = Integer.MAX_VALUE;
        for (Statement s : subject.listProperties(property).toList()) {
            if (!s.getObject().isLiteral()) {
                continue;
            }
            Literal literal = s.getLiteral();
            int rank =
                    literal.getLanguage().isEmpty() ? 0 : literal.getLanguage().startsWith("en") ? 1 : 2;
            String text = literal.getLexicalForm().strip();
            if (!text.isEmpty() && (rank < best || (rank == best && chosen != null && text.compareTo(chosen) < 0))) {
                chosen = text;
                best = rank;
            }
        }
        return chosen;
    }

    private static @Nullable String uriOrLiteral(Resource subject, Property property) {
        Statement s = subject.getProperty(property);
        if (s == null) {
            return null;
        }
        if (s.getObject().isURIResource()) {
            return s.getResource().getURI();
        }
        if (s.getObject().isLiteral()) {
            String text = s.getString().strip();
            return text.isEmpty() ? null : text;
        }
        // a blank node standing for a thing by its label (dct:format [ rdfs:label "CSV" ])
        Statement label = s.getResource().getProperty(org.apache.jena.vocabulary.RDFS.label);
        return label != null && label.getObject().isLiteral() ? label.getString() : null;
    }

    /** The date a text starts with (2024-01-01, 2024-01-01T09:00:00), or none. */
    static @Nullable LocalDate date(@Nullable String given) {
        if (given == null || given.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(given.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
