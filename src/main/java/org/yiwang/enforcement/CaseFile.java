package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Set;

/** A case with everything that belongs to it, and what the reader may do to it now. */
public record CaseFile(EnforcementCase enforcementCase, Scenario scenario, List<Summons> summons, List<Inspection> inspections,
                       List<Party> parties, List<EnforcementItem> items, @Nullable CorrectionNotice notice, List<HistoryEntry> history,
                       Set<CaseAction> allowed) {
}
