package org.yiwang.ledger;

import java.time.Instant;

/**
 * A sealed link of the chain: a {@link LedgerRecord} with its position and hashes (lowercase hex).
 *
 * @param seq      position in the chain, from 1, without gaps
 * @param prevHash the previous entry's hash; 64 zeros for the first
 * @param hash     SHA-256 of the previous hash and this entry's record (see {@link Ledger})
 * @param leafHash the entry's leaf in the ledger's Merkle tree, SHA-256(0x00 || record): what a receipt keeps to
 *                 ask for its inclusion proof ({@code GET /api/ledger/proofs/inclusion?leaf=…}, {@link LedgerLog})
 */
public record LedgerEntry(long seq, String stream, String subjectId, String districtCode, String kind, Instant at,
                          long actorUserId, String canonical, String prevHash, String hash, String leafHash) {
}
