package org.yiwang.ledger.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.ledger.Checkpoint;
import org.yiwang.ledger.CheckpointVerification;
import org.yiwang.ledger.ConsistencyProof;
import org.yiwang.ledger.InclusionProof;
import org.yiwang.ledger.LedgerLog;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ledger as a transparency log: signed checkpoints, the key that signs them, inclusion and consistency
 * proofs for any signed-in user (they reveal hashes only); checking a kept checkpoint against the stored ledger
 * and signing one on demand for leaders and administrators.
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerLogController {

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    private final LedgerLog log;

    LedgerLogController(LedgerLog log) {
        this.log = log;
    }

    /** Checkpoints by size, oldest first, after {@code after} (a size); at most {@code limit}. */
    @GetMapping("/checkpoints")
    List<Checkpoint> checkpoints(@RequestParam(defaultValue = "-1") long after, @RequestParam(defaultValue = "100") int limit) {
        Actors.require();
        if (limit < 1 || limit > 1_000) {
            throw LocalizedException.badRequest("ledger.error.limit", 1, 1_000);
        }
        return log.checkpoints(after, limit);
    }

    @GetMapping("/checkpoints/latest")
    Checkpoint latest() {
        Actors.require();
        return log.latestCheckpoint().orElseThrow(() -> LocalizedException.notFound("ledger.error.noCheckpoint"));
    }

    @GetMapping("/checkpoints/{size}")
    Checkpoint checkpoint(@PathVariable long size) {
        Actors.require();
        return log.checkpoint(size).orElseThrow(() -> LocalizedException.notFound("ledger.error.checkpointNotFound", size));
    }

    /** Signs a checkpoint now (when the tree grew since the last one) and returns the latest. */
    @PostMapping("/checkpoints")
    Checkpoint signNow() {
        Actors.requireAny(Role.ADMIN);
        log.sign();
        return latest();
    }

    @GetMapping("/public-key")
    LedgerLog.PublicKeyInfo publicKey() {
        Actors.require();
        return log.publicKey();
    }

    /**
     * The inclusion proof of one entry, named by its leaf {@code index} (its seq − 1) or its {@code leaf} hash, in
     * the tree of {@code size} entries: by default that of the latest checkpoint (else the whole tree).
     */
    @GetMapping("/proofs/inclusion")
    InclusionProof inclusion(@RequestParam(required = false) @Nullable Long index, @RequestParam(required = false) @Nullable String leaf,
                             @RequestParam(required = false) @Nullable Long size) {
        Actors.require();
        if ((index == null) == (leaf == null)) {
            throw LocalizedException.badRequest("ledger.error.indexOrLeaf");
        }
        long treeSize = size != null ? size : log.latestCheckpoint().map(Checkpoint::size).orElseGet(log::size);
        requireSize(treeSize);
        long leafIndex;
        if (leaf != null) {
            if (!HASH.matcher(leaf).matches()) {
                throw LocalizedException.badRequest("ledger.error.leaf");
            }
            leafIndex = log.indexOf(HexFormat.of().parseHex(leaf))
                    .orElseThrow(() -> LocalizedException.notFound("ledger.error.leafNotFound", leaf));
        } else {
            leafIndex = index;
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw LocalizedException.badRequest("ledger.error.index", leafIndex, treeSize);
        }
        return log.inclusionProof(leafIndex, treeSize);
    }

    @GetMapping("/proofs/consistency")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        Actors.require();
        if (from < 0 || from > to) {
            throw LocalizedException.badRequest("ledger.error.range");
        }
        requireSize(to);
        return log.consistencyProof(from, to);
    }

    /** Whether the stored ledger extends a checkpoint kept elsewhere (the JSON as served); walks the whole ledger. */
    @PostMapping("/verify/against")
    CheckpointVerification verifyAgainst(@RequestBody Checkpoint checkpoint) {
        Actors.requireAny(Role.ADMIN, Role.LEADER);
        if (checkpoint.rootHash() == null || !HASH.matcher(checkpoint.rootHash()).matches() || checkpoint.size() < 0
                || checkpoint.origin() == null || checkpoint.time() == null || checkpoint.signature() == null) {
            throw LocalizedException.badRequest("ledger.error.checkpoint");
        }
        return log.verifyAgainst(checkpoint);
    }

    private void requireSize(long size) {
        long treeSize = log.size();
        if (size < 0 || size > treeSize) {
            throw LocalizedException.badRequest("ledger.error.size", treeSize);
        }
    }
}
