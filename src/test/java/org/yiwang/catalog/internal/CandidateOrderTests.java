package org.yiwang.catalog.internal;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.catalog.DutyCandidate;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.catalog.DutyRouting;
import org.yiwang.catalog.RoutingPrinciple;
import org.yiwang.people.DepartmentType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.yiwang.people.DepartmentType.LAW_ENFORCEMENT;
import static org.yiwang.people.DepartmentType.SANITATION;
import static org.yiwang.people.DepartmentType.URBAN_MANAGEMENT;
import static org.yiwang.people.DepartmentType.UTILITIES;

class CandidateOrderTests {

    static final Category WATER_MANHOLE = new Category("C01001", CategoryKind.COMPONENT, "C01", "供水井盖", null, List.of("井盖"),
            UTILITIES, false, true);
    static final Category WATER_MANHOLE_FAULT = new Category("M01001", CategoryKind.MATTER, "M01", "供水井盖异常", null, List.of(),
            null, false, true);
    static final Category STREET_VENDING = new Category("M09006", CategoryKind.MATTER, "M09", "占道经营", null, List.of(),
            null, true, true);

    static DutyEntry entry(String code, DutyLevel level, DepartmentType department) {
        return new DutyEntry(code, level, department, List.of(), DutyEntry.defaultRuleId(code, level), null);
    }

    @Test
    void aComponentGoesToItsOwnerBeforeTheTerritoryEvenWhenTheTerritoryIsLower() {
        List<DutyEntry> withOwner = List.of(
                entry("C01001", DutyLevel.COMMUNITY, null),
                entry("C01001", DutyLevel.STREET, null),
                entry("C01001", DutyLevel.DISTRICT, UTILITIES),
                entry("C01001", DutyLevel.GRID, null));

        DutyRouting routing = CandidateOrder.order(WATER_MANHOLE, WATER_MANHOLE, 7, withOwner);

        assertThat(routing.principle()).isEqualTo(RoutingPrinciple.OWNER_FIRST);
        assertThat(routing.version()).isEqualTo(7);
        assertThat(routing.candidates()).extracting(DutyCandidate::level, DutyCandidate::department, DutyCandidate::basis)
                .containsExactly(
                        tuple(DutyLevel.DISTRICT, UTILITIES, DutyCandidate.Basis.OWNER),
                        tuple(DutyLevel.GRID, null, DutyCandidate.Basis.TERRITORY),
                        tuple(DutyLevel.COMMUNITY, null, DutyCandidate.Basis.TERRITORY),
                        tuple(DutyLevel.STREET, null, DutyCandidate.Basis.TERRITORY));
        assertThat(routing.ruleIds()).containsExactly("DL-C01001-DISTRICT", "DL-C01001-GRID", "DL-C01001-COMMUNITY", "DL-C01001-STREET");
    }

    @Test
    void theOwnerDepartmentComesBeforeOtherDepartmentsOfAComponent() {
        DutyRouting routing = CandidateOrder.order(WATER_MANHOLE, WATER_MANHOLE, 1, List.of(
                entry("C01001", DutyLevel.STREET, URBAN_MANAGEMENT),
                entry("C01001", DutyLevel.DISTRICT, UTILITIES)));
        assertThat(routing.candidates()).extracting(DutyCandidate::department).containsExactly(UTILITIES, URBAN_MANAGEMENT);
    }

    @Test
    void aMatterThatIsAComponentFaultIsRoutedByTheComponentsOwner() {
        DutyRouting routing = CandidateOrder.order(WATER_MANHOLE_FAULT, WATER_MANHOLE, 1, List.of(
                entry("M01001", DutyLevel.STREET, null),
                entry("M01001", DutyLevel.DISTRICT, UTILITIES)));
        assertThat(routing.principle()).isEqualTo(RoutingPrinciple.OWNER_FIRST);
        assertThat(routing.candidates()).extracting(DutyCandidate::level).containsExactly(DutyLevel.DISTRICT, DutyLevel.STREET);
    }

    @Test
    void anEventGoesToTheTerritoryFirstFromTheLowestLevelUp() {
        DutyRouting routing = CandidateOrder.order(STREET_VENDING, null, 3, List.of(
                entry("M09006", DutyLevel.DISTRICT, LAW_ENFORCEMENT),
                entry("M09006", DutyLevel.STREET, LAW_ENFORCEMENT),
                entry("M06010", DutyLevel.STREET, SANITATION),
                entry("M09006", DutyLevel.GRID, null)));
        assertThat(routing.principle()).isEqualTo(RoutingPrinciple.TERRITORY_FIRST);
        assertThat(routing.candidates()).extracting(DutyCandidate::level, DutyCandidate::basis).containsExactly(
                tuple(DutyLevel.GRID, DutyCandidate.Basis.TERRITORY),
                tuple(DutyLevel.STREET, DutyCandidate.Basis.OWNER),
                tuple(DutyLevel.DISTRICT, DutyCandidate.Basis.OWNER));
        assertThat(routing.ruleIds()).containsExactly("DL-M09006-GRID", "DL-M09006-STREET", "DL-M09006-DISTRICT");
    }

    @Test
    void aCategoryWithoutEntriesHasNoCandidates() {
        DutyRouting routing = CandidateOrder.order(STREET_VENDING, null, 3, List.of());
        assertThat(routing.isEmpty()).isTrue();
        assertThat(routing.principle()).isEqualTo(RoutingPrinciple.TERRITORY_FIRST);
    }
}
