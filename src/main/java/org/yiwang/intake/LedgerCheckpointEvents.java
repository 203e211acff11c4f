package org.yiwang.intake;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiwang.intake.webhook.EventTypes;
import org.yiwang.intake.webhook.Webhooks;
import org.yiwang.ledger.Checkpoint;
import org.yiwang.ledger.CheckpointSigned;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends each checkpoint the ledger signs to the webhook subscribers of {@code ledger.checkpoint}, so that copies
 * of the tree heads are kept outside this database (what makes truncation and rewrites detectable). Follows the
 * ledger's event after its commit, through the durable event publication registry.
 */
@Component
class LedgerCheckpointEvents {

    private final Webhooks webhooks;

    LedgerCheckpointEvents(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @ApplicationModuleListener
    void on(CheckpointSigned event) {
        Checkpoint c = event.checkpoint();
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("origin", c.origin());
        checkpoint.put("size", c.size());
        checkpoint.put("rootHash", c.rootHash());
        checkpoint.put("time", c.time());
        checkpoint.put("keyId", c.keyId());
        checkpoint.put("signature", c.signature());
        String key = "ledger.checkpoint:" + c.origin() + ":" + c.size();
        webhooks.publish(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), EventTypes.LEDGER_CHECKPOINT, null,
                Instant.parse(c.time()), null, null, Map.of("checkpoint", checkpoint));
    }
}
