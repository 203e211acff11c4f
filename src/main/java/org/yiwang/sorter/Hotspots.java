package org.yiwang.sorter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 热点 — clusters of similar reports in space and time: at least N reports of one category in one grid
 * within the window raise an alert, once per cluster, to the dispatchers of the grid's street; later
 * reports join the cluster while they keep coming within the window. Listed for the command centre
 * within the reader's data scope.
 */
@Service
public class Hotspots {

    private static final Logger log = LoggerFactory.getLogger(Hotspots.class);
    private static final String SELECT = """
            SELECT id, district_code, street_code, grid_code, category_code, status, first_at, last_at, order_count, detected_at
            FROM sorter_hotspot""";

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Organization organization;
    private final People people;
    private final Catalog catalog;
    private final SorterProperties properties;
    private final Clock clock;

    Hotspots(JdbcClient jdbc, Notifications notifications, Organization organization, People people, Catalog catalog,
             SorterProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.organization = organization;
        this.people = people;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts the reports of the order's category in its grid within the window before it; from N on, the
     * order joins the open cluster or starts one (and the alert goes out). Returns the cluster, if any.
     */
    Optional<Long> check(IntakeTraces.Trace order) {
        return Optional.ofNullable(checkAll(List.of(order)).get(order.orderId()));
    }

    /**
     * {@link #check} for many reports, in their order: the reports in each one's window are counted by one
     * statement for all of them; only a report that reaches N touches a cluster. A grid and category's open
     * cluster is locked and read once per call (the lock is held to the end of the transaction, so what this call
     * wrote is all that changed it), and the reports that join a cluster are written at the end, by one statement
     * per cluster (it was two statements per report); starting a cluster still costs two more. Returns the
     * cluster each report joined.
     */
    Map<Long, Long> checkAll(List<IntakeTraces.Trace> orders) {
        List<IntakeTraces.Trace> counted = orders.stream()
                .filter(o -> o.categoryCode() != null && !"VOIDED".equals(o.status())).toList();
        if (counted.isEmpty()) {
            return Map.of();
        }
        SorterProperties.HotspotRules rules = properties.hotspots();
        // per report: whether at least N reports of its category in its grid fall within the window before it
        // (counting stops at N: a busy grid costs no more than a quiet one)
        // each report weighs 1 + its supporters (附议): residents affected, not just reports filed
        Map<Long, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT n.order_id, (SELECT coalesce(sum(w.weight), 0) FROM (
                                   SELECT 1 + r.supporters AS weight FROM sorter_intake r
                                    WHERE r.grid_code = n.grid_code AND r.category_code = n.category_code
                                      AND r.reported_at > n.reported_at - make_interval(secs => :window) AND r.reported_at <= n.reported_at
                                      AND r.status <> 'VOIDED'
                                    LIMIT :enough) AS w) AS reports
                          FROM unnest(cast(:ids AS bigint[])) AS i(id)
                          JOIN sorter_intake n ON n.order_id = i.id""")
                .param("window", (double) rules.window().toSeconds())
                .param("enough", rules.minReports())
                .param("ids", counted.stream().map(IntakeTraces.Trace::orderId).toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong("order_id"), rs.getInt("reports"));
                });
        Map<Long, Long> joined = new LinkedHashMap<>();
        Map<String, Open> open = new java.util.HashMap<>();
        Map<Long, Joining> joining = new LinkedHashMap<>();
        for (IntakeTraces.Trace order : counted) {
            if (counts.getOrDefault(order.orderId(), 0) >= rules.minReports()) {
                joined.put(order.orderId(), join(order, rules, open, joining));
            }
        }
        joining.forEach(this::write);
        return joined;
    }

    /**
     * The open cluster of a grid and category as the database has it once this call's joins are written, locked by
     * this transaction: its last report's time in epoch milliseconds, as it is read back.
     */
    private record Open(long id, long lastAt) {
    }

    /** The reports joining a cluster, not yet written, and the newest of their times. */
    private static final class Joining {
        final Set<Long> orders = new LinkedHashSet<>();
        Instant last;

        void add(Long[] ids, Instant at) {
            java.util.Collections.addAll(orders, ids);
            last = last == null || at.isAfter(last) ? at : last;
        }
    }

    /**
     * The order joins the open cluster of its grid and category, or starts one with every report of its window.
     * The joins are collected in {@code joining} (by cluster) for {@link #write}; {@code known} has the open cluster
     * of a grid and category once this call locked it.
     */
    private long join(IntakeTraces.Trace order, SorterProperties.HotspotRules rules, Map<String, Open> known,
                      Map<Long, Joining> joining) {
        Instant from = order.reportedAt().minus(rules.window());
        String key = order.gridCode() + '\n' + order.categoryCode();
        Open locked = known.remove(key);
        Optional<long[]> open = locked != null ? Optional.of(new long[]{locked.id(), locked.lastAt()}) : jdbc.sql("""
                        SELECT id, last_at FROM sorter_hotspot WHERE grid_code = :grid AND category_code = :category AND status = 'OPEN'
                        FOR UPDATE""")
                .param("grid", order.gridCode()).param("category", order.categoryCode())
                .query((rs, n) -> new long[]{rs.getLong(1), SorterModels.instant(rs, "last_at").toEpochMilli()}).optional();
        if (open.isPresent() && Instant.ofEpochMilli(open.get()[1]).isBefore(from)) {
            // the old cluster went quiet for a whole window: this is a new one
            jdbc.sql("UPDATE sorter_hotspot SET status = 'ENDED' WHERE id = :id").param("id", open.get()[0]).update();
            open = Optional.empty();
        }
        long id;
        boolean created = false;
        boolean theirs = false;
        List<long[]> window = List.of();
        if (open.isPresent()) {
            id = open.get()[0];
        } else {
            window = windowOf(order, rules);
            Instant first = Instant.ofEpochMilli(window.stream().mapToLong(r -> r[1]).min().orElse(order.reportedAt().toEpochMilli()));
            Optional<Long> inserted = jdbc.sql("""
                            INSERT INTO sorter_hotspot (district_code, street_code, grid_code, category_code, status, first_at, last_at,
                                order_count, detected_at)
                            VALUES (:district, :street, :grid, :category, 'OPEN', :first, :last, 0, :now)
                            ON CONFLICT (grid_code, category_code) WHERE status = 'OPEN' DO NOTHING
                            RETURNING id""")
                    .param("district", order.districtCode()).param("street", order.streetCode())
                    .param("grid", order.gridCode()).param("category", order.categoryCode())
                    .param("first", SorterModels.at(first)).param("last", SorterModels.at(order.reportedAt()))
                    .param("now", SorterModels.at(clock.instant()))
                    .query(Long.class).optional();
            if (inserted.isPresent()) {
                id = inserted.get();
                created = true;
            } else {
                // another node (or event) created it a moment ago
                id = jdbc.sql("SELECT id FROM sorter_hotspot WHERE grid_code = :grid AND category_code = :category AND status = 'OPEN'")
                        .param("grid", order.gridCode()).param("category", order.categoryCode()).query(Long.class).single();
                theirs = true;
            }
        }
        // a new cluster takes every report of the window; an open one already holds the earlier reports
        // (each joined when it was checked), so only this order joins; written with the call's other joins of it
        Long[] joins = created ? window.stream().map(r -> r[0]).toArray(Long[]::new) : new Long[]{order.orderId()};
        Joining pending = joining.computeIfAbsent(id, h -> new Joining());
        pending.add(joins, order.reportedAt());
        if (theirs) {
            // not locked when it was read: written now, and read (and locked) again by the next report
            write(id, joining.remove(id));
        } else {
            // greatest(last_at, this report's time), as the row will say once the joins are written
            long last = order.reportedAt().toEpochMilli();
            known.put(key, new Open(id, open.isPresent() ? Math.max(open.get()[1], last) : last));
        }
        if (created) {
            alert(id, order, window.size());
        }
        return id;
    }

    /** The reports join the cluster, counted once each, and its last report's time moves forward; one statement. */
    private void write(long id, Joining joining) {
        jdbc.sql("""
                        WITH joined AS (
                            INSERT INTO sorter_hotspot_order (hotspot_id, order_id) SELECT :h, unnest(cast(:orders AS bigint[]))
                            ON CONFLICT DO NOTHING RETURNING 1)
                        UPDATE sorter_hotspot SET last_at = greatest(last_at, :last), order_count = order_count + (SELECT count(*) FROM joined)
                         WHERE id = :h""")
                .param("h", id).param("orders", joining.orders.toArray(Long[]::new)).param("last", SorterModels.at(joining.last)).update();
    }

    /**
     * The reports (id, reported at in epoch milliseconds) of the order's category in its grid within the window
     * before it: a new cluster takes them all.
     */
    private List<long[]> windowOf(IntakeTraces.Trace order, SorterProperties.HotspotRules rules) {
        return jdbc.sql("""
                        SELECT order_id, reported_at FROM sorter_intake
                        WHERE grid_code = :grid AND category_code = :category AND reported_at > :from AND reported_at <= :to
                          AND status <> 'VOIDED'""")
                .param("grid", order.gridCode()).param("category", order.categoryCode())
                .param("from", SorterModels.at(order.reportedAt().minus(rules.window()))).param("to", SorterModels.at(order.reportedAt()))
                .query((rs, n) -> new long[]{rs.getLong(1), SorterModels.instant(rs, "reported_at").toEpochMilli()}).list();
    }

    private void alert(long id, IntakeTraces.Trace order, int count) {
        Set<Long> dispatchers = new LinkedHashSet<>();
        organization.officeOf(order.streetCode()).map(OrgUnit::id)
                .ifPresent(office -> people.membersOf(office, Role.DISPATCHER).stream().map(UserSummary::id).forEach(dispatchers::add));
        log.info("Hot spot {}: {} reports of {} in grid {}", id, count, order.categoryCode(), order.gridCode());
        if (dispatchers.isEmpty()) {
            return;
        }
        String name = catalog.find(order.categoryCode()).map(Category::name).orElse(order.categoryCode());
        notifications.notify(Notice.to(dispatchers, "sorter.notice.hotspot", count, name, order.gridCode(),
                        properties.hotspots().window().toDays())
                .withLink("/api/sorter/hotspots/" + id)
                .withDedupKey("sorter-hotspot:" + id));
    }

    /** Hot spots in the reader's data scope, newest first; only open ones unless {@code all}. */
    @Transactional(readOnly = true)
    public List<Hotspot> list(boolean all, int limit, Actor reader) {
        requireStaff(reader);
        if (limit < 1 || limit > 200) {
            throw LocalizedException.badRequest("sorter.error.limit", 200);
        }
        String[] patterns = reader.scope().likePatterns();
        if (patterns.length == 0) {
            return List.of();
        }
        List<Hotspot> spots = jdbc.sql(SELECT + " WHERE grid_code LIKE ANY (:patterns)" + (all ? "" : " AND status = 'OPEN' AND last_at >= :quiet")
                        + " ORDER BY detected_at DESC, id DESC LIMIT :limit")
                .param("patterns", patterns).param("limit", limit)
                .param("quiet", SorterModels.at(clock.instant().minus(properties.hotspots().window()))).query(this::hotspot).list();
        return withOrders(spots);
    }

    @Transactional(readOnly = true)
    public Hotspot get(long id, Actor reader) {
        requireStaff(reader);
        Hotspot spot = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::hotspot).optional()
                .filter(h -> reader.scope().covers(h.gridCode()))
                .orElseThrow(() -> LocalizedException.notFound("sorter.error.hotspotNotFound", id));
        return withOrders(List.of(spot)).getFirst();
    }

    private static void requireStaff(Actor reader) {
        if (!reader.hasAny(Role.DISPATCHER, Role.LEADER, Role.ADMIN, Role.COMMUNITY_STAFF, Role.GRID_WORKER)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    private List<Hotspot> withOrders(List<Hotspot> spots) {
        if (spots.isEmpty()) {
            return spots;
        }
        Map<Long, Integer> affected = new java.util.HashMap<>();
        Map<Long, List<OrderRef>> orders = new LinkedHashMap<>();
        jdbc.sql("SELECT h.hotspot_id, i.supporters AS weight_supporters, " + IntakeTraces.columns("i") + " FROM sorter_hotspot_order h JOIN sorter_intake i ON i.order_id = h.order_id"
                        + " WHERE h.hotspot_id = ANY (:ids) ORDER BY i.reported_at, i.order_id")
                .param("ids", spots.stream().map(Hotspot::id).toArray(Long[]::new))
                .query(rs -> {
                    orders.computeIfAbsent(rs.getLong("hotspot_id"), k -> new ArrayList<>()).add(IntakeTraces.trace(rs, 0).ref());
                    affected.merge(rs.getLong("hotspot_id"), 1 + rs.getInt("weight_supporters"), Integer::sum);
                });
        return spots.stream().map(h -> new Hotspot(h.id(), h.districtCode(), h.streetCode(), h.gridCode(), h.categoryCode(),
                h.categoryName(), h.status(), h.firstAt(), h.lastAt(), h.orderCount(), h.detectedAt(),
                List.copyOf(orders.getOrDefault(h.id(), List.of())), affected.getOrDefault(h.id(), h.orderCount()))).toList();
    }

    private Hotspot hotspot(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category_code");
        String status = rs.getString("status");
        Instant last = SorterModels.instant(rs, "last_at");
        if ("OPEN".equals(status) && last.isBefore(clock.instant().minus(properties.hotspots().window()))) {
            status = "ENDED"; // quiet for a whole window; the row says so when the next report comes
        }
        return new Hotspot(rs.getLong("id"), rs.getString("district_code"), rs.getString("street_code"), rs.getString("grid_code"),
                category, catalog.find(category).map(Category::name).orElse(category), status,
                SorterModels.instant(rs, "first_at"), SorterModels.instant(rs, "last_at"), rs.getInt("order_count"),
                SorterModels.instant(rs, "detected_at"), List.of(), rs.getInt("order_count"));
    }
}
