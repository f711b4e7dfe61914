package org.openplaza.voting;

/**
 * A vote was counted and its ballots are not published yet. Announced by {@link VoteCounting} as
 * the portal itself, on the counting thread; whoever publishes the ballots records where with
 * {@link CountService#recordPublication}, and a listener that fails makes the count be tried again.
 */
public record VoteCounted(VoteInfo vote) {}
