package org.yiwang.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yiwang.ledger} (the pause between scheduled sealing rounds is
 * {@code yiwang.ledger.seal-interval}, 200ms by default).
 *
 * @param sealBatchSize records chained per sealing transaction
 * @param sealerEnabled whether this node runs the scheduled sealer (one node seals at a time anyway)
 */
@ConfigurationProperties("yiwang.ledger")
record LedgerProperties(@DefaultValue("5000") int sealBatchSize,
                        @DefaultValue("true") boolean sealerEnabled) {
}
