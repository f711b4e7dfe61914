package org.openplaza.voting;

import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing a vote's ballot chain: intact, or the first ballot that does not fit;
 * and how many signed checkpoints the vote carries, with the public key that checks them.
 */
public record ChainCheck(
        boolean intact,
        int ballots,
        @Nullable Integer firstBadPosition,
        @Nullable String headHash,
        int checkpoints,
        String signingKey) {}
