package org.yiwang.ledger;

import java.time.Instant;

/**
 * A sealed link of the chain: a {@link LedgerRecord} with its position and hashes (lowercase hex).
 *
 * @param seq      position in the chain, from 1, without gaps
 * @param prevHash the previous entry's hash; 64 zeros for the first
 * @param hash     SHA-256 of the previous hash and this entry's record (see {@link Ledger})
 */
public record LedgerEntry(long seq, String stream, String subjectId, String districtCode, String kind, Instant at,
                          long actorUserId, String canonical, String prevHash, String hash) {
}
