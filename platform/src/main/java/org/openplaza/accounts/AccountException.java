package org.openplaza.accounts;

import org.jspecify.annotations.Nullable;

/**
 * A refused account operation. {@link #messageKey()} is a message-bundle key the view translates;
 * {@link #field()} names the form field at fault, when there is one.
 */
public class AccountException extends RuntimeException {

    private final String messageKey;
    private final @Nullable String field;

    public AccountException(String messageKey) {
        this(null, messageKey);
    }

    public AccountException(@Nullable String field, String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.problems = field == null ? java.util.Map.of() : java.util.Map.of(field, messageKey);
    }

    /** Several fields refused at once, each with its message key, in the form's order. */
    public AccountException(java.util.Map<String, String> problems) {
        super(problems.values().iterator().next());
        var first = problems.entrySet().iterator().next();
        this.field = first.getKey();
        this.messageKey = first.getValue();
        this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    private final java.util.Map<String, String> problems;

    /** Every field refused, with its message key; the one field, when just one was. */
    public java.util.Map<String, String> problems() {
        return problems;
    }

    public String messageKey() {
        return messageKey;
    }

    public @Nullable String field() {
        return field;
    }
}
