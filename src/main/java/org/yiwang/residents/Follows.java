package org.yiwang.residents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 关注 — a resident follows a report (every step of it reaches their inbox) or an area, a grid (new problems reported
 * there and problems fixed there). One follow per resident and target: following again returns the same follow (with
 * the SMS choice of the latest request). Residents only; a resident sees and ends only their own follows.
 */
@Service
public class Follows {

    /** More than this many follows per resident is refused (a resident is not a monitoring service). */
    public static final int MAX_PER_RESIDENT = 200;

    private final JdbcClient jdbc;
    private final WorkOrderQueries orders;
    private final GridLocator grids;
    private final Clock clock;

    Follows(JdbcClient jdbc, WorkOrderQueries orders, GridLocator grids, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.grids = grids;
        this.clock = clock;
    }

    /** What is followed: a report or a grid. */
    public enum Kind { ORDER, GRID }

    /**
     * One follow.
     *
     * @param target the order's number or the grid's code
     * @param label  the grid's name, or the order's number
     */
    public record Follow(long id, Kind kind, Long orderId, String target, String label, boolean sms, Instant since) {
    }

    /** Follows a report; idempotent. */
    @Transactional
    public Follow followOrder(long orderId, boolean sms, Actor resident) {
        requireResident(resident);
        WorkOrder order = orders.getAll(List.of(orderId), Actor.system()).get(orderId);
        if (order == null) {
            throw LocalizedException.notFound("residents.error.orderNotFound", orderId);
        }
        requireRoom(resident);
        jdbc.sql("""
                        INSERT INTO residents_follow (user_id, order_id, district_code, sms, created_at) VALUES (:u, :o, :d, :sms, :at)
                        ON CONFLICT (order_id, user_id) WHERE order_id IS NOT NULL DO UPDATE SET sms = EXCLUDED.sms""")
                .param("u", resident.userId()).param("o", orderId).param("d", order.districtCode()).param("sms", sms)
                .param("at", Timestamp.from(clock.instant())).update();
        return mine(resident).stream().filter(f -> f.kind() == Kind.ORDER && f.orderId() == orderId).findFirst().orElseThrow();
    }

    /** Follows a grid (its new and fixed problems); idempotent. */
    @Transactional
    public Follow followGrid(String gridCode, boolean sms, Actor resident) {
        requireResident(resident);
        String code = gridCode == null ? "" : gridCode.strip();
        IndexedGrid grid = grids.grid(code).orElseThrow(() -> LocalizedException.badRequest("residents.error.unknownGrid", code));
        requireRoom(resident);
        jdbc.sql("""
                        INSERT INTO residents_follow (user_id, grid_code, district_code, sms, created_at) VALUES (:u, :g, :d, :sms, :at)
                        ON CONFLICT (grid_code, user_id) WHERE grid_code IS NOT NULL DO UPDATE SET sms = EXCLUDED.sms""")
                .param("u", resident.userId()).param("g", grid.code()).param("d", grid.district().code()).param("sms", sms)
                .param("at", Timestamp.from(clock.instant())).update();
        return mine(resident).stream().filter(f -> f.kind() == Kind.GRID && f.target().equals(grid.code())).findFirst().orElseThrow();
    }

    /** Ends one of the resident's follows; someone else's is "not found". */
    @Transactional
    public void unfollow(long followId, Actor resident) {
        int gone = jdbc.sql("DELETE FROM residents_follow WHERE id = :id AND user_id = :u")
                .param("id", followId).param("u", resident.userId()).update();
        if (gone == 0) {
            throw LocalizedException.notFound("residents.error.followNotFound", followId);
        }
    }

    /** The resident's follows, newest first. */
    @Transactional(readOnly = true)
    public List<Follow> mine(Actor resident) {
        List<Follow> found = jdbc.sql("""
                        SELECT id, order_id, grid_code, sms, created_at FROM residents_follow WHERE user_id = :u
                         ORDER BY created_at DESC, id DESC LIMIT :max""")
                .param("u", resident.userId()).param("max", MAX_PER_RESIDENT)
                .query(this::follow).list();
        Map<Long, WorkOrder> byId = orders.getAll(found.stream().map(Follow::orderId).filter(java.util.Objects::nonNull).toList(), Actor.system());
        return found.stream().map(f -> f.kind() == Kind.ORDER && byId.containsKey(f.orderId())
                ? new Follow(f.id(), f.kind(), f.orderId(), byId.get(f.orderId()).number(), byId.get(f.orderId()).number(), f.sms(), f.since())
                : f).toList();
    }

    /** Whether the resident follows the order. */
    @Transactional(readOnly = true)
    public boolean follows(long orderId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM residents_follow WHERE order_id = :o AND user_id = :u)")
                .param("o", orderId).param("u", userId).query(Boolean.class).single();
    }

    /** Who follows these orders: user id → whether they want SMS, per order. */
    Map<Long, Map<Long, Boolean>> orderFollowers(Collection<Long> orderIds) {
        Map<Long, Map<Long, Boolean>> found = new HashMap<>();
        if (orderIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT order_id, user_id, sms FROM residents_follow WHERE order_id = ANY (:ids)")
                .param("ids", orderIds.toArray(Long[]::new))
                .query(rs -> {
                    found.computeIfAbsent(rs.getLong("order_id"), k -> new HashMap<>()).put(rs.getLong("user_id"), rs.getBoolean("sms"));
                });
        return found;
    }

    /** Who follows these grids: user id → whether they want SMS, per grid. */
    Map<String, Map<Long, Boolean>> gridFollowers(Collection<String> gridCodes) {
        Map<String, Map<Long, Boolean>> found = new HashMap<>();
        Set<String> codes = new HashSet<>(gridCodes);
        codes.remove(null);
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT grid_code, user_id, sms FROM residents_follow WHERE grid_code = ANY (:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query(rs -> {
                    found.computeIfAbsent(rs.getString("grid_code"), k -> new HashMap<>()).put(rs.getLong("user_id"), rs.getBoolean("sms"));
                });
        return found;
    }

    private Follow follow(ResultSet rs, int n) throws SQLException {
        long orderId = rs.getLong("order_id");
        boolean order = !rs.wasNull();
        String grid = rs.getString("grid_code");
        String label = order ? String.valueOf(orderId) : grids.grid(grid).map(g -> g.grid().name()).orElse(grid);
        return new Follow(rs.getLong("id"), order ? Kind.ORDER : Kind.GRID, order ? orderId : null, order ? String.valueOf(orderId) : grid,
                label, rs.getBoolean("sms"), rs.getTimestamp("created_at").toInstant());
    }

    private void requireRoom(Actor resident) {
        long count = jdbc.sql("SELECT count(*) FROM residents_follow WHERE user_id = :u").param("u", resident.userId()).query(Long.class).single();
        if (count >= MAX_PER_RESIDENT) {
            throw LocalizedException.conflict("residents.error.tooManyFollows", MAX_PER_RESIDENT);
        }
    }

    static void requireResident(Actor actor) {
        if (!actor.has(Role.RESIDENT)) {
            throw LocalizedException.forbidden("residents.error.residentsOnly");
        }
    }
}
