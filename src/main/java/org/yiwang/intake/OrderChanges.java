package org.yiwang.intake;

import org.springframework.stereotype.Component;
import org.yiwang.intake.webhook.EventTypes;
import org.yiwang.intake.webhook.Webhooks;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows every work-order transition after it committed (from the work-order journal, so also after a
 * crash): orders of the hotline and 数字城管 get a status-feed entry with their external number, and
 * every subscriber that wants the event gets a webhook delivery queued — both in this follower's
 * transaction, both keyed by the event so that a redelivered event adds nothing.
 */
@Component
class OrderChanges implements JournalFollower {

    private static final Duration NAMES_TTL = Duration.ofMinutes(10);

    private final IntakeRecords records;
    private final IntakeFeed feed;
    private final Webhooks webhooks;
    private final Organization organization;
    private final Clock clock;
    private final Map<Long, Name> names = new ConcurrentHashMap<>();

    private record Name(String name, Instant loadedAt) {
    }

    OrderChanges(IntakeRecords records, IntakeFeed feed, Webhooks webhooks, Organization organization, Clock clock) {
        this.records = records;
        this.feed = feed;
        this.webhooks = webhooks;
        this.organization = organization;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "intake.order-changes";
    }

    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        changes.forEach(changed -> changed.transitions().forEach(this::apply));
    }

    private void apply(WorkOrderTransitioned e) {
        String key = "order:" + e.orderId() + ":" + e.action() + ":" + e.at().toEpochMilli() + ":" + e.to();
        Optional<Channel> channel = Channel.of(e.source()).filter(c -> c != Channel.OPEN311);
        Optional<IntakeRecords.Row> record = channel.isPresent() ? records.byOrder(e.orderId()) : Optional.empty();
        String agency = agency(e.assigneeOrgUnitId());
        if (channel.isPresent()) {
            feed.append(key, channel.get(), record.map(IntakeRecords.Row::externalNo).orElse(null), record.map(IntakeRecords.Row::id).orElse(null),
                    e.gridCode(), "ORDER", e.orderId(), e.number(), e.action().name(), e.from() == null ? null : e.from().name(),
                    e.to().name(), agency, e.stageDueAt(), null, e.at());
        }
        webhooks.publish(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), EventTypes.of(e.action()), e.source().name(),
                e.at(), e.orderId(), e.districtCode(), payload(e, agency, record));
    }

    static Map<String, Object> payload(WorkOrderTransitioned e, String agency, Optional<IntakeRecords.Row> record) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", e.orderId());
        order.put("number", e.number());
        order.put("action", e.action().name());
        order.put("from", e.from() == null ? null : e.from().name());
        order.put("to", e.to().name());
        order.put("open", e.to().isOpen());
        order.put("source", e.source().name());
        order.put("districtCode", e.districtCode());
        order.put("gridCode", e.gridCode());
        order.put("categoryCode", e.categoryCode());
        order.put("urgency", e.urgency() == null ? null : e.urgency().name());
        Map<String, Object> unit = new LinkedHashMap<>();
        if (e.assigneeOrgUnitId() != null) {
            unit.put("id", e.assigneeOrgUnitId());
            unit.put("name", agency);
        }
        order.put("agency", e.assigneeOrgUnitId() == null ? null : unit);
        order.put("stage", e.stage() == null ? null : e.stage().name());
        order.put("stageDueAt", e.stageDueAt() == null ? null : Webhooks.TIME.format(e.stageDueAt()));
        order.put("suspended", e.suspended());
        order.put("supervisionCount", e.supervisionCount());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order", order);
        record.ifPresent(r -> data.put("external", Map.of("channel", r.channel().name(), "externalNo", r.externalNo())));
        return data;
    }

    private String agency(Long unitId) {
        if (unitId == null) {
            return null;
        }
        Instant now = clock.instant();
        Name cached = names.get(unitId);
        if (cached == null || Duration.between(cached.loadedAt, now).compareTo(NAMES_TTL) > 0) {
            cached = new Name(organization.find(unitId).map(OrgUnit::name).orElse(null), now);
            names.put(unitId, cached);
        }
        return cached.name;
    }
}
