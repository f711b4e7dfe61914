package org.openplaza.catalog;

import org.jspecify.annotations.Nullable;
import org.openplaza.platform.Refusal;

/**
 * The one refusal of the catalogue: an action, a file or a query refused for a reason its user can
 * mend (a title missing, a line of a file that cannot be read, a sum of text), with a
 * message-bundle key, its arguments (a line number, a value) and the form field at fault, if any.
 */
public class CatalogException extends Refusal {

    public CatalogException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    /** The key with its arguments, for logs and for the API's English answers. */
    @Override
    public String getMessage() {
        return arguments().isEmpty() ? messageKey() : messageKey() + " " + arguments();
    }
}
