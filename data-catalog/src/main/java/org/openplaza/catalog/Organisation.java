package org.openplaza.catalog;

/** A publisher: a department or agency whose officials publish datasets under its name. */
public record Organisation(long id, String slug, String name) {}
