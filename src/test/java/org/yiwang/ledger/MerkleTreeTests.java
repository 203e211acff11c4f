package org.yiwang.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9162 Merkle tree heads and proofs: against trees computed by hand here (the 7-leaf example of
 * RFC 6962 §2.1.3) and, as properties, over random sizes: every proof verifies, a tampered one does not.
 */
class MerkleTreeTests {

    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest sha = ChainHash.sha256();

    /** A tree in memory: all complete subtrees, recorded as the frontier completes them. */
    static final class MemoryTree implements MerkleTree.Nodes {
        final Map<Long, byte[]>[] levels;
        final Frontier frontier = new Frontier();

        @SuppressWarnings("unchecked")
        MemoryTree(int size) {
            levels = new Map[64];
            MessageDigest digest = ChainHash.sha256();
            for (int i = 0; i < size; i++) {
                frontier.append(digest, MerkleTree.leafHash(digest, entry(i)),
                        (level, index, hash) -> levels(level).put(index, hash));
            }
        }

        private Map<Long, byte[]> levels(int level) {
            if (levels[level] == null) {
                levels[level] = new HashMap<>();
            }
            return levels[level];
        }

        @Override
        public byte[] node(int level, long index) {
            byte[] hash = levels(level).get(index);
            if (hash == null) {
                throw new IllegalStateException("no node " + level + "/" + index);
            }
            return hash;
        }
    }

    static byte[] entry(int i) {
        return ("d" + i).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] leaf(int i) {
        return MerkleTree.leafHash(sha, entry(i));
    }

    private byte[] h(byte[] left, byte[] right) {
        return MerkleTree.nodeHash(sha, left, right);
    }

    @Test
    void leafAndEmptyTreeHashesAreTheRfcOnes() {
        assertThat(HEX.formatHex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(MerkleTree.leafHash(sha, new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] l = HEX.parseHex("00".repeat(32));
        byte[] r = HEX.parseHex("11".repeat(32));
        byte[] manual = ChainHash.sha256().digest(HEX.parseHex("01" + "00".repeat(32) + "11".repeat(32)));
        assertThat(MerkleTree.nodeHash(sha, l, r)).isEqualTo(manual);
    }

    /** The example tree of RFC 6962 §2.1.3: leaves d0..d6, a..f their leaf hashes, j the leaf hash of d6. */
    @Test
    void sevenLeafTreeGivesTheProofsOfTheRfcExample() {
        byte[] a = leaf(0), b = leaf(1), c = leaf(2), d = leaf(3), e = leaf(4), f = leaf(5), j = leaf(6);
        byte[] g = h(a, b), hh = h(c, d), i = h(e, f);
        byte[] k = h(g, hh), l = h(i, j);
        byte[] root7 = h(k, l);
        MemoryTree tree = new MemoryTree(7);

        assertThat(MerkleTree.root(tree, 7)).isEqualTo(root7);
        assertThat(tree.frontier.root(sha)).isEqualTo(root7);
        assertThat(MerkleTree.root(tree, 3)).isEqualTo(h(g, c));
        assertThat(MerkleTree.root(tree, 4)).isEqualTo(k);
        assertThat(MerkleTree.root(tree, 6)).isEqualTo(h(k, i));
        assertThat(MerkleTree.root(tree, 1)).isEqualTo(a);

        assertThat(MerkleTree.inclusionPath(tree, 0, 7)).containsExactly(b, hh, l);
        assertThat(MerkleTree.inclusionPath(tree, 3, 7)).containsExactly(c, g, l);
        assertThat(MerkleTree.inclusionPath(tree, 4, 7)).containsExactly(f, j, k);
        assertThat(MerkleTree.inclusionPath(tree, 6, 7)).containsExactly(i, k);
        assertThat(MerkleTree.inclusionPath(tree, 0, 1)).isEmpty();

        assertThat(MerkleTree.consistencyPath(tree, 3, 7)).containsExactly(c, d, g, l);
        assertThat(MerkleTree.consistencyPath(tree, 4, 7)).containsExactly(l);
        assertThat(MerkleTree.consistencyPath(tree, 6, 7)).containsExactly(i, j, k);
        assertThat(MerkleTree.consistencyPath(tree, 7, 7)).isEmpty();

        assertThat(MerkleTree.verifyInclusion(3, 7, d, List.of(c, g, l), root7)).isTrue();
        assertThat(MerkleTree.verifyInclusion(3, 7, c, List.of(c, g, l), root7)).isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 7, h(g, c), root7, List.of(c, d, g, l))).isTrue();
        assertThat(MerkleTree.verifyConsistency(4, 7, k, root7, List.of(l))).isTrue();
        assertThat(MerkleTree.verifyConsistency(6, 7, h(k, i), root7, List.of(i, j, k))).isTrue();
        assertThat(MerkleTree.verifyConsistency(6, 7, h(k, i), root7, List.of(i, j, g))).isFalse();
    }

