package org.openplaza.catalog;

import org.openplaza.platform.Refusal;

/** A query the dataset cannot answer (e.g. a sum of text), with a message key the portal translates. */
public class QueryException extends Refusal {

    public QueryException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }
}
