package org.openplaza.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Audit paths lead to the root for every leaf of trees of every size up to 33, and a changed leaf or path does not. */
class MerkleTreeTest {

    private static List<String> leaves(int n) {
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(BallotChain.sha256("ballot " + i));
        }
        return leaves;
    }

    @Test
    void every_leafs_path_leads_to_the_root_and_nothing_else_does() {
        for (int n = 1; n <= 33; n++) {
            List<String> leaves = leaves(n);
            String root = MerkleTree.root(leaves);
            for (int i = 0; i < n; i++) {
                List<String> path = MerkleTree.path(leaves, i);
                assertThat(MerkleTree.rootFromPath(leaves.get(i), i, n, path))
                        .as("leaf %d of %d", i, n)
                        .isEqualTo(root);
                assertThat(MerkleTree.rootFromPath(BallotChain.sha256("stuffed"), i, n, path))
                        .isNotEqualTo(root);
                if (n > 1) {
                    assertThat(MerkleTree.rootFromPath(leaves.get(i), (i + 1) % n, n, path))
                            .as("another position")
                            .isNotEqualTo(root);
                    List<String> bent = new ArrayList<>(path);
                    bent.set(0, BallotChain.sha256("bent"));
                    assertThat(MerkleTree.rootFromPath(leaves.get(i), i, n, bent))
                            .isNotEqualTo(root);
                }
            }
        }
    }

    @Test
    void the_root_of_a_known_tree_follows_rfc_9162() {
        // two leaves: SHA-256(0x01 || SHA-256(0x00 || a) || SHA-256(0x00 || b))
        String a = BallotChain.sha256("a");
        String b = BallotChain.sha256("b");
        String expected = java.util.HexFormat.of().formatHex(sha(concat(new byte[] {1}, leaf(a), leaf(b))));
        assertThat(MerkleTree.root(List.of(a, b))).isEqualTo(expected);
        assertThat(MerkleTree.root(List.of(a)))
                .isEqualTo(java.util.HexFormat.of().formatHex(leaf(a)));
    }

    private static byte[] leaf(String hex) {
        return sha(concat(new byte[] {0}, java.util.HexFormat.of().parseHex(hex)));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] sha(byte[] input) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(input);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
