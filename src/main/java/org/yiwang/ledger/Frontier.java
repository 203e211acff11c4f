package org.yiwang.ledger;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The right edge of a Merkle tree being appended to: for each set bit {@code k} of the size, the hash of the
 * complete subtree of {@code 2^k} leaves not yet paired with a right sibling. Appending a leaf completes the
 * subtrees it closes, which {@link NodeSink} receives (the sealer stores them); the root of the current size
 * is these hashes folded from the right.
 */
final class Frontier {

    /** Receives each complete subtree as it is completed, the leaf itself first. */
    interface NodeSink {
        void node(int level, long index, byte[] hash);
    }

    private final byte[][] pending = new byte[Long.SIZE][];
    private long size;

    /** An empty tree. */
    Frontier() {
    }

    /**
     * The tree of {@code size} leaves whose right edge is {@code nodes}: the node at level {@code k} for each
     * set bit {@code k} of {@code size}, index {@code (size >> k) - 1}.
     */
    Frontier(long size, MerkleTree.Nodes nodes) {
        this.size = size;
        for (int level = 0; level < Long.SIZE - 1; level++) {
            if ((size >>> level & 1) == 1) {
                pending[level] = nodes.node(level, (size >>> level) - 1);
            }
        }
    }

    /** The (level, index) pairs a {@link Frontier} of {@code size} reads. */
    static long[][] edgeOf(long size) {
        long[][] edge = new long[Long.bitCount(size)][];
        int i = 0;
        for (int level = 0; level < Long.SIZE - 1; level++) {
            if ((size >>> level & 1) == 1) {
                edge[i++] = new long[]{level, (size >>> level) - 1};
            }
        }
        return edge;
    }

    long size() {
        return size;
    }

    void append(MessageDigest digest, byte[] leafHash, NodeSink sink) {
        long index = size;
        int level = 0;
        byte[] hash = leafHash;
        sink.node(level, index, hash);
        while ((index & 1) == 1) {
            hash = MerkleTree.nodeHash(digest, pending[level], hash);
            pending[level] = null;
            index >>>= 1;
            level++;
            sink.node(level, index, hash);
        }
        pending[level] = hash;
        size++;
    }

    /** MTH of the leaves appended so far. */
    byte[] root(MessageDigest digest) {
        byte[] root = null;
        for (byte[] hash : pending) {
            if (hash != null) {
                root = root == null ? hash : MerkleTree.nodeHash(digest, hash, root);
            }
        }
        return root == null ? MerkleTree.emptyRoot() : root;
    }

    @Override
    public String toString() {
        return "Frontier[size=" + size + ", pending=" + Arrays.stream(pending).filter(h -> h != null).count() + "]";
    }
}
