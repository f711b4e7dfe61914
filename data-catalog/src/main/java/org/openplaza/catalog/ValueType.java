package org.openplaza.catalog;

/** The type of a dataset column, from narrowest to widest; every value fits {@link #TEXT}. */
public enum ValueType {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    DATE,
    TIMESTAMP,
    TEXT
}
