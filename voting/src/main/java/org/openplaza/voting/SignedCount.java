package org.openplaza.voting;

import java.util.List;

/**
 * What the portal signs when it counts a vote, with the ballot-box key (Ed25519, Base64) over
 * {@link #text()}: the vote, how many ballots counted, and the SHA-256 of their choices as kept and
 * published, sorted, one per line. Anyone holding the public key and the published ballots can
 * check that they are the ballots counted, and the portal checks its kept copy against it.
 */
public record SignedCount(long voteId, int ballots, String choicesHash, String signature) {

    /** The exact text signed. */
    public String text() {
        return text(voteId, ballots, choicesHash);
    }

    static String text(long voteId, int ballots, String choicesHash) {
        return "OpenPlaza count;vote=" + voteId + ";ballots=" + ballots + ";choices-sha256=" + choicesHash;
    }

    /** The SHA-256 (hex) of the choices in the order given, each followed by a line feed. */
    public static String choicesHash(List<String> choices) {
        StringBuilder text = new StringBuilder();
        for (String c : choices) {
            text.append(c).append('\n');
        }
        return BallotChain.sha256(text.toString());
    }
}
