package org.yiwang.whistle;

import org.yiwang.platform.LocalizedException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 吹哨 — the command: summon these departments of the order's district to the work order, for this
 * reason. Validates in the constructor; whether the departments exist is checked when it is carried out.
 *
 * @param departmentIds the org unit ids of the departments, in the order the street listed them
 */
public record BlowWhistle(WhistleKind kind, String reason, List<Long> departmentIds) {

    /** More than a whole district's departments: a bigger list is a mistake. */
    public static final int MAX_DEPARTMENTS = 30;

    public BlowWhistle {
        if (kind == null) {
            throw LocalizedException.badRequest("whistle.error.kindRequired");
        }
        reason = Input.requiredText(reason, "reason");
        if (departmentIds == null || departmentIds.isEmpty()) {
            throw LocalizedException.badRequest("whistle.error.departmentsRequired");
        }
        if (departmentIds.size() > MAX_DEPARTMENTS) {
            throw LocalizedException.badRequest("whistle.error.tooManyDepartments", MAX_DEPARTMENTS);
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : departmentIds) {
            if (id == null || id <= 0) {
                throw LocalizedException.badRequest("whistle.error.departmentId", String.valueOf(id));
            }
            if (!seen.add(id)) {
                throw LocalizedException.badRequest("whistle.error.duplicateDepartment", id);
            }
        }
        departmentIds = List.copyOf(departmentIds);
    }

    /** The command from raw input: the kind by name, refused with the field named when unknown. */
    public static BlowWhistle of(String kind, String reason, List<Long> departmentIds) {
        WhistleKind parsed = null;
        if (kind != null && !kind.isBlank()) {
            parsed = WhistleKind.parse(kind).orElseThrow(() -> LocalizedException.badRequest("whistle.error.kindUnknown", kind));
        }
        return new BlowWhistle(parsed, reason, departmentIds);
    }
}
