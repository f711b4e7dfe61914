package org.openplaza.proposals;

/**
 * Where a proposal stands. A citizen proposal goes DRAFT → PUBLISHED (collecting support) →
 * QUALIFIED (the threshold was met in time) or EXPIRED → answered: SCHEDULED for a vote, ACCEPTED
 * without one, or DECLINED with a reason → after a vote ADOPTED or REJECTED → DONE once its
 * implementation is finished. A government proposal goes from DRAFT straight to SCHEDULED.
 */
public enum ProposalStatus {
    DRAFT,
    PUBLISHED,
    QUALIFIED,
    EXPIRED,
    SCHEDULED,
    ACCEPTED,
    DECLINED,
    ADOPTED,
    REJECTED,
    DONE;

    /** Officials post implementation updates on what is to be carried out. */
    public boolean implementing() {
        return this == ACCEPTED || this == ADOPTED;
    }
}
