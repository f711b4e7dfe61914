package org.openplaza.catalog;

import org.jspecify.annotations.Nullable;

/** Titles and descriptions people write: stripped, and refused on their field when too short or long. */
final class UserText {

    private UserText() {}

    static String clean(@Nullable String text, int min, int max, String field, String messageKey) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() < min || clean.length() > max) {
            throw new CatalogException(field, messageKey);
        }
        return clean;
    }
}
