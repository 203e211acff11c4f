package org.yiwang.whistle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.OrderReadGrants;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * 报到 needs sight of the case: a department summoned by a whistle may read the order and its photos
 * (not act on it), from the summons on, also after the whistle ended, so that it can look back at
 * what it reported in on.
 */
@Component
class SummonedReaders implements OrderReadGrants {

    private final JdbcClient jdbc;

    SummonedReaders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean mayRead(long orderId, Actor reader) {
        Set<Long> units = new LinkedHashSet<>(reader.scope().departmentIds());
        if (reader.orgUnitId() != null) {
            units.add(reader.orgUnitId());
        }
        if (units.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM whistle w JOIN whistle_summons s ON s.whistle_id = w.id
                                       WHERE w.order_id = :order AND s.department_id = ANY (:units))""")
                .param("order", orderId).param("units", units.toArray(Long[]::new))
                .query(Boolean.class).single();
    }
}
