package org.openplaza.catalog;

/** A publishing organisation as the public sees it, with how many datasets it has published. */
public record PublicOrganisation(long id, String slug, String name, int datasets) {}
