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
    }

    public String messageKey() {
        return messageKey;
    }

    public @Nullable String field() {
        return field;
    }
}
