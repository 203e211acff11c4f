package org.yiwang.ledger;

import java.util.List;

/**
 * Whether the ledger as stored now is a consistent extension of a checkpoint someone kept: signed by the
 * ledger's key, not shorter (truncated), its first {@code checkpointSize} entries hashing to the checkpoint's
 * root (not rewritten — a rewrite that recomputed the hash chain included), the stored Merkle tree agreeing
 * with the entries, and the hash chain intact.
 *
 * @param outcome          {@link Outcome#CONSISTENT} or the first thing found wrong, in the order of {@link Outcome}
 * @param currentSize      entries stored now
 * @param recomputedRoot   the root of the first {@code checkpointSize} stored entries, recomputed from the
 *                         entries themselves; null when there are fewer
 * @param currentRoot      the root of all stored entries, recomputed from them
 * @param consistencyProof the RFC 9162 consistency proof from the checkpoint to {@code currentSize} built from
 *                         the stored tree (hex), checked against the checkpoint's root and {@code currentRoot};
 *                         empty when it could not be built
 * @param chain            the hash chain's own verification
 * @param detail           one sentence in English for logs and the command line
 */
public record CheckpointVerification(Outcome outcome, long checkpointSize, String checkpointRoot, long currentSize,
                                     String recomputedRoot, String currentRoot, List<String> consistencyProof,
                                     LedgerVerification chain, String detail) {

    public enum Outcome {
        /** The checkpoint's signature does not verify with the ledger's public key. */
        BAD_SIGNATURE,
        /** Fewer entries are stored than the checkpoint counted: the newest ones were deleted. */
        TRUNCATED,
        /** The first entries no longer hash to the checkpoint's root: changed, deleted, reordered or replaced. */
        REWRITTEN,
        /** The entries match the checkpoint but the stored Merkle tree (which proofs are built from) does not match the entries. */
        TREE_MISMATCH,
        /** The hash chain itself is broken (see {@code chain}). */
        CHAIN_BROKEN,
        /** The stored ledger extends the checkpoint. */
        CONSISTENT
    }

    public boolean consistent() {
        return outcome == Outcome.CONSISTENT;
    }

    /** {@code consistent with <size>: …} or {@code <OUTCOME>: <detail>}, as the command prints it. */
    public String summary() {
        return consistent() ? "consistent: " + detail : outcome + ": " + detail;
    }
}
