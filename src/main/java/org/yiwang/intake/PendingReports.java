package org.yiwang.intake;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.Location;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.IntakeResult;
import org.yiwang.workorder.WorkOrder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reports left for a dispatcher (待定位): external reports whose place neither a point, a standard
 * address nor a unit grid gave. A dispatcher locates one (standard address, grid, or point on the map)
 * — then it becomes a work order like any other, with the external number as its idempotency key — or
 * discards it with a reason, which the status feed reports back.
 */
@Service
public class PendingReports {

    public static final int MAX_PAGE_SIZE = 200;

    private final IntakeRecords records;
    private final StandardAddresses addresses;
    private final GridLocator locator;
    private final Intake intake;
    private final ReportEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PendingReports(IntakeRecords records, StandardAddresses addresses, GridLocator locator, Intake intake, ReportEvents events,
                   PlatformTransactionManager transactions, Clock clock) {
        this.records = records;
        this.addresses = addresses;
        this.locator = locator;
        this.intake = intake;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A page of pending reports, oldest first. */
    public record Page(List<PendingReport> content, int page, int size, long totalElements) {
    }

    public Page list(Channel channel, int page, int size, Actor reader) {
        requireDispatcher(reader);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw LocalizedException.badRequest("intake.error.pageSize", MAX_PAGE_SIZE);
        }
        String[] patterns = reader.scope().likePatterns();
        List<PendingReport> content = records.pending(patterns, channel, page, size).stream().map(r -> view(r, reader)).toList();
        return new Page(content, page, size, records.countPending(patterns, channel));
    }

    public PendingReport get(long id, Actor reader) {
        requireDispatcher(reader);
        return view(visible(records.find(id), reader, id), reader);
    }

    /** What became of a report so far; for a channel's own status calls (Open311 tokens). */
    public Optional<RecordStatus> status(long id) {
        return records.find(id).map(PendingReports::status);
    }

    /** The external report an order came from, if it came through intake. */
    public Optional<RecordStatus> statusOfOrder(long orderId) {
        return records.byOrder(orderId).map(PendingReports::status);
    }

    /** What became of a channel's report, when it lies in the reader's territory (as {@link #pending} shows it). */
    public Optional<RecordStatus> status(Channel channel, String externalNo, Actor reader) {
        return records.find(channel, externalNo).filter(r -> mayRead(r, reader)).map(PendingReports::status);
    }

    /** Locates a pending report and creates its work order; 409 when it is no longer pending. */
    public Receipt locate(long id, LocatePending where, Actor dispatcher) {
        requireDispatcher(dispatcher);
        Reception.Placed placed = place(where);
        Location location = locator.locate(new LonLat(placed.lon(), placed.lat()))
                .orElseThrow(() -> new LocalizedException(HttpStatus.UNPROCESSABLE_CONTENT, "intake.error.outsideGrids", placed.lat(), placed.lon()));
        String grid = location.comprehensiveGrid().orElse(location.grids().getFirst()).code();
        if (!dispatcher.scope().covers(grid)) {
            throw LocalizedException.forbidden("intake.error.outsideScope", grid);
        }
        return transaction.execute(status -> {
            IntakeRecords.Row row = visible(records.lock(id), dispatcher, id);
            if (!IntakeRecords.PENDING.equals(row.status())) {
                throw LocalizedException.conflict("intake.error.notPending", id, row.status());
            }
            IntakeResult result = intake.report(Reception.command(row.report(), placed), Actor.system());
            WorkOrder order = result.order();
            records.markCreated(id, order.id(), order.number(), order.districtCode(), order.gridCode(), placed.by(),
                    placed.addressCode(), dispatcher.userId(), clock.instant());
            return new Receipt(Receipt.Outcome.CREATED, id, row.channel(), row.externalNo(), order.id(), order.number(),
                    placed.by(), placed.addressCode());
        });
    }

