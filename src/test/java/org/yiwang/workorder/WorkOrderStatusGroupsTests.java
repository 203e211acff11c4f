package org.yiwang.workorder;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.workorder.WorkOrderStatus.*;

/** The state groups are defined once, on the status enum, and SQL is written from them. */
class WorkOrderStatusGroupsTests {

    @Test
    void everyStateIsEitherOpenOrEndedNeverBoth() {
        Set<WorkOrderStatus> both = new HashSet<>(OPEN);
        both.retainAll(ENDED);
        assertThat(both).isEmpty();
        Set<WorkOrderStatus> all = new HashSet<>(OPEN);
        all.addAll(ENDED);
        assertThat(all).isEqualTo(EnumSet.allOf(WorkOrderStatus.class));
    }

    @Test
    void settledOrdersHaveEndedAndOrdersWithAUnitAreOpen() {
        assertThat(ENDED).containsAll(SETTLED);
        assertThat(SETTLED).doesNotContain(VOIDED);
        assertThat(OPEN).containsAll(WITH_UNIT);
    }

    @Test
    void theTestsOfOneStateAgreeWithTheGroups() {
        for (WorkOrderStatus s : WorkOrderStatus.values()) {
            assertThat(s.isOpen()).as(s.name()).isEqualTo(OPEN.contains(s));
            assertThat(s.isWithHandler()).as(s.name()).isEqualTo(WITH_UNIT.contains(s));
            assertThat(s.stage() == null).as(s.name()).isEqualTo(ENDED.contains(s));
        }
    }

    @Test
    void sqlIsWrittenFromTheGroups() {
        assertThat(WorkOrderStatus.openSql("o.status")).isEqualTo("o.status NOT IN ('CLOSED', 'EVALUATED', 'VOIDED')");
        assertThat(WorkOrderStatus.inSql("o.status", SETTLED)).isEqualTo("o.status IN ('CLOSED', 'EVALUATED')");
        assertThat(WorkOrderStatus.inSql("status", WITH_UNIT)).isEqualTo("status IN ('DISPATCHED', 'ACCEPTED')");
    }
}
