package org.yiwang.workorder;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * Who is to handle a dispatched order: the lead unit, optionally a named person (a grid worker for
 * grid-level matters), the assisting units of a joint handling (联合处置), and why.
 *
 * @param level GRID, COMMUNITY, STREET or DISTRICT
 * @param reasons the routing rules and inputs that led here, or the dispatcher's override reason
 */
public record Assignment(long orgUnitId, String orgUnitName, @Nullable Long userId, String level, List<Long> assistOrgUnitIds,
                         List<String> reasons) {

    public Assignment {
        Objects.requireNonNull(level, "level");
        assistOrgUnitIds = List.copyOf(assistOrgUnitIds == null ? List.of() : assistOrgUnitIds);
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
        if (assistOrgUnitIds.contains(orgUnitId)) {
            throw new IllegalArgumentException("the lead unit cannot also assist");
        }
    }
}