    /** Discards a pending report (not a matter for the platform, a duplicate, no usable place); the reason goes back in the feed. */
    public RecordStatus discard(long id, String reason, Actor dispatcher) {
        requireDispatcher(dispatcher);
        if (reason == null || reason.isBlank()) {
            throw LocalizedException.badRequest("intake.error.reasonRequired");
        }
        if (reason.length() > 500) {
            throw LocalizedException.badRequest("intake.field.tooLong", 500, reason.length());
        }
        return transaction.execute(status -> {
            IntakeRecords.Row row = visible(records.lock(id), dispatcher, id);
            if (!IntakeRecords.PENDING.equals(row.status())) {
                throw LocalizedException.conflict("intake.error.notPending", id, row.status());
            }
            Instant now = clock.instant();
            records.markDiscarded(id, reason.strip(), dispatcher.userId(), now);
            events.discarded(id, row.channel(), row.externalNo(), row.districtCode(), reason.strip(), now);
            return status(records.find(id).orElseThrow());
        });
    }

    private Reception.Placed place(LocatePending where) {
        if (where == null) {
            throw LocalizedException.badRequest("intake.error.placeChoice");
        }
        int given = (where.addressCode() != null && !where.addressCode().isBlank() ? 1 : 0)
                + (where.gridCode() != null && !where.gridCode().isBlank() ? 1 : 0)
                + (where.lat() != null || where.lon() != null ? 1 : 0);
        if (given != 1) {
            throw LocalizedException.badRequest("intake.error.placeChoice");
        }
        if (where.addressCode() != null && !where.addressCode().isBlank()) {
            StandardAddress a = addresses.find(where.addressCode())
                    .orElseThrow(() -> LocalizedException.notFound("intake.error.addressNotFound", where.addressCode()));
            return new Reception.Placed(a.lat(), a.lon(), LocatedBy.STANDARD_ADDRESS, a.code());
        }
        if (where.gridCode() != null && !where.gridCode().isBlank()) {
            IndexedGrid grid = locator.grid(where.gridCode().strip())
                    .orElseThrow(() -> LocalizedException.notFound("intake.error.gridNotFound", where.gridCode()));
            org.locationtech.jts.geom.Point inside = grid.geometry().getInteriorPoint();
            return new Reception.Placed(inside.getY(), inside.getX(), LocatedBy.DISPATCHER, null);
        }
        if (where.lat() == null || where.lon() == null) {
            throw LocalizedException.badRequest("intake.field.pointIncomplete");
        }
        if (!LonLat.isLatitude(where.lat()) || !LonLat.isLongitude(where.lon())) {
            throw LocalizedException.badRequest("intake.error.point", where.lat(), where.lon());
        }
        CoordinateSystem crs = where.crs() == null || where.crs().isBlank() ? CoordinateSystem.WGS84
                : CoordinateSystem.parse(where.crs()).orElseThrow(() -> LocalizedException.badRequest("intake.field.crs", where.crs()));
        LonLat wgs84 = crs.toWgs84(new LonLat(where.lon(), where.lat()));
        return new Reception.Placed(wgs84.lat(), wgs84.lon(), LocatedBy.DISPATCHER, null);
    }

    private static IntakeRecords.Row visible(Optional<IntakeRecords.Row> row, Actor reader, long id) {
        return row.filter(r -> mayRead(r, reader))
                .orElseThrow(() -> LocalizedException.notFound("intake.error.recordNotFound", id));
    }

    private static boolean mayRead(IntakeRecords.Row r, Actor reader) {
        // once located, the grid decides (a street dispatcher's scope does not cover the whole district)
        return reader.isSystem() || (r.gridCode() != null ? reader.scope().covers(r.gridCode())
                : r.districtCode() == null || reader.scope().covers(r.districtCode()));
    }

    private static void requireDispatcher(Actor actor) {
        if (!actor.isSystem() && !actor.hasAny(Role.DISPATCHER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    static RecordStatus status(IntakeRecords.Row r) {
        return new RecordStatus(r.id(), r.channel(), r.externalNo(), r.status(), r.orderId(), r.orderNumber(), r.discardReason());
    }

    static PendingReport view(IntakeRecords.Row r, Actor reader) {
        return new PendingReport(r.id(), r.channel(), r.externalNo(), r.receivedAt(), r.externalDueAt(),
                Masking.text(r.description(), reader), r.address(), r.addressCode(), r.categoryCode(), r.categoryText(), r.urgency(),
                Masking.name(r.reporterName()), Masking.phone(r.reporterPhone()), r.lat(), r.lon(), r.crs(), r.unitGridCode(),
                r.componentId(), r.districtCode(), r.createdAt());
    }
}
