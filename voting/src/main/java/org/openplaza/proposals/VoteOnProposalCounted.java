package org.openplaza.proposals;

/**
 * A vote held on a scheduled proposal was counted. Voting announces it inside the count's
 * transaction, and the proposal records the vote's outcome as its result in that same transaction:
 * a failure here fails the count, which is tried again.
 */
public record VoteOnProposalCounted(long proposalId, long voteId) {}
