package org.openplaza.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * What a person types into a search box, made into a Lucene query the same way everywhere on the
 * portal: every word must match (in any of the weighted fields), a Latin word of three letters or
 * more also finds the words it begins ("rain" finds "Rainfall"), and a word with synonyms finds
 * them too, in English and Korean ("precipitation" and "강수량" find "Rainfall"). Quotes, {@code
 * |}, {@code -} and {@code *} work as Lucene's simple query syntax has them.
 */
public final class SearchWords {

    /** The most words and characters a search takes. */
    public static final int MAX_WORDS = 32;

    public static final int MAX_CHARACTERS = 500;

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}{3,}");

    private final Analyzer analyzer;
    private final Synonyms synonyms;

    public SearchWords(Analyzer analyzer, Synonyms synonyms) {
        this.analyzer = analyzer;
        this.synonyms = synonyms;
    }

    /** The analyzer and the synonyms every search of the portal uses. */
    public static SearchWords standard() {
        return new SearchWords(new TextAnalyzer(), Synonyms.load());
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Whether this is more than a search takes. */
    public static boolean tooLong(String text) {
        return text.length() > MAX_CHARACTERS || text.strip().split("\\s+").length > MAX_WORDS;
    }

    /** The query for these words over these fields and weights; everything for blank words. */
    public Query query(String text, Map<String, Float> weights) {
        if (text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query query = parser.parse(expand(text));
        return query == null ? new MatchAllDocsQuery() : query;
    }

    /**
     * A search as the parser takes it, each plain word widened by its prefix and its synonyms. A
     * search that uses quotes or operators of its own is taken as written, but for the synonyms of
     * its plain words.
     */
    public String expand(String text) {
        boolean phrases = text.indexOf('"') >= 0;
        List<String> out = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (phrases || !PLAIN.matcher(word).matches()) {
                out.add(word);
                continue;
            }
            LinkedHashSet<String> alternatives = new LinkedHashSet<>();
            alternatives.add(word);
            if (LATIN.matcher(word).matches()) {
                alternatives.add(word + "*");
            }
            for (String synonym : synonyms.of(word)) {
                alternatives.add(PLAIN.matcher(synonym).matches() ? synonym : '"' + synonym + '"');
            }
            out.add(alternatives.size() == 1 ? word : "(" + String.join(" | ", alternatives) + ")");
        }
        return String.join(" ", out);
    }
}
