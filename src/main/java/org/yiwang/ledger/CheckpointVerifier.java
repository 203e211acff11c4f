package org.yiwang.ledger;

import org.yiwang.ledger.CheckpointVerification.Outcome;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a kept checkpoint against the ledger as stored: the tree heads are recomputed from the entries
 * themselves (one walk, the same as the chain's verification), so neither a rewritten tail with a recomputed
 * hash chain nor a forged tree table can pass; the consistency proof is then built from the stored tree, as
 * served to others, and must verify between the checkpoint and the recomputed current root.
 */
final class CheckpointVerifier {

    private CheckpointVerifier() {
    }

    static CheckpointVerification verify(Connection connection, Checkpoint checkpoint, PublicKey key) throws SQLException {
        long m = checkpoint.size();
        String claimedRoot = checkpoint.rootHash();
        if (m < 0 || claimedRoot == null || !CheckpointKey.verifies(key, checkpoint)) {
            return new CheckpointVerification(Outcome.BAD_SIGNATURE, m, claimedRoot, 0, null, null, List.of(), null,
                    "the checkpoint's signature does not verify with the ledger's key " + CheckpointKey.keyId(key)
                            + (checkpoint.keyId() != null && !checkpoint.keyId().equals(CheckpointKey.keyId(key))
                            ? " (the checkpoint names key " + checkpoint.keyId() + ")" : ""));
        }
        MessageDigest digest = ChainHash.sha256();
        Frontier tree = new Frontier();
        byte[][] rootAtM = {m == 0 ? MerkleTree.emptyRoot() : null};
        Frontier.NodeSink none = (level, index, hash) -> {
        };
        LedgerVerification chain = ChainVerifier.verify(connection, record -> {
            tree.append(digest, MerkleTree.leafHash(digest, record), none);
            if (tree.size() == m) {
                rootAtM[0] = tree.root(digest);
            }
        });
        long n = tree.size();
        byte[] currentRoot = tree.root(digest);
        String current = ChainHash.hex(currentRoot);
        String recomputed = ChainHash.hex(rootAtM[0]);
        if (n < m) {
            return new CheckpointVerification(Outcome.TRUNCATED, m, claimedRoot, n, null, current, List.of(), chain,
                    "the ledger holds " + n + " entries, fewer than the " + m + " the checkpoint signed: entries "
                            + (n + 1) + " to " + m + " were deleted");
        }
        if (!claimedRoot.equalsIgnoreCase(recomputed)) {
            return new CheckpointVerification(Outcome.REWRITTEN, m, claimedRoot, n, recomputed, current, List.of(), chain,
                    "the first " + m + " entries hash to " + recomputed + ", not to the checkpoint's root " + claimedRoot
                            + ": entries the checkpoint covers were changed, deleted or replaced");
        }
        List<String> proof = List.of();
        boolean proofHolds;
        if (TreeTable.size(connection) < n) {
            proofHolds = false;
        } else {
            List<byte[]> path = TreeTable.withNodes(connection, nodes -> MerkleTree.consistencyPath(nodes, m, n));
            proof = path.stream().map(ChainHash::hex).toList();
            proofHolds = MerkleTree.verifyConsistency(m, n, ChainHash.HEX.parseHex(claimedRoot), currentRoot, path);
            byte[] storedRoot = TreeTable.withNodes(connection, nodes -> MerkleTree.root(nodes, n));
            proofHolds &= Arrays.equals(storedRoot, currentRoot);
        }
        if (!proofHolds) {
            return new CheckpointVerification(Outcome.TREE_MISMATCH, m, claimedRoot, n, recomputed, current, proof, chain,
                    "the entries extend the checkpoint, but the stored Merkle tree does not match them (entries after "
                            + m + " or the tree itself were changed), so the proofs it serves are wrong");
        }
        if (!chain.valid()) {
            return new CheckpointVerification(Outcome.CHAIN_BROKEN, m, claimedRoot, n, recomputed, current, proof, chain,
                    "the entries extend the checkpoint, but the hash chain is " + chain.summary());
        }
        return new CheckpointVerification(Outcome.CONSISTENT, m, claimedRoot, n, recomputed, current, proof, chain,
                "the ledger's " + n + " entries extend checkpoint " + m + " (" + claimedRoot + ")");
    }
}
