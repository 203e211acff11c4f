package org.yiwang.ledger;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * RFC 9162 §2.1.3 inclusion proof: entry {@code seq} (leaf {@code index = seq - 1}) is in the tree of
 * {@code treeSize} entries whose root is {@code rootHash}. Hashes are lowercase hex.
 *
 * @param leafHash   SHA-256(0x00 || the entry's record)
 * @param auditPath  sibling hashes from the leaf up
 * @param checkpoint the signed checkpoint of that size, when one was signed
 */
public record InclusionProof(long index, long seq, long treeSize, String leafHash, List<String> auditPath, String rootHash,
                             @Nullable Checkpoint checkpoint) {
}
