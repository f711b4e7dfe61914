package org.openplaza.voting;

import org.openplaza.platform.Refusal;

/** A refused voting action, with a message-bundle key. */
public class VotingException extends Refusal {

    public VotingException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }
}
