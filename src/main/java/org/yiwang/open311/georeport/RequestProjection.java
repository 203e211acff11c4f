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
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * One refresh per order of the batch: the projection is the order as it is after all of it. The batch's orders
     * are read at once and written by one multi-row upsert per {@value #ROWS_PER_STATEMENT} (it was a statement per
     * order); each order is one row of it, as a multi-row upsert may not touch a row twice.
     */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        Map<Long, Instant> latest = new LinkedHashMap<>();
        for (WorkOrderJournaled changed : changes) {
            latest.merge(changed.orderId(), changed.last().at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        // the batch's orders in one read; one the read did not return is looked up alone (and named if it is missing)
        Map<Long, WorkOrder> read = orders.getAll(latest.keySet(), Actor.system());
        List<Changed> rows = new ArrayList<>(latest.size());
        latest.forEach((id, at) -> rows.add(new Changed(read.containsKey(id) ? read.get(id) : orders.get(id, Actor.system()), at)));
        refresh(rows);
    }

    /** Writes the order's current state; runs in the caller's transaction. */
    public void refresh(long orderId, Instant changedAt) {
        refresh(List.of(new Changed(orders.get(orderId, Actor.system()), changedAt)));
    }

    /** An order as read after a change of it, and when that change was made. */
    record Changed(WorkOrder order, Instant at) {
    }

    /** @param rows at most one per order */
    private void refresh(List<Changed> rows) {
        write(rows);
        for (Changed row : rows) {
            long orderId = row.order().id();
            if (row.order().source() == Source.OPEN311) {
                records.statusOfOrder(orderId).ifPresent(record -> jdbc.sql(
                                "UPDATE open311_submission SET order_id = :order WHERE record_id = :record AND order_id IS NULL")
                        .param("order", orderId).param("record", record.id()).update());
            }
        }
    }

    /** Rows of one multi-row upsert (20 parameters each, far below the protocol's limit). */
    static final int ROWS_PER_STATEMENT = 200;
    private static final String UPSERT_INTO = """
            INSERT INTO open311_request (order_id, number, order_version, district_code, grid_code, service_code, status,
                suspended, master_order_id, agency_org_unit_id, agency, description, address, lat, lon, source, listed,
                requested_at, updated_at, expected_at)
            VALUES\s""";
    private static final String UPSERT_SET = """

            ON CONFLICT (order_id) DO UPDATE SET order_version = excluded.order_version, grid_code = excluded.grid_code,
                service_code = excluded.service_code, status = excluded.status, suspended = excluded.suspended,
                master_order_id = excluded.master_order_id, agency_org_unit_id = excluded.agency_org_unit_id,
                agency = excluded.agency, description = excluded.description, address = excluded.address,
                lat = excluded.lat, lon = excluded.lon, listed = excluded.listed,
                updated_at = greatest(open311_request.updated_at, excluded.updated_at), expected_at = excluded.expected_at
            WHERE open311_request.order_version <= excluded.order_version""";

    /** @param rows at most one per order */
    void write(List<Changed> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Changed> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> values = new ArrayList<>(chunk.size() * 20);
            for (Changed row : chunk) {
                WorkOrder o = row.order();
                Instant updated = o.updatedAt() != null && o.updatedAt().isAfter(row.at()) ? o.updatedAt() : row.at();
                Collections.addAll(values, o.id(), o.number(), o.version(), o.districtCode(), o.gridCode(), o.categoryCode(),
                        o.status().name(), o.suspended(), o.masterOrderId(), o.assigneeOrgUnitId(), agency(o.assigneeOrgUnitId()),
                        PersonalData.maskText(o.description()), o.address(), o.lat(), o.lon(), o.source().name(), listed(o),
                        Timestamp.from(o.createdAt()), Timestamp.from(updated),
                        o.status().isOpen() && o.stageDueAt() != null ? Timestamp.from(o.stageDueAt()) : null);
            }
            jdbc.sql(UPSERT_INTO + String.join(", ", Collections.nCopies(chunk.size(),
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) + UPSERT_SET)
                    .params(values).update();
        }
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
