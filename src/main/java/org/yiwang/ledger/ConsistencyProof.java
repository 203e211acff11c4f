package org.yiwang.ledger;

import java.util.List;

/**
 * RFC 9162 §2.1.4 consistency proof: the tree of {@code to} entries (root {@code toRoot}) extends the tree of
 * {@code from} entries (root {@code fromRoot}), appending only. Hashes are lowercase hex.
 */
public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> path) {
}
