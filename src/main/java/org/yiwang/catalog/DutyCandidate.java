package org.yiwang.catalog;

import org.yiwang.people.DepartmentType;

import java.util.List;

/**
 * Who may handle a case, as one step of {@link DutyRouting}: the level, the responsible kind of
 * department within the level's division (null: the level's own office), the assisting departments,
 * and the duty-list rule it comes from.
 *
 * @param basis whether this candidate handles it as owner (属主, a department) or as territory (属地, an office)
 */
public record DutyCandidate(DutyLevel level, DepartmentType department, List<DepartmentType> assisting, String ruleId,
                            Basis basis, String note) {

    /** Why a candidate is responsible. */
    public enum Basis {
        /** 属主 — the department in charge of this kind of problem. */
        OWNER,
        /** 属地 — the office of the territory where it is. */
        TERRITORY
    }

    public DutyCandidate {
        assisting = List.copyOf(assisting);
    }
}
