package org.openplaza.catalog.importer;

/**
 * Text of any script in plain ASCII letters (ICU's {@code Any-Latin; Latin-ASCII}): Hangul by its
 * romanisation, Han by its reading, accents dropped. Names made from what people wrote (a
 * dataset's address, a column's name in the store) stay readable whatever the language.
 */
public final class Romanised {

    private static final com.ibm.icu.text.Transliterator TO_ASCII =
            com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private Romanised() {}

    public static String ascii(String text) {
        // a Transliterator is not safe for threads at once
        synchronized (TO_ASCII) {
            return TO_ASCII.transliterate(text);
        }
    }
}
