package org.yiwang.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.SetTimeLimit;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.TimeLimitRule;
import org.yiwang.catalog.Urgency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Time-limit rows in the database. */
@Repository
public class TimeLimitStore {

    private static final String COLUMNS = "id, scope, urgency, stage, amount, unit, note, updated_by, updated_at";

    private final JdbcClient jdbc;

    TimeLimitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TimeLimitRule> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_time_limit ORDER BY id").query(TimeLimitStore::rule).list();
    }

    public Optional<TimeLimitRule> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_time_limit WHERE id = :id").param("id", id)
                .query(TimeLimitStore::rule).optional();
    }

    /** Adds the row, or replaces limit and note of the row with the same scope, urgency and stage. */
    public TimeLimitRule set(SetTimeLimit change, String by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO catalog_time_limit (scope, urgency, stage, amount, unit, note, updated_by, updated_at)
                        VALUES (:scope, :urgency, :stage, :amount, :unit, :note, :by, :at)
                        ON CONFLICT (scope, urgency, stage) DO UPDATE SET amount = EXCLUDED.amount, unit = EXCLUDED.unit,
                            note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        RETURNING\s""" + COLUMNS)
                .param("scope", change.scope()).param("urgency", change.urgency().name()).param("stage", change.stage().name())
                .param("amount", change.limit().amount()).param("unit", change.limit().unit().name())
                .param("note", change.note()).param("by", by).param("at", Timestamp.from(at))
                .query(TimeLimitStore::rule).single();
    }

    /** Adds the row unless one exists for its scope, urgency and stage; whether it was added. */
    public boolean insertIfAbsent(SetTimeLimit row, String by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO catalog_time_limit (scope, urgency, stage, amount, unit, note, updated_by, updated_at)
                        VALUES (:scope, :urgency, :stage, :amount, :unit, :note, :by, :at)
                        ON CONFLICT (scope, urgency, stage) DO NOTHING""")
                .param("scope", row.scope()).param("urgency", row.urgency().name()).param("stage", row.stage().name())
                .param("amount", row.limit().amount()).param("unit", row.limit().unit().name())
                .param("note", row.note()).param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM catalog_time_limit WHERE id = :id").param("id", id).update() == 1;
    }

    private static TimeLimitRule rule(ResultSet rs, int row) throws SQLException {
        return new TimeLimitRule(rs.getLong("id"), rs.getString("scope"), Urgency.valueOf(rs.getString("urgency")),
                Stage.valueOf(rs.getString("stage")), new TimeLimit(rs.getInt("amount"), LimitUnit.valueOf(rs.getString("unit"))),
                rs.getString("note"), rs.getString("updated_by"), DutyListStore.instant(rs, "updated_at"));
    }
}
