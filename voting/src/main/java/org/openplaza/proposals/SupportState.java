package org.openplaza.proposals;

/**
 * The caller's support of a proposal and where the proposal stands: supports that count (from
 * verified citizens) against the threshold, and whether the caller's own support counts.
 */
public record SupportState(boolean supporting, boolean counted, int supports, int threshold, ProposalStatus status) {}
