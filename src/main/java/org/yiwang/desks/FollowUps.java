package org.yiwang.desks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The 回访 desk's tasks: opened by {@link DissatisfiedRatings} for a dissatisfied rating, listed for the command
 * centre of the order's territory, and done when a dispatcher records the call — reopening the order through
 * the work-order {@link Action#REOPEN} action when the resident says the problem persists.
 */
@Service
public class FollowUps {

    public static final int PAGE_SIZE = 50;

    private static final String COLUMNS = """
            SELECT id, order_id, order_number, district_code, street_code, rated_at, created_at, status, reached, result,
                   reopened, done_by_name, done_at, due_at FROM desks_follow_up""";

    private final JdbcClient jdbc;
    private final WorkOrderQueries orders;
    private final WorkOrderActions actions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final DesksProperties settings;

    FollowUps(JdbcClient jdbc, WorkOrderQueries orders, WorkOrderActions actions, TransactionTemplate transactions, Clock clock,
              WorkingCalendar calendar, DesksProperties settings) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.actions = actions;
        this.transactions = transactions;
        this.clock = clock;
        this.calendar = calendar;
        this.settings = settings;
    }

    /**
     * A task for the rating of {@code order} at {@code ratedAt}, due {@code yiwang.desks.follow-up-days} working days
     * from now; empty when one exists already (a change applied twice).
     */
    Optional<Long> open(WorkOrder order, Instant ratedAt) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        INSERT INTO desks_follow_up (order_id, order_number, district_code, street_code, rated_at, created_at, status, due_at)
                        VALUES (:order, :number, :district, :street, :rated, :now, 'OPEN', :due)
                        ON CONFLICT (order_id, rated_at) DO NOTHING RETURNING id""")
                .param("order", order.id())
                .param("number", order.number())
                .param("district", order.districtCode())
                .param("street", order.streetCode())
                .param("rated", at(ratedAt))
                .param("now", at(now))
                .param("due", at(calendar.addWorkingDays(now, settings.followUpDays())))
                .query(Long.class).optional();
    }

    /** The tasks of the reader's territory, open ones oldest first, or done ones newest first. */
    public List<FollowUp> list(FollowUp.Status status, Actor reader) {
        requireDesk(reader);
        String order = status == FollowUp.Status.OPEN ? "due_at, id" : "done_at DESC, id DESC";
        return jdbc.sql(COLUMNS + " WHERE status = :status AND coalesce(street_code, district_code) LIKE ANY (:scope) ORDER BY "
                        + order + " LIMIT " + PAGE_SIZE)
                .param("status", status.name())
                .param("scope", reader.scope().likePatterns())
                .query(FollowUps::row).list();
    }

    public long countOpen(Actor reader) {
        requireDesk(reader);
        return jdbc.sql("SELECT count(*) FROM desks_follow_up WHERE status = 'OPEN' AND coalesce(street_code, district_code) LIKE ANY (:scope)")
                .param("scope", reader.scope().likePatterns()).query(Long.class).single();
    }

    /** One task; 404 unless the reader's territory holds its order. */
    public FollowUp get(long id, Actor reader) {
        requireDesk(reader);
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(FollowUps::row).optional()
                .filter(f -> reader.scope().covers(f.streetCode() != null ? f.streetCode() : f.districtCode()))
                .orElseThrow(() -> LocalizedException.notFound("desks.followUp.error.notFound", id));
    }

    /**
     * Records the call; with {@code reopen} the order is reopened (REGISTERED again, for the dispatcher to send
     * out), in the same transaction.
     *
     * @throws LocalizedException 404 outside the reader's territory, 409 when the task was done already or the
     *                            order cannot be reopened in its state
     */
    public FollowUp record(long id, RecordCall call, Actor actor) {
        FollowUp task = get(id, actor);
        transactions.executeWithoutResult(tx -> {
            int changed = jdbc.sql("""
                            UPDATE desks_follow_up SET version = version + 1, status = 'DONE', reached = :reached, result = :result,
                                   reopened = :reopened, done_by = :by, done_by_name = :byName, done_at = :now
                             WHERE id = :id AND status = 'OPEN'""")
                    .param("reached", call.reached())
                    .param("result", call.result())
                    .param("reopened", call.reopen())
                    .param("by", actor.userId())
                    .param("byName", actor.displayName())
                    .param("now", at(clock.instant()))
                    .param("id", id)
                    .update();
            if (changed == 0) {
                throw LocalizedException.conflict("desks.followUp.error.done", task.orderNumber());
            }
            if (call.reopen()) {
                actions.perform(task.orderId(), Action.REOPEN, ActOnOrder.note("回访：" + call.result()), actor);
            }
        });
        return get(id, actor);
    }

    private static void requireDesk(Actor actor) {
        if (!actor.isSystem() && !actor.hasAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static FollowUp row(ResultSet rs, int n) throws SQLException {
        return new FollowUp(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_number"), rs.getString("district_code"),
                rs.getString("street_code"), instant(rs, "rated_at"), instant(rs, "created_at"),
                FollowUp.Status.valueOf(rs.getString("status")), bool(rs, "reached"), rs.getString("result"), bool(rs, "reopened"),
                rs.getString("done_by_name"), instant(rs, "done_at"), instant(rs, "due_at"));
    }
}
