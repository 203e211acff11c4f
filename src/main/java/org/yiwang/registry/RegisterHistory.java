package org.yiwang.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 变更记录 — every change of a register record: who, when, which field, old → new. Personal values (ID
 * and phone numbers) are written masked, so the history never holds what the register encrypts.
 */
@Component
public class RegisterHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    RegisterHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One change; {@code field}, {@code oldValue} and {@code newValue} are null for a whole-record action. */
    public record Change(Instant at, String username, String action, String field, String oldValue, String newValue) {
    }

    void record(Actor actor, String type, long id, String districtCode, String action, String field, Object oldValue, Object newValue) {
        jdbc.sql("""
                        insert into registry_history (at, user_id, username, record_type, record_id, district_code, action, field, old_value, new_value)
                        values (:at, :user, :username, :type, :id, :district, :action, :field, :old, :new)""")
                .param("at", Timestamp.from(clock.instant())).param("user", actor.userId()).param("username", actor.username())
                .param("type", type).param("id", id).param("district", districtCode).param("action", action)
                .param("field", field).param("old", text(oldValue)).param("new", text(newValue))
                .update();
    }

    List<Change> of(String type, long id) {
        return jdbc.sql("""
                        select at, username, action, field, old_value, new_value from registry_history
                        where record_type = :type and record_id = :id order by at, id""")
                .param("type", type).param("id", id)
                .query((rs, n) -> new Change(rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("action"),
                        rs.getString("field"), rs.getString("old_value"), rs.getString("new_value")))
                .list();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
