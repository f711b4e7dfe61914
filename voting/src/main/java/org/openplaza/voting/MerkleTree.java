package org.openplaza.voting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency) over a ballot box: each leaf is a
 * ballot's chain hash, a leaf is hashed as SHA-256(0x00 || leaf) and a node as SHA-256(0x01 ||
 * left || right), the left subtree holding the largest power of two below the size. The count
 * signs the root; a voter's receipt gets the audit path of their ballot, which anyone can check
 * against the signed root with {@link #rootFromPath}.
 */
public final class MerkleTree {

    private MerkleTree() {}

    /** Builds the root as leaves stream in, keeping only one subtree per level. */
    static final class Builder {
        private final List<byte[]> stack = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();
        private long leaves;

        void add(String leafHex) {
            byte[] node = leaf(HexFormat.of().parseHex(leafHex));
            long size = 1;
            while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == size) {
                node = node(stack.remove(stack.size() - 1), node);
                sizes.remove(sizes.size() - 1);
                size *= 2;
            }
            stack.add(node);
            sizes.add(size);
            leaves++;
        }

        long leaves() {
            return leaves;
        }

        String root() {
            if (stack.isEmpty()) {
                return HexFormat.of().formatHex(sha256(new byte[0]));
            }
            byte[] root = stack.get(stack.size() - 1);
            for (int i = stack.size() - 2; i >= 0; i--) {
                root = node(stack.get(i), root);
            }
            return HexFormat.of().formatHex(root);
        }
    }

    /** The root over these leaves (hex). */
    public static String root(List<String> leavesHex) {
        Builder builder = new Builder();
        leavesHex.forEach(builder::add);
        return builder.root();
    }

    /** The audit path (hex, from the leaf up) of the leaf at {@code index} among these leaves. */
    public static List<String> path(List<String> leavesHex, int index) {
        List<byte[]> leaves = new ArrayList<>(leavesHex.size());
        for (String hex : leavesHex) {
            leaves.add(leaf(HexFormat.of().parseHex(hex)));
        }
        List<String> path = new ArrayList<>();
        path(leaves, 0, leaves.size(), index, path);
        return path;
    }

    private static void path(List<byte[]> hashed, int from, int to, int index, List<String> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (index < k) {
            path(hashed, from, from + k, index, out);
            out.add(HexFormat.of().formatHex(subtree(hashed, from + k, to)));
        } else {
            path(hashed, from + k, to, index - k, out);
            out.add(HexFormat.of().formatHex(subtree(hashed, from, from + k)));
        }
    }

    private static byte[] subtree(List<byte[]> hashed, int from, int to) {
        if (to - from == 1) {
            return hashed.get(from);
        }
        int k = Integer.highestOneBit(to - from - 1);
        return node(subtree(hashed, from, from + k), subtree(hashed, from + k, to));
    }

    /**
     * The root that the leaf at {@code index} of a tree of {@code size} leaves leads to along this
     * audit path (RFC 9162, 2.1.3.2); null when the path cannot belong to such a tree.
     */
    public static String rootFromPath(String leafHex, long index, long size, List<String> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf(HexFormat.of().parseHex(leafHex));
        for (String hex : path) {
            byte[] p = HexFormat.of().parseHex(hex);
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? HexFormat.of().formatHex(r) : null;
    }

    private static byte[] leaf(byte[] data) {
        byte[] input = new byte[data.length + 1];
        System.arraycopy(data, 0, input, 1, data.length);
        return sha256(input);
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] input = new byte[1 + left.length + right.length];
        input[0] = 1;
        System.arraycopy(left, 0, input, 1, left.length);
        System.arraycopy(right, 0, input, 1 + left.length, right.length);
        return sha256(input);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
