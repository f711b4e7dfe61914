package org.openplaza.accounts;

/** What a signed-in user may do. A user holds one or more roles. */
public enum Role {
    /** Browses, charts, proposes, supports and (once verified as a resident) votes. */
    CITIZEN,
    /** Publishes datasets and government proposals for an organisation, runs votes. */
    OFFICIAL,
    /** Manages accounts, verifies citizens, moderates. */
    ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
