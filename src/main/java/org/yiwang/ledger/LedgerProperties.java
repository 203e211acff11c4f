package org.yiwang.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.ledger} (the pause between scheduled sealing rounds is
 * {@code yiwang.ledger.seal-interval}, 200ms by default).
 *
 * @param sealBatchSize      records chained per sealing transaction
 * @param sealerEnabled      whether this node runs the scheduled sealer (one node seals at a time anyway)
 * @param origin             the log's name in its checkpoints (one line, e.g. the installation's host name)
 * @param checkpointInterval how often a checkpoint of the Merkle tree is signed, when it has grown (one node at a time)
 * @param checkpointsEnabled whether this node signs checkpoints on schedule
 */
@ConfigurationProperties("yiwang.ledger")
record LedgerProperties(@DefaultValue("5000") int sealBatchSize,
                        @DefaultValue("true") boolean sealerEnabled,
                        @DefaultValue("yiwang") String origin,
                        @DefaultValue("1m") Duration checkpointInterval,
                        @DefaultValue("true") boolean checkpointsEnabled) {

    LedgerProperties {
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("yiwang.ledger.origin must be one non-blank line");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("yiwang.ledger.checkpoint-interval must be positive");
        }
    }
}
