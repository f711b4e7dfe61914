package org.openplaza.catalog;

/** A column of a dataset table: a generated SQL-safe name, a type and, for decimals, the scale. */
public record StoreColumn(String name, ValueType type, int scale) {

    public StoreColumn {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a generated column name: " + name);
        }
    }
}
