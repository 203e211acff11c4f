package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 联合执法案件 — one enforcement case as stored: where, which scenario, where it came from, its stage, the lead team
 * (the street's 综合执法), what it was handed over to, the decision and the follow-up re-inspection.
 */
public record EnforcementCase(long id, String number, String districtCode, String streetCode, @Nullable String gridCode,
                              String scenarioCode, Source source, @Nullable Long orderId, @Nullable Long findingId,
                              String title, String address, Stage stage, long leadDepartmentId, String leadDepartmentName,
                              @Nullable String transferredTo, @Nullable String decision, @Nullable LocalDate reinspectDue,
                              @Nullable Instant reinspectedAt, @Nullable Boolean reinspectionPassed, long createdBy,
                              String createdByName, Instant createdAt) {

    /** Where a case came from. */
    public enum Source { ORDER, FINDING, DIRECT }
}
