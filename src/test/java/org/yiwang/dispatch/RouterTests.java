package org.yiwang.dispatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.DutyCandidate;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.catalog.DutyList;
import org.yiwang.catalog.RoutingPrinciple;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing against the demo territory, org tree and the default duty list. */
@SpringBootTest
@AutoConfigureMockMvc
class RouterTests {

    @Autowired Router router;
    @Autowired Catalog catalog;
    @Autowired DutyList dutyList;
    @Autowired Organization organization;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;

    RouteRequest place;

    @BeforeEach
    void aPlaceInTheGridWorkersGrid() {
        long worker = people.findByUsername("gridworker").orElseThrow().id();
        IndexedGrid grid = locator.grid(grids.gridsOf(worker).getFirst().code()).orElseThrow();
        place = new RouteRequest(null, grid.code(), grid.community().code(), grid.street().code(), grid.district().code());
    }

    RouteRequest with(String category) {
        return new RouteRequest(category, place.gridCode(), place.communityCode(), place.streetCode(), place.districtCode());
    }

    @Test
    void aReportWithoutCategoryWaitsForADispatcher() {
        RoutingDecision decision = router.route(place);
        assertThat(decision.routed()).isFalse();
        assertThat(decision.outcome()).isEqualTo(RoutingDecision.Outcome.NEEDS_CATEGORY);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("LOCATION", "NEEDS_CATEGORY");
    }

    @Test
    void anUnknownCategoryIsNotRouted() {
        assertThat(router.route(with("M99999")).outcome()).isEqualTo(RoutingDecision.Outcome.UNKNOWN_CATEGORY);
    }

    @Test
    void everyCategoryIsRoutedToTheFirstDutyListCandidateThatHasAUnitHere() {
        int routed = 0;
        for (Category category : catalog.categories()) {
            if (!category.enabled()) {
                continue;
            }
            RoutingDecision decision = router.route(with(category.code()));
            var candidates = dutyList.candidates(category.code()).candidates();
            Optional<DutyCandidate> first = candidates.stream().filter(c -> resolvable(c)).findFirst();
            if (first.isEmpty()) {
                assertThat(decision.outcome()).as(category.code()).isEqualTo(RoutingDecision.Outcome.NO_RESPONSIBLE_UNIT);
                continue;
            }
            routed++;
            assertThat(decision.routed()).as(category.code()).isTrue();
            assertThat(decision.ruleId()).as(category.code()).isEqualTo(first.get().ruleId());
            assertThat(decision.level()).isEqualTo(first.get().level());
            // every candidate before the chosen one is explained as skipped
            long skipped = decision.reasons().stream().filter(r -> r.messageKey().equals("dispatch.reason.candidateSkipped")).count();
            assertThat(skipped).as(category.code()).isEqualTo(candidates.indexOf(first.get()));
        }
        assertThat(routed).isGreaterThan(300);
    }

    @Test
    void componentsGoToTheirOwnerFirstAndEventsToTheTerritoryFirst() {
        Category component = catalog.categories().stream().filter(c -> c.code().startsWith("C") && c.owner().isPresent()).findFirst().orElseThrow();
        assertThat(dutyList.candidates(component.code()).principle()).isEqualTo(RoutingPrinciple.OWNER_FIRST);
        assertThat(dutyList.candidates(component.code()).candidates().getFirst().basis()).isEqualTo(DutyCandidate.Basis.OWNER);
        Category neighbours = catalog.search("邻里纠纷", false).getFirst();
        RoutingDecision decision = router.route(with(neighbours.code()));
        assertThat(dutyList.candidates(neighbours.code()).principle()).isEqualTo(RoutingPrinciple.TERRITORY_FIRST);
        assertThat(decision.level()).isIn(DutyLevel.GRID, DutyLevel.COMMUNITY); // 小事不出社区
    }

    @Test
    void gridLevelMattersGoToTheGridsFullTimeWorker() {
        Category gridLevel = catalog.categories().stream()
                .filter(c -> dutyList.candidates(c.code()).candidates().stream().findFirst().map(d -> d.level() == DutyLevel.GRID).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("the default duty list has small matters for the grid"));
        RoutingDecision decision = router.route(with(gridLevel.code()));
        assertThat(decision.level()).isEqualTo(DutyLevel.GRID);
        assertThat(decision.userId()).isEqualTo(grids.workers(place.gridCode()).getFirst().userId());
    }

    @Test
    void threeConsistentCorrectionsChangeWhereTheNextReportGoes() {
        String category = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> router.route(with(c)).outcome() == RoutingDecision.Outcome.DUTY_LIST).findFirst().orElseThrow();
        RoutingDecision before = router.route(with(category));
        OrgUnit other = organization.departmentsOf(place.districtCode()).stream()
                .filter(u -> u.id() != before.orgUnitId()).findFirst().orElseThrow();
        for (int i = 0; i < 3; i++) {
            router.recordCorrection(new Correction(1000 + i, category, place.streetCode(), place.districtCode(),
                    before.orgUnitId(), other.id(), 1, Instant.now(), "实际由该部门负责"));
            if (i < 2) {
                assertThat(router.route(with(category)).orgUnitId()).isEqualTo(before.orgUnitId());
            }
        }
        RoutingDecision after = router.route(with(category));
        assertThat(after.outcome()).isEqualTo(RoutingDecision.Outcome.LEARNED);
        assertThat(after.orgUnitId()).isEqualTo(other.id());
        assertThat(after.reasons()).extracting(Reason::rule).contains("LEARNED");
    }

    private boolean resolvable(DutyCandidate c) {
        if (c.level() == DutyLevel.GRID) {
            return !grids.workers(place.gridCode()).isEmpty() && organization.officeOf(place.communityCode()).isPresent();
        }
        String division = switch (c.level()) {
            case GRID, COMMUNITY -> place.communityCode();
            case STREET -> place.streetCode();
            case DISTRICT -> place.districtCode();
        };
        return c.department() == null ? organization.officeOf(division).isPresent() : organization.department(division, c.department()).isPresent();
    }
}
