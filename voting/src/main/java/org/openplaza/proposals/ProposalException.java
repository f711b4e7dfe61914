package org.openplaza.proposals;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A refused action on a proposal, with a message-bundle key and the form field at fault, if any. */
public class ProposalException extends RuntimeException {

    private final String messageKey;
    private final @Nullable String field;
    private final List<Object> arguments;

    public ProposalException(@Nullable String field, String messageKey, Object... arguments) {
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
