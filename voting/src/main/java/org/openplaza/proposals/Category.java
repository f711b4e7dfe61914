package org.openplaza.proposals;

/** The subjects proposals are filed under; screens name them from the message bundles. */
public enum Category {
    TRANSPORT,
    ENVIRONMENT,
    HOUSING,
    HEALTH,
    EDUCATION,
    CULTURE,
    SAFETY,
    ECONOMY,
    WELFARE,
    GOVERNANCE,
    OTHER
}