    @Test
    void aTreeWhoseOldLeavesWereRewrittenIsNotConsistentWithItsOldHead() {
        MemoryTree before = new MemoryTree(5);
        byte[] oldRoot = MerkleTree.root(before, 5);
        // the same 9 leaves except the 5th, rewritten
        MessageDigest digest = ChainHash.sha256();
        Map<Long, byte[]>[] nodes = newLevels();
        Frontier rewritten = new Frontier();
        for (int i = 0; i < 9; i++) {
            byte[] entry = i == 4 ? "forged".getBytes(StandardCharsets.UTF_8) : entry(i);
            rewritten.append(digest, MerkleTree.leafHash(digest, entry), (level, index, hash) ->
                    nodes[level].put(index, hash));
        }
        MerkleTree.Nodes forged = (level, index) -> nodes[level].get(index);

        List<byte[]> proof = MerkleTree.consistencyPath(forged, 5, 9);

        assertThat(MerkleTree.verifyConsistency(5, 9, oldRoot, MerkleTree.root(forged, 9), proof)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 9, MerkleTree.root(forged, 5), MerkleTree.root(forged, 9), proof)).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, byte[]>[] newLevels() {
        Map<Long, byte[]>[] levels = new Map[64];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new HashMap<>();
        }
        return levels;
    }

    @Property(tries = 300)
    void everyInclusionProofVerifiesAndATamperedOneDoesNot(@ForAll("sizeAndIndex") long[] sizeAndIndex,
                                                          @ForAll @IntRange(min = 0, max = 1_000) int tamper) {
        int size = (int) sizeAndIndex[0];
        long index = sizeAndIndex[1];
        MemoryTree tree = new MemoryTree(size);
        byte[] root = MerkleTree.root(tree, size);
        assertThat(tree.frontier.root(sha)).isEqualTo(root);
        byte[] leaf = tree.node(0, index);
        List<byte[]> path = MerkleTree.inclusionPath(tree, index, size);

        assertThat(MerkleTree.verifyInclusion(index, size, leaf, path, root)).isTrue();
        assertThat(path.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size - 1));

        if (!path.isEmpty()) {
            List<byte[]> tampered = copy(path);
            byte[] changed = tampered.get(tamper % tampered.size());
            changed[tamper % 32] ^= 1;
            assertThat(MerkleTree.verifyInclusion(index, size, leaf, tampered, root)).isFalse();
            assertThat(MerkleTree.verifyInclusion(index, size, leaf, path.subList(0, path.size() - 1), root)).isFalse();
        }
        byte[] otherLeaf = leaf.clone();
        otherLeaf[tamper % 32] ^= 0x40;
        assertThat(MerkleTree.verifyInclusion(index, size, otherLeaf, path, root)).isFalse();
        if (size > 1) {
            assertThat(MerkleTree.verifyInclusion((index + 1) % size, size, leaf, path, root)).isFalse();
        }
    }

    @Property(tries = 300)
    void everyConsistencyProofVerifiesAndATamperedOneDoesNot(@ForAll("twoSizes") long[] sizes,
                                                            @ForAll @IntRange(min = 0, max = 1_000) int tamper) {
        long first = sizes[0];
        long second = sizes[1];
        MemoryTree tree = new MemoryTree((int) second);
        byte[] firstRoot = MerkleTree.root(tree, first);
        byte[] secondRoot = MerkleTree.root(tree, second);
        List<byte[]> path = MerkleTree.consistencyPath(tree, first, second);

        assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, path)).isTrue();

        if (!path.isEmpty()) {
            List<byte[]> tampered = copy(path);
            tampered.get(tamper % tampered.size())[tamper % 32] ^= 1;
            assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, tampered)).isFalse();
            assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot,
                    path.subList(0, path.size() - 1))).isFalse();
        }
        if (first > 0 && first < second) {
            byte[] otherFirst = firstRoot.clone();
            otherFirst[tamper % 32] ^= 1;
            assertThat(MerkleTree.verifyConsistency(first, second, otherFirst, secondRoot, path)).isFalse();
            byte[] otherSecond = secondRoot.clone();
            otherSecond[tamper % 32] ^= 1;
            assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, otherSecond, path)).isFalse();
        }
    }

    @Provide
    Arbitrary<long[]> sizeAndIndex() {
        return Arbitraries.integers().between(1, 1_100)
                .flatMap(size -> Arbitraries.integers().between(0, size - 1).map(i -> new long[]{size, i}));
    }

    @Provide
    Arbitrary<long[]> twoSizes() {
        return Combinators.combine(Arbitraries.integers().between(0, 1_100), Arbitraries.integers().between(0, 1_100))
                .as((x, y) -> new long[]{Math.min(x, y), Math.max(x, y)});
    }

    private static List<byte[]> copy(List<byte[]> path) {
        List<byte[]> copy = new ArrayList<>();
        for (byte[] p : path) {
            copy.add(p.clone());
        }
        return copy;
    }
}
