package org.yiwang.catalog.internal;

import org.yiwang.catalog.Category;
import org.yiwang.catalog.DutyCandidate;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyRouting;
import org.yiwang.catalog.RoutingPrinciple;
import org.yiwang.people.DepartmentType;

import java.util.Comparator;
import java.util.List;

/**
 * The policy "部件先属主后属地、事件先属地后属主" over the duty-list entries of one category.
 * <ul>
 *   <li>A component, or a matter that is a component's malfunction (the matter {@code M01001} 供水井盖异常
 *   of the component {@code C01001} 供水井盖), follows {@link RoutingPrinciple#OWNER_FIRST}: entries of
 *   the component's owner department first, then entries of other departments, then the levels' own
 *   offices (the territory) — each group from the lowest level up.</li>
 *   <li>Every other matter follows {@link RoutingPrinciple#TERRITORY_FIRST}: from the lowest level up
 *   (小事不出社区、大事不出街道), so that the grid and the community come before the street's
 *   departments and the street before the district.</li>
 * </ul>
 */
public final class CandidateOrder {

    private CandidateOrder() {
    }

    /**
     * @param category the category routed
     * @param component the component that {@code category} is the malfunction of, or the category itself
     *                  when it is a component; null for a plain event
     * @param entries the category's entries in the duty-list version
     */
    public static DutyRouting order(Category category, Category component, int version, List<DutyEntry> entries) {
        RoutingPrinciple principle = component == null ? RoutingPrinciple.TERRITORY_FIRST : RoutingPrinciple.OWNER_FIRST;
        Comparator<DutyEntry> byLevel = Comparator.comparing(DutyEntry::level);
        Comparator<DutyEntry> order;
        if (principle == RoutingPrinciple.OWNER_FIRST) {
            DepartmentType owner = component.ownerDepartment();
            order = Comparator.<DutyEntry>comparingInt(e -> e.byOffice() ? 2 : e.department() == owner ? 0 : 1).thenComparing(byLevel);
        } else {
            order = byLevel.thenComparing(DutyEntry::byOffice, Comparator.reverseOrder());
        }
        List<DutyCandidate> candidates = entries.stream()
                .filter(e -> e.categoryCode().equals(category.code()))
                .sorted(order)
                .map(CandidateOrder::candidate)
                .toList();
        return new DutyRouting(category.code(), version, principle, candidates);
    }

    static DutyCandidate candidate(DutyEntry entry) {
        return new DutyCandidate(entry.level(), entry.department(), entry.assisting(), entry.ruleId(),
                entry.byOffice() ? DutyCandidate.Basis.TERRITORY : DutyCandidate.Basis.OWNER, entry.note());
    }
}
