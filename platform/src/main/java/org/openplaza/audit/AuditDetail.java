package org.openplaza.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An audit event's detail as a message key and its arguments rather than a sentence, so that the
 * log reads in each administrator's language: stored as text (the chain hashes it as it hashes
 * any detail), its parts separated by control characters no one types. Arguments may be what
 * people wrote (a title); the separators are removed from them.
 */
public final class AuditDetail {

    private static final char START = '\u001E';
    private static final char SEPARATOR = '\u001F';
    private static final char TERM = '\u001D';

    /**
     * An argument that is itself one or more messages of the portal (a reason's code, a set of
     * roles), shown translated and, when several, listed.
     */
    public record Term(List<String> messageKeys) {
        public Term {
            messageKeys = List.copyOf(messageKeys);
        }
    }

    public static Term term(String messageKey) {
        return new Term(List.of(messageKey));
    }

    /** Several terms as one argument, in this order. */
    public static Term terms(java.util.Collection<String> messageKeys) {
        return new Term(List.copyOf(messageKeys));
    }

    /** The message keys of an argument written as a {@link Term}; empty for plain text. */
    public static List<String> termKeys(String arg) {
        if (arg.isEmpty() || arg.charAt(0) != TERM) {
            return List.of();
        }
        return Arrays.stream(arg.substring(1).split(String.valueOf(TERM), -1))
                .filter(key -> !key.isEmpty())
                .toList();
    }

    private AuditDetail() {}

    /** The detail of this message key (under {@code audit.detail.}) with these arguments. */
    public static String of(String key, Object... args) {
        StringBuilder detail = new StringBuilder().append(START).append(key);
        for (Object arg : args) {
            detail.append(SEPARATOR);
            if (arg instanceof Term term) {
                term.messageKeys().forEach(termKey -> detail.append(TERM).append(clean(termKey)));
            } else {
                detail.append(clean(String.valueOf(arg)));
            }
        }
        return detail.toString();
    }

    private static String clean(String text) {
        return text.replace(String.valueOf(START), "")
                .replace(String.valueOf(SEPARATOR), "")
                .replace(String.valueOf(TERM), "");
    }

    /** A detail read back: its message key and arguments. */
    public record Parsed(String key, List<String> args) {}

    /** The key and arguments of a detail written by {@link #of}; none for a plain sentence. */
    public static Optional<Parsed> parse(String detail) {
        if (detail == null || detail.isEmpty() || detail.charAt(0) != START) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(detail.substring(1).split(String.valueOf(SEPARATOR), -1));
        return Optional.of(new Parsed(parts.get(0), List.copyOf(parts.subList(1, parts.size()))));
    }
}
