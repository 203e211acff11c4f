package org.yiwang.catalog.internal;

import org.junit.jupiter.api.BeforeAll;
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
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The shipped catalog and the duty list generated from it. */
class DefaultDutyListTests {

    static List<Category> categories;
    static List<DutyEntry> entries;
    static CatalogSnapshot snapshot;

    @BeforeAll
    static void generate() {
        categories = ShippedData.categories();
        entries = DefaultDutyList.generate(categories);
        snapshot = new CatalogSnapshot(1, ShippedData.majorClasses(), categories, null, entries, List.of(),
                org.yiwang.catalog.WorkSchedule.standard(List.of()), List.of());
    }

    static List<DutyCandidate> candidates(String code) {
        return snapshot.routing(code).orElseThrow().candidates();
    }

    @Test
    void theShippedCatalogHasTheStandardsItemsAndTheLocalExtensions() {
        Map<CategoryKind, Long> byKind = categories.stream().collect(Collectors.groupingBy(Category::kind, Collectors.counting()));
        assertThat(byKind).containsEntry(CategoryKind.COMPONENT, 153L).containsEntry(CategoryKind.MATTER, 250L);
        assertThat(byKind.get(CategoryKind.LOCAL)).isGreaterThanOrEqualTo(15);
        Set<String> names = categories.stream().filter(c -> c.kind() == CategoryKind.LOCAL).map(Category::name).collect(Collectors.toSet());
        assertThat(names).contains("邻里纠纷", "物业管理", "群租房", "消防安全隐患", "食品安全", "欠薪/劳资纠纷", "噪声扰民", "违章搭建",
                "高空抛物", "电动车违规充电", "养犬扰民", "环境污染", "安全生产隐患", "矛盾纠纷其他", "公共服务咨询");
        Set<String> majorClasses = ShippedData.majorClasses().stream().map(m -> m.code()).collect(Collectors.toSet());
        assertThat(categories).allSatisfy(c -> assertThat(majorClasses).contains(c.majorClass()));
        assertThat(categories.stream().filter(c -> c.kind() == CategoryKind.COMPONENT)).allSatisfy(c -> assertThat(c.ownerDepartment()).isNotNull());
        assertThat(categories.stream().filter(c -> c.code().equals("M06010")).findFirst().orElseThrow().keywords()).contains("垃圾");
        assertThat(categories.stream().filter(c -> c.code().equals("C01001")).findFirst().orElseThrow().keywords()).contains("井盖");
    }

    @Test
    void everyCategoryHasEntriesWithUniqueLevelsAndRuleIds() {
        Map<String, List<DutyEntry>> byCategory = entries.stream().collect(Collectors.groupingBy(DutyEntry::categoryCode));
        assertThat(byCategory.keySet()).isEqualTo(categories.stream().map(Category::code).collect(Collectors.toSet()));
        byCategory.forEach((code, list) -> assertThat(list.stream().map(DutyEntry::level).distinct().count())
                .as(code).isEqualTo(list.size()));
        assertThat(entries.stream().map(DutyEntry::ruleId).distinct().count()).isEqualTo(entries.size());
    }

    @Test
    void theDefaultListPassesItsOwnImportCheck() {
        Set<String> known = categories.stream().map(Category::code).collect(Collectors.toSet());
        DutyListCsv.Parsed parsed = DutyListCsv.parse(DutyListCsv.write(entries, true), known::contains);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entries()).isEqualTo(entries);
    }

    @Test
    void componentsGoToTheirOwnerFirstAndFallBackToTheTerritory() {
        DutyRouting manhole = snapshot.routing("C01001").orElseThrow();
        assertThat(manhole.principle()).isEqualTo(RoutingPrinciple.OWNER_FIRST);
        assertThat(manhole.candidates()).extracting(DutyCandidate::level, DutyCandidate::department, DutyCandidate::ruleId)
                .containsExactly(tuple(DutyLevel.DISTRICT, DepartmentType.UTILITIES, "DL-C01001-DISTRICT"),
                        tuple(DutyLevel.STREET, null, "DL-C01001-STREET"));
        assertThat(candidates("C03005")).extracting(DutyCandidate::level, DutyCandidate::department)
                .containsExactly(tuple(DutyLevel.STREET, DepartmentType.SANITATION), tuple(DutyLevel.DISTRICT, DepartmentType.SANITATION),
                        tuple(DutyLevel.COMMUNITY, null));
    }

    @Test
    void aComponentFaultFollowsItsComponent() {
        DutyRouting fault = snapshot.routing("M01002").orElseThrow();
        assertThat(fault.principle()).isEqualTo(RoutingPrinciple.OWNER_FIRST);
        assertThat(fault.candidates().getFirst().department()).isEqualTo(DepartmentType.WATER_AFFAIRS);
    }

    @Test
    void streetOrderGoesToLawEnforcementAtStreetLevelAndSmallMattersStartInTheGrid() {
        assertThat(snapshot.routing("M09015").orElseThrow().principle()).isEqualTo(RoutingPrinciple.TERRITORY_FIRST);
        assertThat(candidates("M09015")).extracting(DutyCandidate::level, DutyCandidate::department, DutyCandidate::ruleId)
                .containsExactly(tuple(DutyLevel.STREET, DepartmentType.LAW_ENFORCEMENT, "DL-M09015-STREET"),
                        tuple(DutyLevel.DISTRICT, DepartmentType.MARKET_REGULATION, "DL-M09015-DISTRICT"));
        assertThat(candidates("M09006")).extracting(DutyCandidate::level, DutyCandidate::department)
                .containsExactly(tuple(DutyLevel.GRID, null), tuple(DutyLevel.STREET, DepartmentType.LAW_ENFORCEMENT),
                        tuple(DutyLevel.DISTRICT, DepartmentType.LAW_ENFORCEMENT));
    }

    @Test
    void rubbishGoesToSanitation() {
        assertThat(candidates("M06010")).extracting(DutyCandidate::level, DutyCandidate::department)
                .containsExactly(tuple(DutyLevel.GRID, null), tuple(DutyLevel.STREET, DepartmentType.SANITATION),
                        tuple(DutyLevel.DISTRICT, DepartmentType.SANITATION));
    }

    @Test
    void socialGovernanceStartsInTheCommunity() {
        Map<String, String> byName = categories.stream().collect(Collectors.toMap(c -> c.kind() + c.name(), Category::code));
        Function<String, String> local = name -> byName.get(CategoryKind.LOCAL + name);
        assertThat(candidates(local.apply("邻里纠纷"))).extracting(DutyCandidate::level, DutyCandidate::department)
                .containsExactly(tuple(DutyLevel.COMMUNITY, null), tuple(DutyLevel.STREET, null));
        assertThat(candidates(local.apply("食品安全"))).extracting(DutyCandidate::level, DutyCandidate::department)
                .containsExactly(tuple(DutyLevel.DISTRICT, DepartmentType.MARKET_REGULATION));
        assertThat(candidates(local.apply("欠薪/劳资纠纷")).getLast().department()).isEqualTo(DepartmentType.OTHER);
        assertThat(candidates(local.apply("公共服务咨询")).getFirst().level()).isEqualTo(DutyLevel.GRID);
    }
}
