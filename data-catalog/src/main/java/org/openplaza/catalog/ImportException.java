package org.openplaza.catalog;

import org.openplaza.platform.Refusal;

/**
 * An import refused with a reason the official can act on (unchecked, as every {@link Refusal}). {@link #messageKey()} is a
 * message-bundle key; {@link #arguments()} fill its placeholders (a line number, a value).
 */
public class ImportException extends Refusal {

    public ImportException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    @Override
    public String getMessage() {
        return messageKey() + " " + arguments();
    }
}
