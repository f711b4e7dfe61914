package org.openplaza.voting;

import java.util.List;

/** A refused voting action, with a message-bundle key. */
public class VotingException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public VotingException(String messageKey, Object... arguments) {
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
