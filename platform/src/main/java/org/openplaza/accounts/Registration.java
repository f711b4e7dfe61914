package org.openplaza.accounts;

/** A citizen's self-registration, as typed. */
public record Registration(String username, String displayName, String email, String password) {}
