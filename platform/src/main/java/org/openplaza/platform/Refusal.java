package org.openplaza.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An action a service refuses for a reason the user can mend: a message-bundle key with its
 * arguments, and the form field at fault, if any. Each module names its own kinds; screens show
 * any of them the same way.
 */
public class Refusal extends RuntimeException {

    private final String messageKey;
    private final @Nullable String field;
    private final List<Object> arguments;

    public Refusal(@Nullable String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public @Nullable String field() {
        return field;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
