package org.yiwang.people.account;

import org.junit.jupiter.api.Test;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScopePolicyTests {

    static final OrgUnit NANJING = office(1, null, "320100", "南京市指挥中心");
    static final OrgUnit QINHUAI = office(2, 1L, "320104", "秦淮区指挥中心");
    static final OrgUnit FUZIMIAO = office(3, 2L, "320104002", "夫子庙街道指挥中心");
    static final OrgUnit HONGHUA = office(4, 2L, "320104003", "红花街道指挥中心");
    static final OrgUnit COMMUNITY = office(5, 3L, "320104002001", "钓鱼台社区工作站");
    static final OrgUnit URBAN_MANAGEMENT = department(10, 2L, "320104", DepartmentType.URBAN_MANAGEMENT, "秦淮区城市管理局");
    static final OrgUnit URBAN_SQUAD = department(11, 10L, "320104", DepartmentType.URBAN_MANAGEMENT, "城管一中队");
    static final OrgUnit MARKET = department(12, 2L, "320104", DepartmentType.MARKET_REGULATION, "秦淮区市场监督管理局");

    @Test
    void adminOfTheCityOfficeSeesEverything() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.ADMIN), NANJING, Set.of());
        assertThat(scope.citywide()).isTrue();
        assertThat(scope.covers("320583001")).isTrue();
    }

    @Test
    void otherStaffOfTheCityOfficeSeeTheCityByPrefix() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.LEADER), NANJING, Set.of());
        assertThat(scope.citywide()).isFalse();
        assertThat(scope.divisionPrefixes()).containsExactly("3201");
    }

    @Test
    void aDistrictAdminIsNotCitywide() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.ADMIN), QINHUAI, Set.of());
        assertThat(scope.citywide()).isFalse();
        assertThat(scope.divisionPrefixes()).containsExactly("320104");
    }

    @Test
    void streetDispatcherSeesTheirStreetOnly() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.DISPATCHER), FUZIMIAO, Set.of());
        assertThat(scope.divisionPrefixes()).containsExactly("320104002");
        assertThat(scope.covers("320104002001001")).isTrue();
        assertThat(scope.covers("320104003001")).isFalse();
        assertThat(scope.departmentIds()).isEmpty();
    }

    @Test
    void communityStaffSeeTheirCommunity() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.COMMUNITY_STAFF, Role.GRID_WORKER), COMMUNITY, Set.of());
        assertThat(scope.divisionPrefixes()).containsExactly("320104002001");
    }

    @Test
    void departmentSeesItsDivisionForTerritoryAndItsSubtreeForAssignments() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.HANDLER), URBAN_MANAGEMENT, Set.of(URBAN_SQUAD.id()));
        assertThat(scope.divisionPrefixes()).containsExactly("320104");
        assertThat(scope.departmentIds()).containsExactlyInAnyOrder(10L, 11L);
        assertThat(scope.coversDepartment(MARKET.id())).isFalse();
    }

    @Test
    void residentsHaveNoStaffScope() {
        assertThat(ScopePolicy.scopeOf(Set.of(Role.RESIDENT), COMMUNITY, Set.of())).isEqualTo(DataScope.NONE);
        assertThat(ScopePolicy.scopeOf(Set.of(Role.RESIDENT), null, Set.of())).isEqualTo(DataScope.NONE);
    }

    @Test
    void staffWithoutAnEnabledUnitSeeNothing() {
        assertThat(ScopePolicy.scopeOf(Set.of(Role.DISPATCHER), null, Set.of())).isEqualTo(DataScope.NONE);
        OrgUnit closed = new OrgUnit(3, 2L, OrgUnit.Kind.DIVISION, "320104002", null, "夫子庙街道指挥中心", false);
        assertThat(ScopePolicy.scopeOf(Set.of(Role.DISPATCHER), closed, Set.of())).isEqualTo(DataScope.NONE);
    }

    @Test
    void onlyAdministratorsSeePersonalData() {
        assertThat(ScopePolicy.seesPersonalData(Set.of(Role.ADMIN))).isTrue();
        for (Role role : Role.values()) {
            if (role != Role.ADMIN) {
                assertThat(ScopePolicy.seesPersonalData(Set.of(role))).as(role.name()).isFalse();
            }
        }
    }

    @Test
    void streetDispatcherSeesUsersOfTheirSubtreeOnly() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.DISPATCHER), FUZIMIAO, Set.of());
        assertThat(ScopePolicy.seesUsersOf(scope, FUZIMIAO)).isTrue();
        assertThat(ScopePolicy.seesUsersOf(scope, COMMUNITY)).isTrue();
        assertThat(ScopePolicy.seesUsersOf(scope, HONGHUA)).isFalse();
        assertThat(ScopePolicy.seesUsersOf(scope, QINHUAI)).isFalse();
        assertThat(ScopePolicy.seesUsersOf(scope, URBAN_MANAGEMENT)).isFalse();
        assertThat(ScopePolicy.seesUsersOf(scope, null)).isFalse();
    }

    @Test
    void departmentSeesUsersOfItsOwnDepartmentsOnly() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.HANDLER), URBAN_MANAGEMENT, Set.of(URBAN_SQUAD.id()));
        assertThat(ScopePolicy.seesUsersOf(scope, URBAN_MANAGEMENT)).isTrue();
        assertThat(ScopePolicy.seesUsersOf(scope, URBAN_SQUAD)).isTrue();
        assertThat(ScopePolicy.seesUsersOf(scope, MARKET)).isFalse();
        assertThat(ScopePolicy.seesUsersOf(scope, FUZIMIAO)).isFalse();
        // the structure of the territory stays readable
        assertThat(ScopePolicy.seesUnit(scope, MARKET)).isTrue();
        assertThat(ScopePolicy.seesUnit(scope, FUZIMIAO)).isTrue();
    }

    @Test
    void districtStaffSeeTheDistrictsDepartmentsAndStreets() {
        DataScope scope = ScopePolicy.scopeOf(Set.of(Role.LEADER), QINHUAI, Set.of());
        assertThat(ScopePolicy.seesUsersOf(scope, MARKET)).isTrue();
        assertThat(ScopePolicy.seesUsersOf(scope, HONGHUA)).isTrue();
        assertThat(ScopePolicy.seesUsersOf(scope, NANJING)).isFalse();
    }

    static OrgUnit office(long id, Long parent, String code, String name) {
        return new OrgUnit(id, parent, OrgUnit.Kind.DIVISION, code, null, name, true);
    }

    static OrgUnit department(long id, Long parent, String code, DepartmentType type, String name) {
        return new OrgUnit(id, parent, OrgUnit.Kind.DEPARTMENT, code, type, name, true);
    }
}
