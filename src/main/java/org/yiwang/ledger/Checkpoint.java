package org.yiwang.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A signed tree head (检查点) of the ledger's Merkle tree, as served and as saved by whoever keeps one: the
 * log {@code origin}, its {@code size} in entries, the RFC 9162 root hash of those entries, the time it was
 * signed, and an Ed25519 signature over {@link #text()}. Whoever keeps a checkpoint can later prove that the
 * ledger was neither truncated nor rewritten ({@code ledger verify --against}, consistency proofs).
 *
 * @param rootHash  lowercase hex
 * @param time      ISO-8601 instant, signed as written here
 * @param keyId     the first 16 hex digits of the SHA-256 of the signing key's X.509 encoding
 * @param signature base64 of the 64-byte Ed25519 signature over {@link #text()}
 */
public record Checkpoint(String origin, long size, String rootHash, String time, String keyId, String signature) {

    /**
     * What is signed, in the manner of a C2SP tlog checkpoint: the origin, the size in decimal, the root hash in
     * base64 and the time, each on a line of its own ending in a newline.
     */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(ChainHash.HEX.parseHex(rootHash)) + "\n"
                + time + "\n";
    }

    byte[] textBytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
