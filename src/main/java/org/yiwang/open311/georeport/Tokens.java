package org.yiwang.open311.georeport;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.intake.PendingReports;
import org.yiwang.intake.RecordStatus;

import java.util.List;
import java.util.Locale;

/**
 * GET tokens/{token}: the service_request_id of a request that was not created at once, once a
 * dispatcher has located it (empty until then); 404 for an unknown token or a request the dispatcher
 * discarded (the description says why).
 */
@Component
public class Tokens {

    private final JdbcClient jdbc;
    private final PendingReports records;
    private final RequestProjection projection;
    private final MessageSource messages;
    private final java.time.Clock clock;

    Tokens(JdbcClient jdbc, PendingReports records, RequestProjection projection, MessageSource messages, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.projection = projection;
        this.messages = messages;
        this.clock = clock;
    }

    public List<GeoReportJson.TokenAnswer> find(String token, Locale locale) {
        Long recordId = token == null || !token.matches("[0-9a-f]{32}") ? null
                : jdbc.sql("SELECT record_id FROM open311_token WHERE token = :token").param("token", token)
                .query(Long.class).optional().orElse(null);
        RecordStatus status = recordId == null ? null : records.status(recordId).orElse(null);
        if (status == null) {
            throw new GeoReportException(404, messages.getMessage("open311.error.token", new Object[]{token}, locale));
        }
        if ("DISCARDED".equals(status.status())) {
            throw new GeoReportException(404, messages.getMessage("open311.error.tokenDiscarded",
                    new Object[]{token, status.discardReason()}, locale));
        }
        if (status.orderId() != null && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM open311_request WHERE order_id = :order)")
                .param("order", status.orderId()).query(Boolean.class).single()) {
            // read your writes: the id given out here must answer GET requests/{id} at once, not after the
            // projection's follower catches up (30–90 ms later)
            projection.refresh(status.orderId(), clock.instant());
        }
        return List.of(new GeoReportJson.TokenAnswer(status.orderNumber(), token));
    }
}
