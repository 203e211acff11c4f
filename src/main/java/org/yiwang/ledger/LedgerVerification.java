package org.yiwang.ledger;

/**
 * The outcome of walking the whole chain: valid, or where it first breaks.
 *
 * @param valid      whether every entry links to its predecessor and hashes to its stored hash
 * @param length     entries checked and found intact: the whole chain when valid, else those before the break
 * @param headHash   hash of the last intact entry (64 zeros for an empty chain) — worth writing down
 *                   somewhere else, since only an outside copy can reveal that the newest entries were cut off
 * @param pending    records appended but not yet sealed into the chain
 * @param firstBreak the first broken link, null when valid
 */
public record LedgerVerification(boolean valid, long length, String headHash, long pending, Break firstBreak) {

    public LedgerVerification {
        if (valid != (firstBreak == null)) {
            throw new IllegalArgumentException("a verification is valid exactly when nothing is broken");
        }
    }

    /**
     * @param seq          the first sequence number that does not check out (for a gap: the missing one)
     * @param expectedHash what the chain says the value should be: the recomputed hash, or the previous
     *                     entry's hash for a broken link; null for a gap
     * @param storedHash   what the entry holds: its hash, or its previous-hash field for a broken link
     * @param detail       one sentence in English for logs and the command line
     */
    public record Break(long seq, Reason reason, String expectedHash, String storedHash, String detail) {
    }

    public enum Reason {
        /** The entry's content (or its hash) was changed: the recomputed hash differs from the stored one. */
        HASH_MISMATCH,
        /** The entry's previous-hash field is not the hash of the entry before it. */
        PREV_LINK_MISMATCH,
        /** An entry is missing (deleted) or out of place. */
        GAP_IN_SEQ
    }

    /** {@code valid <length>} or {@code broken at <seq>: <detail>}, as the command prints it. */
    public String summary() {
        return valid ? "valid " + length : "broken at " + firstBreak.seq() + ": " + firstBreak.detail();
    }
}
