package org.openplaza.proposals;

/** Who proposes: the government (an organisation's officials) or a citizen. */
public enum Origin {
    GOVERNMENT,
    CITIZEN
}
