package org.openplaza.platform.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * One analyzer for English, Korean and Chinese text alike. The standard tokenizer splits on
 * Unicode word boundaries; Han, Hangul and kana runs become overlapping bigrams (with single
 * characters kept, so a one-syllable query still matches), which needs no dictionary and finds
 * "확진" in "확진자" or "空气" in "空气质量"; Latin words are lower-cased, folded to ASCII and
 * stemmed, so "rainfalls" finds "rainfall".
 */
public final class TextAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(
                stream,
                CJKBigramFilter.HAN | CJKBigramFilter.HANGUL | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA,
                true);
        stream = new EnglishPossessiveFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
