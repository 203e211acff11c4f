package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.geo.Grids;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * 走访周期 per grid: the default of {@code yiwang.fieldwork.visits}, or the grid's own where an administrator
 * (any grid) or its community's staff (grids in their scope) set one.
 */
@Service
public class VisitCycles {

    private final JdbcClient jdbc;
    private final Grids grids;
    private final VisitCycle defaultCycle;
    private final Clock clock;

    VisitCycles(JdbcClient jdbc, Grids grids, FieldworkProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.defaultCycle = properties.visits().defaultCycle();
        this.clock = clock;
    }

    /** A grid's cycle and whether it is the grid's own. */
    public record GridCycle(String gridCode, String cycle, LocalDate anchor, boolean own, VisitCycle.Round current) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    public VisitCycle defaultCycle() {
        return defaultCycle;
    }

    /** The cycle of one grid. */
    public VisitCycle of(String gridCode) {
        return own().getOrDefault(gridCode, defaultCycle);
    }

    /** The grids that have their own cycle (few: the table holds only the exceptions). */
    Map<String, VisitCycle> own() {
        Map<String, VisitCycle> cycles = new HashMap<>();
        jdbc.sql("select grid_code, cycle, anchor from fieldwork_visit_cycle")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> cycles.put(rs.getString("grid_code"),
                        VisitCycle.parse(rs.getString("cycle"), rs.getObject("anchor", LocalDate.class))));
        return cycles;
    }

    public GridCycle show(String gridCode, Actor actor) {
        String code = readable(gridCode, actor);
        VisitCycle own = own().get(code);
        VisitCycle cycle = own == null ? defaultCycle : own;
        return new GridCycle(code, cycle.length().toString(), cycle.anchor(), own != null, cycle.roundOf(today()));
    }

    /** Sets a grid's own cycle; the anchor defaults to the default cycle's. */
    public GridCycle set(String gridCode, @Nullable String length, @Nullable LocalDate anchor, Actor actor) {
        String code = writable(gridCode, actor);
        VisitCycle cycle = VisitCycle.parse(length, anchor == null ? defaultCycle.anchor() : anchor);
        jdbc.sql("""
                        insert into fieldwork_visit_cycle (grid_code, cycle, anchor, updated_by, updated_at)
                        values (:grid, :cycle, :anchor, :user, :at)
                        on conflict (grid_code) do update set cycle = excluded.cycle, anchor = excluded.anchor,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("grid", code).param("cycle", cycle.length().toString()).param("anchor", cycle.anchor())
                .param("user", actor.userId()).param("at", Timestamp.from(clock.instant())).update();
        return show(code, actor);
    }

    /** The grid follows the default cycle again. */
    public GridCycle reset(String gridCode, Actor actor) {
        String code = writable(gridCode, actor);
        jdbc.sql("delete from fieldwork_visit_cycle where grid_code = :grid").param("grid", code).update();
        return show(code, actor);
    }

    private String readable(String gridCode, Actor actor) {
        String code = gridCode == null ? "" : gridCode.strip();
        if (code.length() != 15 || !code.chars().allMatch(Character::isDigit)) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "grid");
        }
        boolean own = actor.has(Role.GRID_WORKER) && grids.gridsOf(actor.userId()).stream().anyMatch(g -> g.code().equals(code));
        if (!own && !(actor.isStaff() && !actor.has(Role.HANDLER) && actor.scope().covers(code)) || grids.find(code).isEmpty()) {
            throw LocalizedException.notFound("fieldwork.error.areaNotFound", code);
        }
        return code;
    }

    private String writable(String gridCode, Actor actor) {
        String code = readable(gridCode, actor);
        if (!actor.has(Role.ADMIN) && !(actor.has(Role.COMMUNITY_STAFF) && actor.scope().covers(code))) {
            throw LocalizedException.forbidden("fieldwork.error.cycleForbidden");
        }
        return code;
    }
}
