package org.openplaza.voting;

import org.openplaza.platform.Refusal;

/** A refused voting action, with a message-bundle key. */
public class VotingException extends Refusal {

    public VotingException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private VotingException(String field, String messageKey, Object[] arguments, boolean unused) {
        super(field, messageKey, arguments);
    }

    /** A refusal about one field of a form. */
    public static VotingException on(String field, String messageKey, Object... arguments) {
        return new VotingException(field, messageKey, arguments, true);
    }
}
