package org.yiwang.intake;

import org.springframework.stereotype.Component;
import org.yiwang.intake.webhook.EventTypes;
import org.yiwang.intake.webhook.Webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the status feed and the webhook subscribers that an external report is pending (waits for a
 * dispatcher) or was discarded; runs in the caller's transaction, with the record change.
 */
@Component
class ReportEvents {

    private final IntakeFeed feed;
    private final Webhooks webhooks;

    ReportEvents(IntakeFeed feed, Webhooks webhooks) {
        this.feed = feed;
        this.webhooks = webhooks;
    }

    void pending(long recordId, ExternalReport report, String districtHint, Instant at) {
        feed.append("record:" + recordId + ":PENDING", report.channel(), report.externalNo(), recordId, districtHint, "PENDING",
                null, null, null, null, null, null, null, null, at);
        publish(EventTypes.REPORT_PENDING, recordId, report.channel(), report.externalNo(), districtHint, null, at);
    }

    void discarded(long recordId, Channel channel, String externalNo, String districtHint, String reason, Instant at) {
        feed.append("record:" + recordId + ":DISCARDED", channel, externalNo, recordId, districtHint, "DISCARDED",
                null, null, null, null, null, null, null, reason, at);
        publish(EventTypes.REPORT_DISCARDED, recordId, channel, externalNo, districtHint, reason, at);
    }

    private void publish(String type, long recordId, Channel channel, String externalNo, String district, String reason, Instant at) {
        Map<String, Object> external = new LinkedHashMap<>();
        external.put("channel", channel.name());
        external.put("externalNo", externalNo);
        external.put("recordId", recordId);
        if (reason != null) {
            external.put("reason", reason);
        }
        String key = "record:" + recordId + ":" + type;
        webhooks.publish(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), type, channel.source().name(), at,
                null, district, Map.of("external", external));
    }
}
