package org.openplaza.platform.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A small full-text index held in memory: things of one kind, each under an id, with text in
 * weighted fields, searched with {@link SearchWords}. The module that owns the things fills it at
 * start and replaces an entry whenever its text changes; the index finds ids, in order of
 * relevance, and the owner's database still decides what each reader may see.
 */
public final class WordIndex implements AutoCloseable {

    private static final String ID = "id";

    private final SearchWords words;
    private final Map<String, Float> weights;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** An empty index whose documents have these fields, each with its weight in a search. */
    public WordIndex(SearchWords words, Map<String, Float> weights) {
        this.words = words;
        this.weights = Map.copyOf(weights);
        try {
            this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(words.analyzer()));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts this text under this id, replacing what was there; fields not weighted are refused. */
    public synchronized void put(String id, Map<String, String> text) {
        putAll(Map.of(id, text));
    }

    /** Puts each text under its id, made searchable together at the end. */
    public synchronized void putAll(Map<String, Map<String, String>> texts) {
        try {
            for (Map.Entry<String, Map<String, String>> entry : texts.entrySet()) {
                writer.updateDocument(new Term(ID, entry.getKey()), document(entry.getKey(), entry.getValue()));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document document(String id, Map<String, String> text) {
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.YES));
        text.forEach((field, value) -> {
            if (!weights.containsKey(field)) {
                throw new IllegalArgumentException("no such field: " + field);
            }
            doc.add(new TextField(field, value, Field.Store.NO));
        });
        return doc;
    }

    public synchronized void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index, to be filled again. */
    public synchronized void clear() {
        try {
            writer.deleteAll();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ids whose text matches these words, the most relevant first, at most {@code limit}.
     * Searches over {@link SearchWords#MAX_WORDS} words or {@link SearchWords#MAX_CHARACTERS}
     * characters, or too complex to run, are refused with an {@code IllegalArgumentException}.
     */
    public List<String> find(String text, int limit) {
        if (SearchWords.tooLong(text)) {
            throw new IllegalArgumentException("A search takes at most " + SearchWords.MAX_WORDS + " words and "
                    + SearchWords.MAX_CHARACTERS + " characters");
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                if (searcher.getIndexReader().numDocs() == 0) {
                    return List.of();
                }
                ScoreDoc[] found = searcher.search(words.query(text, weights), limit).scoreDocs;
                StoredFields stored = searcher.storedFields();
                List<String> ids = new ArrayList<>(found.length);
                for (ScoreDoc doc : found) {
                    ids.add(stored.document(doc.doc).get(ID));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("The search is too complex; use fewer words", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
