package org.yiwang.workorder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of orders, always within the reader's data scope: territorial staff by the grid-code
 * prefixes of their scope, units by assignment, residents their own reports.
 */
@Service
public class WorkOrderQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private final WorkOrders orders;
    private final org.springframework.beans.factory.ObjectProvider<OrderReadGrants> grants;
    private final TransitionLog transitions;
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkOrderQueries(WorkOrders orders, TransitionLog transitions, JdbcClient jdbc, Clock clock,
                     org.springframework.beans.factory.ObjectProvider<OrderReadGrants> grants) {
        this.grants = grants;
        this.orders = orders;
        this.transitions = transitions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One order with its full history; 404 when it does not exist or is outside the reader's scope. */
    public OrderDetail detail(long id, Actor reader) {
        WorkOrder order = orders.findById(id)
                .filter(o -> mayRead(reader, o))
                .orElseThrow(() -> LocalizedException.notFound("workorder.error.notFound", id));
        return new OrderDetail(order, transitions.history(id), allowedActions(order, reader));
    }

    /** The detail of an order the caller just acted on (already loaded and checked): only the history is read. */
    public OrderDetail detail(WorkOrder order, Actor reader) {
        return new OrderDetail(order, transitions.history(order.id()), allowedActions(order, reader));
    }

    /** The detail of an order built from a history the caller already has (e.g. right after intake). */
    public static OrderDetail detail(WorkOrder order, java.util.List<Transition> history, Actor reader) {
        return new OrderDetail(order, history, allowedActions(order, reader));
    }

    public WorkOrder get(long id, Actor reader) {
        return orders.findById(id)
                .filter(o -> mayRead(reader, o))
                .orElseThrow(() -> LocalizedException.notFound("workorder.error.notFound", id));
    }

    /**
     * Several orders in one read, for followers that handle many changes at once; orders the reader may not
     * see, or that do not exist, are left out.
     */
    public Map<Long, WorkOrder> getAll(java.util.Collection<Long> ids, Actor reader) {
        Map<Long, WorkOrder> found = new java.util.HashMap<>();
        for (WorkOrder order : orders.findAllById(ids)) {
            if (mayRead(reader, order)) {
                found.put(order.id(), order);
            }
        }
        return found;
    }

    /** In the reader's scope, or opened to one of the reader's units by another module ({@link OrderReadGrants}). */
    boolean mayRead(Actor reader, WorkOrder order) {
        return ActionPolicy.canSee(reader, order) || grants.orderedStream().anyMatch(g -> g.mayRead(order.id(), reader));
    }

    /** The actions the reader could take now (state and permission), for buttons and API clients. */
    public static List<Action> allowedActions(WorkOrder order, Actor reader) {
        List<Action> actions = new ArrayList<>();
        for (Action action : Action.values()) {
            if (action != Action.REPORT && action.allowedIn(order.status()) && ActionPolicy.mayPerform(reader, action, order)
                    && ActionPolicy.applicable(reader, action, order)
                    && !(action == Action.APPROVE && order.verified())
                    && (!order.suspended() || action == Action.RESUME || action == Action.SUPERVISE || action == Action.VOID
                        || action == Action.REPEAT_CALL)) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** An order with its history and what the reader may do next. */
    public record OrderDetail(WorkOrder order, List<Transition> history, List<Action> allowedActions) {
    }

    /** A page of orders, newest first. */
    public record Page(List<WorkOrder> content, int page, int size, long totalElements) {
    }

    /** How a list of orders is ordered. */
    public enum OrderSort {
        /** Newest first. */
        NEWEST("o.created_at desc, o.id desc"),
        /**
         * The running stage's due time first: overdue (red) orders lead, then those due soonest; orders
         * without a running clock come last. What a handler or dispatcher works through.
         */
        DUE_FIRST("o.stage_due_at asc nulls last, o.id asc");

        private final String sql;

        OrderSort(String sql) {
            this.sql = sql;
        }
    }

    public Page list(OrderFilter filter, int page, int size, Actor reader) {
        return list(filter, OrderSort.NEWEST, page, size, reader);
    }

    /** Orders in the reader's scope that match the filter, in the given order. */
    public Page list(OrderFilter filter, OrderSort sort, int page, int size, Actor reader) {
        return page(filter, sort, null, page, size, reader);
    }

    /**
     * Orders in the reader's scope whose unit asked for more time (申请延时) and waits for an answer,
     * the soonest due first.
     */
    public Page extensionRequests(int page, int size, Actor reader) {
        return page(OrderFilter.NONE, OrderSort.DUE_FIRST,
                "o.extension_requested_until is not null and " + WorkOrderStatus.inSql("o.status", WorkOrderStatus.WITH_UNIT), page, size, reader);
    }

    /**
     * Orders in the reader's scope waiting in a co-handling queue: {@code RETURN} — a co-handler's 退单 waits for the
     * dispatcher; {@code DISPUTE} — a dispute waits for the command centre's ruling (仲裁). Soonest due first.
     */
    public Page coHandlingQueue(String attention, int page, int size, Actor reader) {
        if (!attention.equals("RETURN") && !attention.equals("DISPUTE")) {
            throw LocalizedException.badRequest("error.typeMismatch", "queue", attention);
        }
        return page(OrderFilter.NONE, OrderSort.DUE_FIRST, "o.co_handling_attention = '" + attention + "'", page, size, reader);
    }

    /** How many orders in the reader's scope match the filter, by state (one query; states without orders are absent). */
    public Map<WorkOrderStatus, Long> countByStatus(OrderFilter filter, Actor reader) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, reader, params);
        Map<WorkOrderStatus, Long> counts = new java.util.EnumMap<>(WorkOrderStatus.class);
        bind(jdbc.sql("select o.status, count(*) from workorder_order o where " + where + " group by o.status"), params)
                .query(rs -> {
                    counts.put(WorkOrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** How many orders in the reader's scope wait for an answer to an extension request. */
    public long countExtensionRequests(Actor reader) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(OrderFilter.NONE, reader, params);
        return bind(jdbc.sql("select count(*) from workorder_order o where " + where
                + " and o.extension_requested_until is not null and " + WorkOrderStatus.inSql("o.status", WorkOrderStatus.WITH_UNIT)), params)
                .query(Long.class).single();
    }

    private Page page(OrderFilter filter, OrderSort sort, String extra, int page, int size, Actor reader) {
        if (page < 0) {
            throw LocalizedException.badRequest("error.typeMismatch", "page", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw LocalizedException.badRequest("workorder.error.pageSize", MAX_PAGE_SIZE);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, reader, params) + (extra == null ? "" : " and " + extra);
        long total = bind(jdbc.sql("select count(*) from workorder_order o where " + where), params).query(Long.class).single();
        List<Long> ids = bind(jdbc.sql("select o.id from workorder_order o where " + where
                        + " order by " + sort.sql + " limit :limit offset :offset"), params)
                .param("limit", size).param("offset", (long) page * size)
                .query(Long.class).list();
        List<WorkOrder> content = new ArrayList<>();
        Map<Long, WorkOrder> byId = new LinkedHashMap<>();
        orders.findAllById(ids).forEach(o -> byId.put(o.id(), o));
        ids.forEach(id -> content.add(byId.get(id)));
        return new Page(content, page, size, total);
    }

    private String where(OrderFilter f, Actor reader, Map<String, Object> params) {
        List<String> scope = new ArrayList<>();
        if (reader.hasAny(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF, Role.GRID_WORKER)
                && reader.scope().likePatterns().length > 0) {
            scope.add("coalesce(o.grid_code, o.district_code) like any (:patterns)");
            params.put("patterns", reader.scope().likePatterns());
        }
        List<Long> units = new ArrayList<>(reader.scope().departmentIds());
        if (reader.orgUnitId() != null && !units.contains(reader.orgUnitId())) {
            units.add(reader.orgUnitId());
        }
        if (!units.isEmpty()) {
            scope.add("o.assignee_org_unit_id = any (:units) or o.assist_org_unit_ids && cast(:units as bigint[])");
            params.put("units", units.toArray(Long[]::new));
        }
        scope.add("o.reporter_user_id = :me or o.assignee_user_id = :me");
        params.put("me", reader.userId());
        List<String> clauses = new ArrayList<>();
        clauses.add("(" + String.join(" or ", scope) + ")");
        if (Boolean.TRUE.equals(f.mine())) {
            clauses.add("(o.reporter_user_id = :me or o.assignee_user_id = :me"
                    + (units.isEmpty() ? "" : " or o.assignee_org_unit_id = any (:units) or o.assist_org_unit_ids && cast(:units as bigint[])")
                    + ")"); // a co-handling unit (协办) works the order from its inbox too
        }
        if (f.status() != null) {
            clauses.add("o.status = :status");
            params.put("status", f.status().name());
        }
        if (f.open() != null) {
            clauses.add((f.open() ? "" : "not ") + "(" + WorkOrderStatus.openSql("o.status") + ")");
        }
        if (f.categoryCode() != null && !f.categoryCode().isBlank()) {
            clauses.add("o.category_code like :category");
            params.put("category", f.categoryCode().strip().toUpperCase(java.util.Locale.ROOT) + "%");
        }
        if (f.source() != null) {
            clauses.add("o.source = :source");
            params.put("source", f.source().name());
        }
        if (f.area() != null && !f.area().isBlank()) {
            String area = f.area().strip();
            if (!area.chars().allMatch(Character::isDigit) || area.length() > 15) {
                throw LocalizedException.badRequest("workorder.error.area", area);
            }
            clauses.add("coalesce(o.grid_code, o.district_code) like :area");
            params.put("area", area + "%");
        }
        if (f.createdFrom() != null) {
            clauses.add("o.created_at >= :from");
            params.put("from", Timestamp.from(f.createdFrom()));
        }
        if (f.createdTo() != null) {
            clauses.add("o.created_at < :to");
            params.put("to", Timestamp.from(f.createdTo()));
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            clauses.add("o.stage_due_at < :now and not o.suspended");
            params.put("now", Timestamp.from(clock.instant()));
        }
        if (f.q() != null && !f.q().isBlank()) {
            clauses.add("(o.number = :q or o.description ilike :like or o.address ilike :like)");
            params.put("q", f.q().strip());
            params.put("like", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return String.join(" and ", clauses);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        params.forEach(spec::param);
        return spec;
    }
}
