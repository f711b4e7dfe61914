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

    /** An argument that is itself a message of the portal (a reason's code), shown translated. */
    public record Term(String messageKey) {}

    public static Term term(String messageKey) {
        return new Term(messageKey);
    }

    /** The message key of an argument written as a {@link Term}; null for plain text. */
    public static @org.jspecify.annotations.Nullable String termKey(String arg) {
        return !arg.isEmpty() && arg.charAt(0) == TERM ? arg.substring(1) : null;
    }

    private AuditDetail() {}

    /** The detail of this message key (under {@code audit.detail.}) with these arguments. */
    public static String of(String key, Object... args) {
        StringBuilder detail = new StringBuilder().append(START).append(key);
        for (Object arg : args) {
            detail.append(SEPARATOR);
            if (arg instanceof Term term) {
                detail.append(TERM).append(clean(term.messageKey()));
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
