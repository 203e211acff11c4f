package org.yiwang.fieldwork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * 三项清单 — the duty lists of the worker's roles as checklists, and the items ticked on a patrol. The
 * items are data (seeded with a default list); a tick belongs to one patrol.
 */
@Service
public class Checklists {

    private final JdbcClient jdbc;
    private final Patrols patrols;
    private final Clock clock;

    Checklists(JdbcClient jdbc, Patrols patrols, Clock clock) {
        this.jdbc = jdbc;
        this.patrols = patrols;
        this.clock = clock;
    }

    /** One item of a duty list. */
    public record Item(long id, Role role, DutyList list, int position, String text) {
    }

    /** The enabled items of the actor's roles, list by list. */
    public List<Item> itemsFor(Actor actor) {
        List<String> roles = actor.roles().stream().map(Role::name).toList();
        return jdbc.sql("select * from fieldwork_duty_item where enabled and role in (:roles) order by role, list, position")
                .param("roles", roles.isEmpty() ? List.of("-") : roles)
                .query((rs, n) -> new Item(rs.getLong("id"), Role.valueOf(rs.getString("role")), DutyList.valueOf(rs.getString("list")),
                        rs.getInt("position"), rs.getString("text")))
                .list();
    }

    /** The ids of the items ticked on the worker's own patrol. */
    public Set<Long> ticked(long patrolId, Actor actor) {
        Patrol patrol = patrols.get(patrolId, actor);
        return new TreeSet<>(jdbc.sql("select item_id from fieldwork_patrol_tick where patrol_id = :p")
                .param("p", patrol.id()).query(Long.class).list());
    }

    /** Sets the ticks of the patrol to exactly {@code itemIds}, each one of the actor's items (else 400). */
    @Transactional
    public Set<Long> tick(long patrolId, Collection<Long> itemIds, Actor actor) {
        Patrol patrol = patrols.get(patrolId, actor);
        Set<Long> mine = new TreeSet<>(itemsFor(actor).stream().map(Item::id).toList());
        for (Long id : itemIds) {
            if (id == null || !mine.contains(id)) {
                throw LocalizedException.badRequest("fieldwork.error.unknownItem", String.valueOf(id));
            }
        }
        jdbc.sql("delete from fieldwork_patrol_tick where patrol_id = :p and not (item_id = any (:items))")
                .param("p", patrol.id()).param("items", itemIds.toArray(Long[]::new)).update();
        for (Long id : new TreeSet<>(itemIds)) {
            jdbc.sql("insert into fieldwork_patrol_tick (patrol_id, item_id, at) values (:p, :i, :at) on conflict do nothing")
                    .param("p", patrol.id()).param("i", id).param("at", Timestamp.from(clock.instant())).update();
        }
        return ticked(patrolId, actor);
    }
}
