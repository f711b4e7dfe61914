package org.openplaza.voting;

import java.time.Instant;

/**
 * A signed statement of the portal that a vote's ballot chain held {@code ballots} ballots ending in
 * {@code headHash}, cast by {@code voters} citizens, signed with the ballot-box key (Ed25519, Base64) over {@link #text()}.
 */
public record Checkpoint(long voteId, int ballots, int voters, String headHash, Instant signedAt, String signature) {

    /** The exact text signed, so that anyone holding the public key can check it. */
    public String text() {
        return text(voteId, ballots, voters, headHash);
    }

    static String text(long voteId, int ballots, int voters, String headHash) {
        return "OpenPlaza ballot box checkpoint;vote=" + voteId + ";ballots=" + ballots + ";voters=" + voters + ";head="
                + headHash;
    }
}
