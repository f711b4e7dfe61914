package org.openplaza.proposals;

import org.jspecify.annotations.Nullable;
import org.openplaza.platform.Refusal;

/** A refused action on a proposal, with a message-bundle key and the form field at fault, if any. */
public class ProposalException extends Refusal {

    public ProposalException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
