package org.openplaza.catalog;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openplaza.catalog.search.IndexSource;
import org.openplaza.catalog.search.IndexedDataset;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Full-text search over the published datasets with facets, orders and paging. The index lives in
 * memory: it is rebuilt from the database at start and each dataset is re-indexed after every
 * committed change to it (the audited publishing events), so drafts and withdrawn datasets never
 * appear. Titles weigh most, then keywords and the publisher, then column labels and the
 * description.
 */
@Service
public class CatalogSearch {

    static final Map<String, Float> WEIGHTS =
            Map.of("title", 4f, "keywords", 2f, "organisation", 2f, "columns", 1.2f, "description", 1f);

    private final IndexSource source;
    private final org.openplaza.platform.text.SearchWords searchWords =
            org.openplaza.platform.text.SearchWords.standard();
    private final Analyzer analyzer = searchWords.analyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private final org.openplaza.platform.ClusterChanges changes;

    /** When every dataset's counters were last read from the database (System.nanoTime). */
    private volatile long countersRead = System.nanoTime();

    /**
     * How old the index's view and download counts may grow before a search reads them all again:
     * on a cluster, the views and downloads other nodes counted reach this node's order by then.
     */
    static final java.time.Duration COUNTERS_EVERY = java.time.Duration.ofMinutes(1);

