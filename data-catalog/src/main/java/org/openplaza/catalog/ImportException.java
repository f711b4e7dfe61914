package org.openplaza.catalog;

import java.util.List;

/**
 * An import refused with a reason the official can act on. {@link #messageKey()} is a
 * message-bundle key; {@link #arguments()} fill its placeholders (a line number, a value).
 */
public class ImportException extends Exception {

    private final String messageKey;
    private final List<Object> arguments;

    public ImportException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
