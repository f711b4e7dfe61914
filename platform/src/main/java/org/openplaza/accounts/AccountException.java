package org.openplaza.accounts;

import org.jspecify.annotations.Nullable;
import org.openplaza.platform.Refusal;

/**
 * A refused account operation, a {@link Refusal} with the fields at fault. {@link #messageKey()} is a message-bundle key the view translates;
 * {@link #field()} names the form field at fault, when there is one.
 */
public class AccountException extends Refusal {

    public AccountException(String messageKey) {
        this(null, messageKey);
    }

    public AccountException(@Nullable String field, String messageKey) {
        super(field, messageKey);
        this.problems = field == null ? java.util.Map.of() : java.util.Map.of(field, messageKey);
    }

    /** Several fields refused at once, each with its message key, in the form's order. */
    public AccountException(java.util.Map<String, String> problems) {
        super(problems.keySet().iterator().next(), problems.values().iterator().next());
        this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    private final java.util.Map<String, String> problems;

    /** Every field refused, with its message key; the one field, when just one was. */
    public java.util.Map<String, String> problems() {
        return problems;
    }
}
