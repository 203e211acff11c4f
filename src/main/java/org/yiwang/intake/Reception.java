package org.yiwang.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.Location;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.IntakeResult;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.WorkOrder;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * 统一接单 for the outside systems: one external report in, at most one work order out. The report is
 * located by its point, its standard-address code or words (标准地址), or its 数字城管 unit grid; a
 * located report becomes a work order through the one {@link Intake} pipeline (source 12345 / 数字城管,
 * idempotency key = channel + external number) in the same transaction as its intake record. A report
 * that cannot be located is kept for a dispatcher ({@link PendingReports}). The same external number
 * again creates nothing and returns what became of it the first time.
 */
@Service
public class Reception {

    private static final Logger log = LoggerFactory.getLogger(Reception.class);

    private final Intake intake;
    private final StandardAddresses addresses;
    private final GridLocator locator;
    private final IntakeRecords records;
    private final ReportEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reception(Intake intake, StandardAddresses addresses, GridLocator locator, IntakeRecords records, ReportEvents events,
              PlatformTransactionManager transactions, Clock clock) {
        this.intake = intake;
        this.addresses = addresses;
        this.locator = locator;
        this.records = records;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Receives one report sent by {@code actor} (the integration account or a dispatcher). */
    public Receipt receive(ExternalReport report, Actor actor) {
        return receive(report, actor, null, 0, null);
    }

    /**
     * @param known what a lookup of the number found (a file chunk looks its numbers up together), null to look it up now
     */
    Receipt receive(ExternalReport report, Actor actor, Long importId, long line, Optional<IntakeRecords.Row> known) {
        Optional<IntakeRecords.Row> earlier = known != null ? known : records.find(report.channel(), report.externalNo());
        if (earlier.isPresent()) {
            return earlier.get().receipt(Receipt.Outcome.DUPLICATE);
        }
        Optional<Placed> placed = place(report);
        try {
            return transaction.execute(status -> placed.isPresent()
                    ? create(report, placed.get(), actor, importId, line)
                    : hold(report, actor, importId, line));
        } catch (DuplicateKeyException | UnexpectedRollbackException raced) {
            // the same number arrived twice at once (two imports of one file): the other one won
            return records.find(report.channel(), report.externalNo())
                    .map(row -> row.receipt(Receipt.Outcome.DUPLICATE))
                    .orElseThrow(() -> raced);
        }
    }

    /** Where a report lies, and how that was found. */
    record Placed(double lat, double lon, LocatedBy by, String addressCode) {
    }

    /** Point (if inside the territory), address code, address words, unit grid — the first that works. */
    Optional<Placed> place(ExternalReport report) {
        if (report.hasPoint()) {
            CoordinateSystem crs = report.crs() == null ? CoordinateSystem.WGS84
                    : CoordinateSystem.parse(report.crs()).orElse(CoordinateSystem.WGS84);
            LonLat wgs84 = crs.toWgs84(new LonLat(report.lon(), report.lat()));
            if (locator.locate(wgs84).isPresent()) {
                return Optional.of(new Placed(wgs84.lat(), wgs84.lon(), LocatedBy.COORDINATES, null));
            }
            log.debug("{} {}: point {} lies outside every grid, trying its address", report.channel(), report.externalNo(), wgs84);
        }
        if (report.addressCode() != null) {
            Optional<StandardAddress> byCode = addresses.find(report.addressCode());
            if (byCode.isPresent()) {
                return Optional.of(new Placed(byCode.get().lat(), byCode.get().lon(), LocatedBy.STANDARD_ADDRESS, byCode.get().code()));
            }
        }
        if (report.address() != null) {
            Optional<AddressMatch> match = addresses.locate(report.address());
            if (match.isPresent()) {
                StandardAddress a = match.get().address();
                return Optional.of(new Placed(a.lat(), a.lon(), LocatedBy.STANDARD_ADDRESS, a.code()));
            }
        }
        if (report.unitGridCode() != null) {
            Optional<IndexedGrid> grid = locator.grid(report.unitGridCode());
            if (grid.isPresent()) {
                org.locationtech.jts.geom.Point inside = grid.get().geometry().getInteriorPoint();
                return Optional.of(new Placed(inside.getY(), inside.getX(), LocatedBy.UNIT_GRID, null));
            }
        }
        return Optional.empty();
    }

    /** Runs inside the caller's transaction: the order and its intake record commit together. */
    Receipt create(ExternalReport report, Placed placed, Actor actor, Long importId, long line) {
        IntakeResult result = intake.report(command(report, placed), Actor.system());
        WorkOrder order = result.order();
        Instant now = clock.instant();
        long id = records.insertCreated(report, order.id(), order.number(), order.districtCode(), order.gridCode(), placed.by(),
                placed.addressCode(), actor.userId(), importId, line, now);
        return new Receipt(result.replayed() ? Receipt.Outcome.DUPLICATE : Receipt.Outcome.CREATED, id, report.channel(),
                report.externalNo(), order.id(), order.number(), placed.by(), placed.addressCode());
    }

    private Receipt hold(ExternalReport report, Actor actor, Long importId, long line) {
        Instant now = clock.instant();
        String districtHint = districtHint(report);
        long id = records.insertPending(report, districtHint, actor.userId(), importId, line, now);
        events.pending(id, report, districtHint, now);
        return new Receipt(Receipt.Outcome.PENDING, id, report.channel(), report.externalNo(), null, null, null, null);
    }

    /** The district a 数字城管 unit grid code names (its first six digits), so that the right dispatchers see the report. */
    private String districtHint(ExternalReport report) {
        String grid = report.unitGridCode();
        return grid != null && grid.length() >= 6 ? grid.substring(0, 6) : null;
    }

    /** The intake command: the report's text with its external facts, placed at the point found. */
    static ReportProblem command(ExternalReport report, Placed placed) {
        return new ReportProblem(describe(report), report.categoryCode(), placed.lat(), placed.lon(), CoordinateSystem.WGS84.id(),
                report.address(), report.channel().source(), report.urgency(), report.reporterName(), report.reporterPhone(),
                java.util.List.of(), report.channel().idempotencyKey(report.externalNo()), report.externalDueAt());
    }

    /**
     * The order's description: the report's text, then (when it fits in the 4,000 characters) a line with
     * the external number, the type as the other system wrote it, its time limit, component and unit grid.
     */
    static String describe(ExternalReport report) {
        StringBuilder facts = new StringBuilder();
        switch (report.channel()) {
            case HOTLINE_12345 -> facts.append("12345工单编号：").append(report.externalNo());
            case URBAN_MANAGEMENT -> facts.append("数字城管案件编号：").append(report.externalNo());
            case OPEN311 -> {
                // the client's request key means nothing to a dispatcher
            }
        }
        if (report.categoryText() != null && report.categoryCode() == null) {
            facts.append("；类型：").append(report.categoryText());
        }
        report.details().forEach((name, value) -> {
            if (name.startsWith("attribute:")) {
                facts.append("；").append(name.substring("attribute:".length())).append("：").append(value);
            }
        });
        if (report.externalDueAt() != null) {
            facts.append("；办理时限：").append(org.yiwang.platform.ChinaTime.MINUTES.format(report.externalDueAt()));
        }
        if (report.componentId() != null) {
            facts.append("；部件标识码：").append(report.componentId());
        }
        if (report.unitGridCode() != null) {
            facts.append("；单元网格：").append(report.unitGridCode());
        }
        if (report.details().containsKey("caseSource")) {
            facts.append("；案件来源：").append(report.details().get("caseSource"));
        }
        String text = report.description().strip();
        String joined = facts.toString().startsWith("；") ? facts.substring(1) : facts.toString();
        if (joined.isEmpty()) {
            return text;
        }
        String full = text + "\n【" + joined + "】";
        return full.length() <= ReportProblem.MAX_DESCRIPTION ? full : text;
    }

    /** Whether a point lies in the territory (for dispatchers locating by hand). */
    Optional<Location> locate(LonLat wgs84) {
        return locator.locate(wgs84);
    }
}
