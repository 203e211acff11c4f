package org.yiwang.workorder;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 附议 — residents who say "me too" to an open report instead of filing a duplicate: one per resident per
 * order (a second time changes nothing), never the reporter, only while the order is open. The number of
 * residents affected (reporter + supporters) is what dispatchers see and what the sorter weighs in hot spots.
 * Also finds the open reports near a point that the report form offers before a resident files a new one.
 */
@Service
public class Supporters {

    /** How far from the pin an open report still counts as "the same problem nearby", in metres. */
    public static final int NEAR_METRES = 300;
    static final int MAX_NEARBY = 5;

    private final WorkOrders orders;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Supporters(WorkOrders orders, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a 附议: the count after it, and whether this call added the resident (false on a repeat). */
    public record Support(long orderId, String number, int residentsAffected, boolean added) {
    }

    /**
     * Adds the resident to the order's supporters; a resident who already supports it gets the same answer with
     * {@code added} false. Refused (and nothing written) for staff, for the reporter, and for an ended order.
     */
    @Transactional
    public Support support(long orderId, Actor resident) {
        if (!resident.has(Role.RESIDENT)) {
            throw LocalizedException.forbidden("workorder.support.residentsOnly");
        }
        WorkOrder order = orders.findById(orderId).orElseThrow(() -> LocalizedException.notFound("workorder.error.notFound", orderId));
        Long reporter = order.reporterUserId();
        if (reporter != null && reporter == resident.userId()) {
            throw LocalizedException.conflict("workorder.support.ownReport", order.number());
        }
        boolean already = jdbc.sql("SELECT EXISTS (SELECT 1 FROM workorder_supporter WHERE order_id = :o AND user_id = :u)")
                .param("o", orderId).param("u", resident.userId()).query(Boolean.class).single();
        if (!already && !order.status().isOpen()) {
            throw LocalizedException.conflict("workorder.support.ended", order.number(), order.status().name());
        }
        int inserted = already ? 0 : jdbc.sql("""
                        INSERT INTO workorder_supporter (order_id, user_id, district_code, supported_at) VALUES (:o, :u, :d, :at)
                        ON CONFLICT ON CONSTRAINT workorder_supporter_pk DO NOTHING""")
                .param("o", orderId).param("u", resident.userId()).param("d", order.districtCode())
                .param("at", Timestamp.from(clock.instant())).update();
        int affected = residentsAffected(orderId);
        if (inserted > 0) {
            events.publishEvent(new OrderSupported(orderId, order.districtCode(), order.gridCode(), resident.userId(), affected));
        }
        return new Support(orderId, order.number(), affected, inserted > 0);
    }

    /** The reporter plus the supporters of an order. */
    @Transactional(readOnly = true)
    public int residentsAffected(long orderId) {
        return 1 + jdbc.sql("SELECT count(*) FROM workorder_supporter WHERE order_id = :o").param("o", orderId)
                .query(Integer.class).single();
    }

    /** {@link #residentsAffected} for many orders at once (orders without supporters are 1). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> residentsAffected(Collection<Long> orderIds) {
        Map<Long, Integer> counts = new HashMap<>();
        orderIds.forEach(id -> counts.put(id, 1));
        if (orderIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT order_id, count(*) AS n FROM workorder_supporter WHERE order_id = ANY (:ids) GROUP BY order_id")
                .param("ids", orderIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong("order_id"), 1 + rs.getInt("n"));
                });
        return counts;
    }

    /** The user ids of an order's supporters, oldest first (for notices to everyone affected). */
    @Transactional(readOnly = true)
    public List<Long> supporterIds(long orderId) {
        return jdbc.sql("SELECT user_id FROM workorder_supporter WHERE order_id = :o ORDER BY supported_at, user_id")
                .param("o", orderId).query(Long.class).list();
    }

    /** {@link #supporterIds(long)} for many orders in one read; orders without supporters are left out. */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> supporterIds(Collection<Long> orderIds) {
        Map<Long, List<Long>> found = new HashMap<>();
        if (orderIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT order_id, user_id FROM workorder_supporter WHERE order_id = ANY (:ids) ORDER BY supported_at, user_id")
                .param("ids", orderIds.toArray(Long[]::new))
                .query(rs -> {
                    found.computeIfAbsent(rs.getLong("order_id"), k -> new java.util.ArrayList<>()).add(rs.getLong("user_id"));
                });
        return found;
    }

    /** Whether the user supports the order. */
    @Transactional(readOnly = true)
    public boolean supports(long orderId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM workorder_supporter WHERE order_id = :o AND user_id = :u)")
                .param("o", orderId).param("u", userId).query(Boolean.class).single();
    }

    /**
     * An open report near a point, as any signed-in resident may see it: no reporter, the description with phone and
     * ID numbers masked and shortened, the distance and the count of residents affected.
     */
    public record Nearby(long id, String number, String categoryCode, String status, String description, int metres,
                         int residentsAffected, boolean mine, boolean supported, Instant reportedAt) {
    }

    /**
     * The open reports within {@value #NEAR_METRES} m of the point, in the category when one is given (any category
     * otherwise), nearest first, at most {@value #MAX_NEARBY}; uses the GiST index on open orders' points.
     */
    @Transactional(readOnly = true)
    public List<Nearby> nearbyOpen(double lat, double lon, String categoryCode, Actor reader) {
        double dLat = NEAR_METRES / 111_320.0;
        double dLon = NEAR_METRES / (111_320.0 * Math.max(0.1, Math.cos(Math.toRadians(lat))));
        String category = categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip();
        return jdbc.sql("""
                        SELECT o.id, o.number, o.category_code, o.status, o.description, o.lat, o.lon, o.reporter_user_id, o.created_at,
                               (SELECT count(*) FROM workorder_supporter s WHERE s.order_id = o.id) AS supporters,
                               EXISTS (SELECT 1 FROM workorder_supporter s WHERE s.order_id = o.id AND s.user_id = :me) AS supported
                          FROM workorder_order o
                         WHERE point(o.lon, o.lat) <@ box(point(:west, :south), point(:east, :north))
                           AND\s""" + WorkOrderStatus.openSql("o.status") + """
                           AND o.master_order_id IS NULL
                           AND (CAST(:category AS varchar) IS NULL OR o.category_code = :category)""")
                .param("west", lon - dLon).param("east", lon + dLon).param("south", lat - dLat).param("north", lat + dLat)
                .param("category", category).param("me", reader.userId())
                .query((rs, n) -> {
                    long reporter = rs.getLong("reporter_user_id");
                    String text = PersonalData.textFor(reader, reporter, rs.getString("description"));
                    if (text.length() > 80) {
                        text = text.substring(0, 80) + "…";
                    }
                    int metres = (int) Math.round(metres(lat, lon, rs.getDouble("lat"), rs.getDouble("lon")));
                    return new Nearby(rs.getLong("id"), rs.getString("number"), rs.getString("category_code"), rs.getString("status"),
                            text, metres, 1 + rs.getInt("supporters"), reporter > 0 && reporter == reader.userId(),
                            rs.getBoolean("supported"), rs.getTimestamp("created_at").toInstant());
                })
                .list().stream()
                .filter(n -> n.metres() <= NEAR_METRES)
                .sorted(java.util.Comparator.comparingInt(Nearby::metres).thenComparing(Nearby::id, java.util.Comparator.reverseOrder()))
                .limit(MAX_NEARBY)
                .toList();
    }

    /** Great-circle distance in metres (haversine); good to a metre at these distances. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
