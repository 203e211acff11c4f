package org.yiwang.open311.georeport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.intake.PendingReports;
import org.yiwang.open311.Open311Properties;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.PersonalData;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the public read model ({@code open311_request}) in step with the work orders: after every
 * saved change (followed from the work-order journal, so also after a crash) the order is read back and its row
 * written, unless a newer version of it is already there — events of one order may be handled in any
 * order or twice. Descriptions are stored with phone and ID numbers masked; the caller's name and phone
 * never reach this table.
 */
@Component
public class RequestProjection implements JournalFollower {

    private static final Duration NAMES_TTL = Duration.ofMinutes(10);

    private final WorkOrderQueries orders;
    private final Organization organization;
    private final PendingReports records;
    private final JdbcClient jdbc;
    private final Open311Properties properties;
    private final Clock clock;
    private final Map<Long, Name> names = new ConcurrentHashMap<>();

    private record Name(String name, Instant loadedAt) {
    }

    RequestProjection(WorkOrderQueries orders, Organization organization, PendingReports records, JdbcClient jdbc,
                      Open311Properties properties, Clock clock) {
        this.orders = orders;
        this.organization = organization;
        this.records = records;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "open311.requests";
    }

    /** One refresh per order of the batch: the projection is the order as it is after all of it. */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        Map<Long, Instant> latest = new LinkedHashMap<>();
        for (WorkOrderJournaled changed : changes) {
            latest.merge(changed.orderId(), changed.last().at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        // the batch's orders in one read; one the read did not return is looked up alone (and named if it is missing)
        Map<Long, WorkOrder> read = orders.getAll(latest.keySet(), Actor.system());
        latest.forEach((id, at) -> refresh(read.containsKey(id) ? read.get(id) : orders.get(id, Actor.system()), at));
    }

    /** Writes the order's current state; runs in the caller's transaction. */
    public void refresh(long orderId, Instant changedAt) {
        refresh(orders.get(orderId, Actor.system()), changedAt);
    }

    private void refresh(WorkOrder order, Instant changedAt) {
        long orderId = order.id();
        write(order, changedAt);
        if (order.source() == Source.OPEN311) {
            records.statusOfOrder(orderId).ifPresent(record -> jdbc.sql(
                            "UPDATE open311_submission SET order_id = :order WHERE record_id = :record AND order_id IS NULL")
                    .param("order", orderId).param("record", record.id()).update());
        }
    }

    void write(WorkOrder o, Instant changedAt) {
        Instant updated = o.updatedAt() != null && o.updatedAt().isAfter(changedAt) ? o.updatedAt() : changedAt;
        jdbc.sql("""
                        INSERT INTO open311_request (order_id, number, order_version, district_code, grid_code, service_code, status,
                            suspended, master_order_id, agency_org_unit_id, agency, description, address, lat, lon, source, listed,
                            requested_at, updated_at, expected_at)
                        VALUES (:id, :number, :version, :district, :grid, :service, :status, :suspended, :master, :unit, :agency,
                            :description, :address, :lat, :lon, :source, :listed, :requested, :updated, :expected)
                        ON CONFLICT (order_id) DO UPDATE SET order_version = excluded.order_version, grid_code = excluded.grid_code,
                            service_code = excluded.service_code, status = excluded.status, suspended = excluded.suspended,
                            master_order_id = excluded.master_order_id, agency_org_unit_id = excluded.agency_org_unit_id,
                            agency = excluded.agency, description = excluded.description, address = excluded.address,
                            lat = excluded.lat, lon = excluded.lon, listed = excluded.listed,
                            updated_at = greatest(open311_request.updated_at, excluded.updated_at), expected_at = excluded.expected_at
                        WHERE open311_request.order_version <= excluded.order_version""")
                .param("id", o.id()).param("number", o.number()).param("version", o.version())
                .param("district", o.districtCode()).param("grid", o.gridCode()).param("service", o.categoryCode())
                .param("status", o.status().name()).param("suspended", o.suspended()).param("master", o.masterOrderId())
                .param("unit", o.assigneeOrgUnitId()).param("agency", agency(o.assigneeOrgUnitId()))
                .param("description", PersonalData.maskText(o.description())).param("address", o.address())
                .param("lat", o.lat()).param("lon", o.lon()).param("source", o.source().name())
                .param("listed", listed(o))
                .param("requested", Timestamp.from(o.createdAt())).param("updated", Timestamp.from(updated))
                .param("expected", o.status().isOpen() && o.stageDueAt() != null ? Timestamp.from(o.stageDueAt()) : null)
                .update();
    }

    /** Whether GET requests lists the order (its source is public, its category not a personal matter). */
    boolean listed(WorkOrder o) {
        if (!properties.listedSources().contains(o.source().name())) {
            return false;
        }
        String category = o.categoryCode();
        return category == null || properties.hiddenCategoryPrefixes().stream().noneMatch(category::startsWith);
    }

    private String agency(Long unitId) {
        if (unitId == null) {
            return null;
        }
        Instant now = clock.instant();
        Name cached = names.get(unitId);
        if (cached == null || Duration.between(cached.loadedAt(), now).compareTo(NAMES_TTL) > 0) {
            cached = new Name(organization.find(unitId).map(OrgUnit::name).orElse(null), now);
            names.put(unitId, cached);
        }
        return cached.name();
    }
}
