package org.yiwang.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1) over the ledger's entries: leaf hash
 * {@code SHA-256(0x00 || entry)}, node hash {@code SHA-256(0x01 || left || right)}, the tree head of any size,
 * inclusion proofs (§2.1.3) and consistency proofs (§2.1.4) with their verification.
 *
 * <p>Proofs are built from complete subtrees only ({@link Nodes}: the hash of leaves
 * {@code [index·2^level, (index+1)·2^level)}), which the sealer stores as it appends, so a proof over
 * millions of entries reads about 2·log₂(n) stored hashes and hashes about as many.
 */
final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** The stored hashes of complete subtrees. */
    interface Nodes {
        /** The hash of the complete subtree of {@code 2^level} leaves starting at leaf {@code index << level}. */
        byte[] node(int level, long index);
    }

    private MerkleTree() {
    }

    static byte[] leafHash(MessageDigest digest, byte[] entry) {
        digest.reset();
        digest.update(LEAF_PREFIX);
        return digest.digest(entry);
    }

    static byte[] nodeHash(MessageDigest digest, byte[] left, byte[] right) {
        digest.reset();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** MTH({}) = SHA-256 of nothing. */
    static byte[] emptyRoot() {
        return ChainHash.sha256().digest();
    }

    /** MTH(D[0:size]), the tree head of the first {@code size} leaves. */
    static byte[] root(Nodes nodes, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        return size == 0 ? emptyRoot() : range(nodes, 0, size, ChainHash.sha256());
    }

    /** MTH(D[from:to]) for the ranges the RFC's recursion produces (a split at the largest power of two below the size). */
    private static byte[] range(Nodes nodes, long from, long to, MessageDigest digest) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, from >>> level);
        }
        long k = Long.highestOneBit(n - 1);
        byte[] left = range(nodes, from, from + k, digest);
        byte[] right = range(nodes, from + k, to, digest);
        return nodeHash(digest, left, right);
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, from the leaf's sibling up to the root's child. */
    static List<byte[]> inclusionPath(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        inclusionPath(nodes, index, 0, size, path, ChainHash.sha256());
        return path;
    }

    private static void inclusionPath(Nodes nodes, long index, long from, long to, List<byte[]> path, MessageDigest digest) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (index < from + k) {
            inclusionPath(nodes, index, from, from + k, path, digest);
            path.add(range(nodes, from + k, to, digest));
        } else {
            inclusionPath(nodes, index, from + k, to, path, digest);
            path.add(range(nodes, from, from + k, digest));
        }
    }

    /**
     * PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1: empty when {@code first} is 0 or equals {@code second}
     * (nothing to prove).
     */
    static List<byte[]> consistencyPath(Nodes nodes, long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> path = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(nodes, first, 0, second, true, path, ChainHash.sha256());
        }
        return path;
    }

    private static void subproof(Nodes nodes, long m, long from, long to, boolean complete, List<byte[]> path,
                                 MessageDigest digest) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                path.add(range(nodes, from, to, digest));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(nodes, m, from, from + k, complete, path, digest);
            path.add(range(nodes, from + k, to, digest));
        } else {
            subproof(nodes, m - k, from + k, to, false, path, digest);
            path.add(range(nodes, from, from + k, digest));
        }
    }

    /** RFC 9162 §2.1.3.2: whether {@code path} proves leaf {@code leafHash} at {@code index} in the tree {@code root} of {@code size}. */
    static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null) {
            return false;
        }
        MessageDigest digest = ChainHash.sha256();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(digest, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(digest, r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: whether {@code path} proves the tree {@code secondRoot} of {@code second} extends {@code firstRoot} of {@code first}. */
    static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
        if (first < 0 || first > second || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return path.isEmpty() && Arrays.equals(firstRoot, emptyRoot());
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> nodes = path;
        if (Long.bitCount(first) == 1) {
            nodes = new ArrayList<>(path.size() + 1);
            nodes.add(firstRoot);
            nodes.addAll(path);
        }
        MessageDigest digest = ChainHash.sha256();
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = nodes.getFirst();
        byte[] sr = nodes.getFirst();
        for (byte[] c : nodes.subList(1, nodes.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(digest, c, fr);
                sr = nodeHash(digest, c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(digest, sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