    CatalogSearch(IndexSource source, org.openplaza.platform.ClusterChanges changes) throws IOException {
        this.changes = changes;
        this.source = source;
        facets.setMultiValued("theme", true);
        facets.setMultiValued("keyword", true);
        this.writer = new IndexWriter(
                new ByteBuffersDirectory(),
                new IndexWriterConfig(new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
                        analyzer, Map.of(SPELL, new SpellingAnalyzer()))));
        this.searchers = new SearcherManager(writer, null);
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
    }

    /** Re-reads every published dataset from the database. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void rebuild() {
        try {
            writer.deleteAll();
            for (IndexedDataset dataset : source.published()) {
                writer.addDocument(facets.build(document(dataset)));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the index in step with publishing: after a change to a dataset commits, on whichever
     * node, re-index it.
     */
    @org.springframework.context.event.EventListener
    public void onChanged(org.openplaza.platform.Changed changed) {
        long dataset = org.openplaza.catalog.publishing.DatasetChanges.datasetOf(changed);
        if (dataset >= 0 && org.openplaza.catalog.publishing.DatasetChanges.rowsOnly(changed)) {
            reindexSoon(dataset);
        } else if (dataset >= 0) {
            reindex(dataset);
        }
    }

    /** How long after records are pushed the dataset's row count is indexed: the pushes meanwhile go together. */
    static final java.time.Duration ROWS_INDEXED_AFTER = java.time.Duration.ofSeconds(1);

    private final java.util.Set<Long> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final java.util.concurrent.ScheduledExecutorService later =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "search-rows");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Indexes a dataset whose rows alone changed (its row count is all the index has of them) a
     * second later, once for the pushes of that second: a sensor's pushes do not each wait for it.
     */
    private void reindexSoon(long datasetId) {
        if (!pending.add(datasetId)) {
            return;
        }
        try {
            later.schedule(
                    () -> {
                        pending.remove(datasetId);
                        try {
                            reindex(datasetId);
                        } catch (RuntimeException e) {
                            org.slf4j.LoggerFactory.getLogger(CatalogSearch.class)
                                    .info("Dataset {} could not be indexed again", datasetId, e);
                        }
                    },
                    ROWS_INDEXED_AFTER.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.remove(datasetId);
        }
    }

    @jakarta.annotation.PreDestroy
    void stopLater() {
        later.shutdownNow();
    }

    /** Re-reads one dataset: indexed when published, removed otherwise. */
    public synchronized void reindex(long datasetId) {
        try {
            Term id = new Term("id", Long.toString(datasetId));
            List<IndexedDataset> found = source.published(datasetId);
            if (found.isEmpty()) {
                writer.deleteDocuments(id);
            } else {
                writer.updateDocument(id, facets.build(document(found.get(0))));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Brings every dataset's view and download counts up to date, wherever they were counted. */
    synchronized void recount() {
        countersRead = System.nanoTime();
        try {
            for (Map.Entry<Long, long[]> counted : source.allCounters().entrySet()) {
                writer.updateDocValues(
                        new Term("id", Long.toString(counted.getKey())),
                        new NumericDocValuesField("views", counted.getValue()[0]),
                        new NumericDocValuesField("downloads", counted.getValue()[1]));
            }
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Brings a dataset's view and download counts up to date for the "most viewed" orders. */
    public void counted(long datasetId) {
        try {
            long[] counters = source.counters(datasetId);
            Term id = new Term("id", Long.toString(datasetId));
            writer.updateDocValues(
                    id,
                    new NumericDocValuesField("views", counters[0]),
                    new NumericDocValuesField("downloads", counters[1]));
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field titles sort by: each title's collation key, so that A–Z follows the language's rules. */
    static final String TITLE_ORDER = "title_order";

    private static final com.ibm.icu.text.Collator TITLES =
            com.ibm.icu.text.Collator.getInstance(com.ibm.icu.util.ULocale.ROOT).freeze();

    private static Document document(IndexedDataset d) {
        Document doc = new Document();
        doc.add(new StringField("id", Long.toString(d.id()), Field.Store.YES));
        doc.add(new StoredField("slug", d.slug()));
        doc.add(new TextField("title", d.title(), Field.Store.YES));
        doc.add(new org.apache.lucene.document.SortedDocValuesField(
                TITLE_ORDER,
                new org.apache.lucene.util.BytesRef(
                        TITLES.getCollationKey(d.title()).toByteArray())));
        doc.add(new TextField("description", d.description(), Field.Store.YES));
        doc.add(new TextField("organisation", d.organisation(), Field.Store.YES));
        doc.add(new TextField("keywords", String.join(" ; ", d.keywords()), Field.Store.NO));
        doc.add(new TextField("columns", String.join(" ; ", d.columnLabels()), Field.Store.NO));
        // the words as written, for correcting a search's spelling
        doc.add(new TextField(
                SPELL,
                String.join(" ", d.title(), d.description(), d.organisation(), String.join(" ", d.keywords())),
                Field.Store.NO));
        // the same words in the portal's other languages are found as the dataset's own
        for (var translation : d.translations().entrySet()) {
            var t = translation.getValue();
            doc.add(new TextField("title", t.title(), Field.Store.NO));
            doc.add(new TextField("description", t.description(), Field.Store.NO));
            doc.add(new TextField("keywords", String.join(" ; ", t.keywords()), Field.Store.NO));
            doc.add(new TextField(
                    SPELL,
                    String.join(" ", t.title(), t.description(), String.join(" ", t.keywords())),
                    Field.Store.NO));
            doc.add(new StoredField("title." + translation.getKey(), t.title()));
            doc.add(new StoredField("description." + translation.getKey(), t.description()));
        }
        doc.add(new SortedSetDocValuesFacetField("organisation", d.organisation()));
        for (String keyword : d.keywords()) {
            doc.add(new StoredField("keyword", keyword));
            doc.add(new SortedSetDocValuesFacetField("keyword", keyword));
        }
        for (String theme : d.themes()) {
            doc.add(new StoredField("theme", theme));
            doc.add(new SortedSetDocValuesFacetField("theme", theme));
        }
        doc.add(new StoredField("licence", d.licence()));
        doc.add(new SortedSetDocValuesFacetField("licence", d.licence()));
        if (d.format() != null) {
            doc.add(new StoredField("format", d.format()));
            doc.add(new SortedSetDocValuesFacetField("format", d.format()));
        }
        long modified = d.modified().toEpochMilli();
        doc.add(new StoredField("modified", modified));
        doc.add(new NumericDocValuesField("modified", modified));
        doc.add(new NumericDocValuesField(
                "issued", d.issued() == null ? modified : d.issued().toEpochMilli()));
        doc.add(new StoredField("rows", d.rows()));
        doc.add(new NumericDocValuesField("views", d.views()));
        doc.add(new NumericDocValuesField("downloads", d.downloads()));
        return doc;
    }

    /**
     * Searches the published datasets; anybody may. Words beyond what a search takes ({@link
     * SearchRequest#tooLong()}), or words that make too many clauses, are refused with an {@code
     * IllegalArgumentException}.
     */
    @PreAuthorize("permitAll()")
    public SearchResult search(SearchRequest request) {
        if (request.tooLong()) {
            throw new IllegalArgumentException("A search takes at most " + SearchRequest.MAX_WORDS + " words and "
                    + SearchRequest.MAX_CHARACTERS + " characters");
        }
        changes.catchUpIfStale();
        if (System.nanoTime() - countersRead > COUNTERS_EVERY.toNanos()) {
            recount();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                if (searcher.getIndexReader().numDocs() == 0) {
                    return new SearchResult(0, List.of(), Map.of());
                }
                DrillDownQuery query = new DrillDownQuery(facets, withoutExcluded(words(request.query()), request));
                for (Map.Entry<String, List<String>> facet : request.facets().entrySet()) {
                    if (!SearchRequest.FACETS.contains(facet.getKey())) {
                        throw new IllegalArgumentException("no such facet: " + facet.getKey());
                    }
                    for (String value : facet.getValue()) {
                        query.add(facet.getKey(), value);
                    }
                }
                int wanted = request.offset() + request.limit();
                FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(
                        searcher, query, wanted, sort(request.order()), true, new FacetsCollectorManager());
                TopDocs top = found.topDocs();
                long total = found.facetsCollector().getMatchingDocs().stream()
                        .mapToLong(m -> m.totalHits)
                        .sum();
                StoredFields stored = searcher.storedFields();
                List<SearchResult.Hit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = request.offset(); i < docs.length; i++) {
                    hits.add(hit(stored.document(docs[i].doc)));
                }
                String suggestion = total == 0 ? suggestion(searcher, request.query()) : null;
                return new SearchResult(total, hits, counts(searcher, found), suggestion);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("The search is too complex; use fewer words", e);
        }
    }

    /** The words' query, matching no dataset with a facet value the request leaves out. */
    private Query withoutExcluded(Query words, SearchRequest request) {
        if (request.excluded().isEmpty()) {
            return words;
        }
        org.apache.lucene.search.BooleanQuery.Builder query = new org.apache.lucene.search.BooleanQuery.Builder()
                .add(words, org.apache.lucene.search.BooleanClause.Occur.MUST);
        for (Map.Entry<String, List<String>> facet : request.excluded().entrySet()) {
            if (!SearchRequest.FACETS.contains(facet.getKey())) {
                throw new IllegalArgumentException("no such facet: " + facet.getKey());
            }
            String field = facets.getDimConfig(facet.getKey()).indexFieldName;
            for (String value : facet.getValue()) {
                query.add(
                        new org.apache.lucene.search.TermQuery(DrillDownQuery.term(field, facet.getKey(), value)),
                        org.apache.lucene.search.BooleanClause.Occur.MUST_NOT);
            }
        }
        return query.build();
    }

    /**
     * The words' query. A word written {@code field:word} or {@code field:"some words"} (as in a
     * CKAN client's {@code q}) must be found in that field: {@code title}, {@code notes} (the
     * description), {@code tags} (the keywords) or {@code text} (anywhere); the other words
     * anywhere.
     */
    private Query words(String text) {
        java.util.regex.Matcher fielded = FIELDED.matcher(text);
        org.apache.lucene.search.BooleanQuery.Builder query = null;
        while (fielded.find()) {
            if (query == null) {
                query = new org.apache.lucene.search.BooleanQuery.Builder();
            }
            String words = fielded.group(3) != null ? fielded.group(3) : fielded.group(4);
            Map<String, Float> within = switch (fielded.group(1)) {
                case "title" -> Map.of("title", 1f);
                case "notes" -> Map.of("description", 1f);
                case "tags" -> Map.of("keywords", 1f);
                default -> WEIGHTS;
            };
            query.add(searchWords.query(words, within), org.apache.lucene.search.BooleanClause.Occur.MUST);
        }
        if (query == null) {
            return searchWords.query(text, WEIGHTS);
        }
        String rest = FIELDED.matcher(text).replaceAll(" ").strip();
        if (!rest.isEmpty()) {
            query.add(searchWords.query(rest, WEIGHTS), org.apache.lucene.search.BooleanClause.Occur.MUST);
        }
        return query.build();
    }

    /** A word or quoted words to be found in one field. */
    private static final java.util.regex.Pattern FIELDED =
            java.util.regex.Pattern.compile("\\b(title|notes|tags|text):(\"([^\"]*)\"|([^\\s\"]+))");

    /** The field of the words as written, unstemmed, that spelling corrections come from. */
    static final String SPELL = "spell";

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * The search with each word the index does not know replaced by the closest word it does
     * (Lucene's spell checker over the datasets' own words), when that finds something; else null.
     */
    private @org.jspecify.annotations.Nullable String suggestion(IndexSearcher searcher, String text)
            throws IOException {
        if (text.isBlank()) {
            return null;
        }
        org.apache.lucene.search.spell.DirectSpellChecker spelling =
                new org.apache.lucene.search.spell.DirectSpellChecker();
        java.util.regex.Matcher words = WORD.matcher(text);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        while (words.find()) {
            String word = words.group();
            String replacement = word;
            if (word.length() >= 3) {
                org.apache.lucene.search.spell.SuggestWord[] similar = spelling.suggestSimilar(
                        new Term(SPELL, word.toLowerCase(java.util.Locale.ROOT)),
                        1,
                        searcher.getIndexReader(),
                        org.apache.lucene.search.spell.SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (similar.length > 0) {
                    replacement = similar[0].string;
                    changed = true;
                }
            }
            words.appendReplacement(corrected, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        words.appendTail(corrected);
        if (!changed) {
            return null;
        }
        String suggestion = corrected.toString();
        return searcher.count(words(suggestion)) > 0 ? suggestion : null;
    }

    /** The words of the spelling field as written: split and lower-cased, nothing more. */
    private static final class SpellingAnalyzer extends org.apache.lucene.analysis.Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            org.apache.lucene.analysis.Tokenizer source = new org.apache.lucene.analysis.standard.StandardTokenizer();
            return new TokenStreamComponents(source, new org.apache.lucene.analysis.core.LowerCaseFilter(source));
        }
    }

    private static Sort sort(SearchRequest.Order order) {
        SortField newestFirst = new SortField("modified", SortField.Type.LONG, true);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newestFirst);
            case NEWEST -> new Sort(new SortField("issued", SortField.Type.LONG, true), newestFirst);
            case UPDATED -> new Sort(newestFirst);
            case VIEWS -> new Sort(new SortField("views", SortField.Type.LONG, true), newestFirst);
            case DOWNLOADS -> new Sort(new SortField("downloads", SortField.Type.LONG, true), newestFirst);
            case TITLE -> new Sort(new SortField(TITLE_ORDER, SortField.Type.STRING), newestFirst);
        };
    }

    private Map<String, List<SearchResult.FacetCount>> counts(
            IndexSearcher searcher, FacetsCollectorManager.FacetsResult found) throws IOException {
        DefaultSortedSetDocValuesReaderState state =
                new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets);
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, found.facetsCollector());
        Map<String, List<SearchResult.FacetCount>> result = new LinkedHashMap<>();
        for (String dim : SearchRequest.FACETS) {
            List<SearchResult.FacetCount> values = new ArrayList<>();
            try {
                FacetResult facet = counts.getTopChildren(30, dim);
                if (facet != null) {
                    for (LabelAndValue value : facet.labelValues) {
                        values.add(new SearchResult.FacetCount(value.label, value.value.intValue()));
                    }
                }
            } catch (IllegalArgumentException e) {
                // no dataset has a value for this facet yet
            }
            result.put(dim, values);
        }
        return result;
    }

    private static SearchResult.Hit hit(Document doc) {
        Map<String, String> titles = new java.util.HashMap<>();
        Map<String, String> descriptions = new java.util.HashMap<>();
        for (var field : doc.getFields()) {
            if (field.name().startsWith("title.")) {
                titles.put(field.name().substring("title.".length()), field.stringValue());
            } else if (field.name().startsWith("description.")) {
                descriptions.put(field.name().substring("description.".length()), field.stringValue());
            }
        }
        return new SearchResult.Hit(
                Long.parseLong(doc.get("id")),
                doc.get("slug"),
                doc.get("title"),
                doc.get("description"),
                doc.get("organisation"),
                Arrays.asList(doc.getValues("keyword")),
                Arrays.asList(doc.getValues("theme")),
                doc.get("licence"),
                doc.get("format"),
                Instant.ofEpochMilli(doc.getField("modified").numericValue().longValue()),
                doc.getField("rows").numericValue().longValue(),
                titles,
                descriptions);
    }
}
