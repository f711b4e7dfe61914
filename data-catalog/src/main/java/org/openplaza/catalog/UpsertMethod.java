package org.openplaza.catalog;

/** How pushed records meet the rows there already, as CKAN's {@code datastore_upsert} methods. */
public enum UpsertMethod {
    /** New rows; with a key, a record whose key is there already refuses the batch. */
    INSERT,
    /** Rows found by key are changed; a record whose key is not there refuses the batch. */
    UPDATE,
    /** Rows found by key are changed, the others added. */
    UPSERT
}
