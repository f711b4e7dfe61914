package org.openplaza.catalog;

import org.jspecify.annotations.Nullable;
import org.openplaza.platform.Refusal;

/** A refused publishing action, with a message-bundle key and the form field at fault, if any. */
public class PublishingException extends Refusal {

    public PublishingException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
