package org.openplaza.voting;

import java.util.List;

/**
 * What the portal signs when it counts a vote, with the ballot-box key (Ed25519, Base64) over
 * {@link #text()}: the vote; how many ballots counted and the SHA-256 of their choices as kept and
 * published, sorted, each followed by a line feed; and how many ballots the sealed box holds with
 * the root of its Merkle tree ({@link MerkleTree}), to which every receipt's audit path leads.
 * Anyone holding the public key and the published ballots can check that they are the ballots
 * counted, and a voter that their ballot is in the box counted; the portal checks its kept copy
 * against it.
 */
public record SignedCount(
        long voteId, int ballots, String choicesHash, int boxBallots, String boxRoot, String signature) {

    /** The exact text signed. */
    public String text() {
        return text(voteId, ballots, choicesHash, boxBallots, boxRoot);
    }

    static String text(long voteId, int ballots, String choicesHash, int boxBallots, String boxRoot) {
        return "OpenPlaza count;vote=" + voteId + ";ballots=" + ballots + ";choices-sha256=" + choicesHash + ";box="
                + boxBallots + ";box-root=" + boxRoot;
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
