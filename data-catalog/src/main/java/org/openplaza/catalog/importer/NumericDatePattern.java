package org.openplaza.catalog.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A date or date-time pattern made only of numeric fields and separators ({@code uuuu-MM-dd},
 * {@code d/M/uuuu HH:mm}, {@code uuuuMMdd}), read by hand: the importer meets millions of cells,
 * and java.time's general formatter, with an exception for every miss, costs ten times more.
 * A doubled letter (or {@code uuuu}) is a fixed number of digits; a single letter is one or two.
 */
public final class NumericDatePattern {

    private record Token(char field, int minDigits, int maxDigits, char literal) {
        boolean isLiteral() {
            return field == 0;
        }
    }

    private final List<Token> tokens;
    private final boolean hasTime;

    private NumericDatePattern(List<Token> tokens, boolean hasTime) {
        this.tokens = tokens;
        this.hasTime = hasTime;
    }

    /** The compiled pattern, or null when it has a field this class does not read (e.g. MMM). */
    public static @Nullable NumericDatePattern compile(String pattern) {
        List<Token> tokens = new ArrayList<>();
        boolean hasTime = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                for (int j = i + 1; j < end; j++) {
                    tokens.add(new Token((char) 0, 0, 0, pattern.charAt(j)));
                }
                i = end + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                tokens.add(new Token((char) 0, 0, 0, c));
                i++;
                continue;
            }
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            switch (c) {
                case 'u' -> {
                    if (run != 4) {
                        return null;
                    }
                    tokens.add(new Token('u', 4, 4, (char) 0));
                }
                case 'M', 'd', 'H', 'm', 's' -> {
                    if (run > 2) {
                        return null;
                    }
                    tokens.add(new Token(c, run == 2 ? 2 : 1, 2, (char) 0));
                    hasTime |= c == 'H';
                }
                default -> {
                    return null;
                }
            }
            i += run;
        }
        return new NumericDatePattern(List.copyOf(tokens), hasTime);
    }

    /** A LocalDate, or a LocalDateTime when the pattern has a time; null when the text does not fit. */
    @Nullable
    public Object parse(String text) {
        int year = 0;
        int month = 0;
        int day = 0;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int pos = 0;
        int length = text.length();
        for (Token token : tokens) {
            if (token.isLiteral()) {
                if (pos >= length || text.charAt(pos) != token.literal()) {
                    return null;
                }
                pos++;
                continue;
            }
            int value = 0;
            int digits = 0;
            while (digits < token.maxDigits() && pos < length) {
                char c = text.charAt(pos);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                digits++;
                pos++;
            }
            if (digits < token.minDigits() || digits == 0) {
                return null;
            }
            switch (token.field()) {
                case 'u' -> year = value;
                case 'M' -> month = value;
                case 'd' -> day = value;
                case 'H' -> hour = value;
                case 'm' -> minute = value;
                default -> second = value;
            }
        }
        if (pos != length) {
            return null;
        }
        try {
            return hasTime ? LocalDateTime.of(year, month, day, hour, minute, second) : LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
