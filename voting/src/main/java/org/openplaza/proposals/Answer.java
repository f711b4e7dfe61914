package org.openplaza.proposals;

/** How an official answers a qualified citizen proposal. */
public enum Answer {
    /** put it to a vote of the citizens */
    SCHEDULE_VOTE(ProposalStatus.SCHEDULED),
    /** carry it out without a vote */
    ACCEPT(ProposalStatus.ACCEPTED),
    /** decline it, with a published reason */
    DECLINE(ProposalStatus.DECLINED);

    private final ProposalStatus status;

    Answer(ProposalStatus status) {
        this.status = status;
    }

    public ProposalStatus status() {
        return status;
    }
}
