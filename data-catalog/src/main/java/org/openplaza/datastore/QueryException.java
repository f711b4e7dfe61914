package org.openplaza.datastore;

import java.util.List;

/** A query the dataset cannot answer (e.g. a sum of text), with a message key the portal translates. */
public class QueryException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public QueryException(String messageKey, Object... arguments) {
        super(messageKey);
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
