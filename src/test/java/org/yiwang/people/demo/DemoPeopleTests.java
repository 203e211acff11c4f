package org.yiwang.people.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yiwang.geo.GridSummary;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.GridWorkerDirectory;
import org.yiwang.geo.Grids;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.PeopleIntegrationTest;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Role;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PeopleIntegrationTest
class DemoPeopleTests {

    @Autowired
    DemoPeople demo;
    @Autowired
    People people;
    @Autowired
    Organization organization;
    @Autowired
    Grids grids;
    @Autowired
    GridWorkerDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void thereIsADemoUserForEveryRole() {
        Map<String, Role> expected = Map.of("admin", Role.ADMIN, "dispatcher", Role.DISPATCHER,
                "dispatcher-honghua", Role.DISPATCHER, "gridworker", Role.GRID_WORKER, "community", Role.COMMUNITY_STAFF,
                "handler", Role.HANDLER, "leader", Role.LEADER, "resident", Role.RESIDENT);
        expected.forEach((username, role) -> {
            UserSummary user = people.findByUsername(username).orElseThrow();
            assertThat(user.roles()).as(username).containsExactly(role);
            assertThat(user.enabled()).isTrue();
        });
        assertThat(unitOf("admin").divisionCode()).isEqualTo("320100");
        assertThat(unitOf("dispatcher").divisionCode()).isEqualTo("320104002");
        assertThat(unitOf("dispatcher-honghua").divisionCode()).isEqualTo("320104003");
        assertThat(unitOf("leader").divisionCode()).isEqualTo("320104");
        assertThat(unitOf("handler").name()).isEqualTo("秦淮区城市管理局");
        assertThat(unitOf("community").divisionCode()).startsWith("320104002").hasSize(12);
        assertThat(people.findByUsername("resident").orElseThrow().orgUnitId()).isNull();
    }

    @Test
    void everyDepartmentTypeHasADepartmentOfTheDistrictWithADemoHandler() {
        for (DepartmentType type : DepartmentType.values()) {
            OrgUnit department = organization.department("320104", type).orElseThrow(() -> new AssertionError(type.name()));
            List<UserSummary> handlers = people.membersOf(department.id(), Role.HANDLER);
            assertThat(handlers).as(type.name()).isNotEmpty();
            String username = type == DepartmentType.URBAN_MANAGEMENT ? "handler" : DemoPeople.HANDLERS.get(type);
            assertThat(handlers).as(type.name()).extracting(UserSummary::username).contains(username);
        }
        assertThat(unitOf("handler-water").name()).isEqualTo("秦淮区水务局");
        assertThat(unitOf("dispatcher-district").divisionCode()).isEqualTo("320104");
        assertThat(people.findByUsername("dispatcher-district").orElseThrow().roles()).containsExactly(Role.DISPATCHER);
    }

    @Test
    void theGridWorkerWorksFullTimeInAGridOfFuzimiao() {
        UserSummary worker = people.findByUsername("gridworker").orElseThrow();
        assertThat(worker.fullTimeGridWorker()).isTrue();
        List<GridSummary> worked = grids.gridsOf(worker.id());
        assertThat(worked).hasSize(1);
        assertThat(worked.getFirst().code()).startsWith(unitOf("gridworker").divisionCode());
        assertThat(unitOf("community").id()).isEqualTo(unitOf("gridworker").id());
    }

    @Test
    void everyComprehensiveGridHasAFullTimeGridWorker() {
        List<String> codes = grids.comprehensiveGridCodes();
        assertThat(codes).hasSizeGreaterThan(500);
        for (String code : codes) {
            assertThat(grids.workers(code)).as(code).anyMatch(GridWorker::fullTime);
        }
        String first = codes.getFirst();
        UserSummary generated = people.findByUsername("gw-" + first).orElseThrow();
        assertThat(generated.roles()).containsExactly(Role.GRID_WORKER);
        assertThat(organization.find(generated.orgUnitId()).orElseThrow().divisionCode()).isEqualTo(first.substring(0, 12));
    }

    @Test
    void theOrgTreeCoversTheCityTheDistrictItsStreetsCommunitiesAndDepartments() {
        OrgUnit city = organization.officeOf("320100").orElseThrow();
        assertThat(city.parentId()).isNull();
        assertThat(city.name()).isEqualTo("南京市指挥中心");
        OrgUnit district = organization.officeOf("320104").orElseThrow();
        assertThat(district.parentId()).isEqualTo(city.id());
        List<OrgUnit> streets = organization.children(district.id()).stream().filter(u -> !u.isDepartment()).toList();
        assertThat(streets).hasSize(12).allMatch(s -> s.divisionCode().length() == 9);
        assertThat(streets).extracting(OrgUnit::name).contains("夫子庙街道指挥中心", "红花街道指挥中心");
        assertThat(organization.departmentsOf("320104")).extracting(OrgUnit::name)
                .containsAll(DemoPeople.DEPARTMENTS.stream().map(DemoPeople.Department::name).toList());
        assertThat(organization.departmentsOf("320104")).allMatch(d -> d.parentId() == district.id());
        long communityOffices = jdbc.sql("SELECT count(*) FROM people_org_unit WHERE length(division_code) = 12").query(Long.class).single();
        long communitiesWithGrids = grids.comprehensiveGridCodes().stream().map(c -> c.substring(0, 12)).distinct().count();
        assertThat(communityOffices).isEqualTo(communitiesWithGrids);
    }

    @Test
    void allDemoAccountsShareOnePasswordHash() {
        List<String> hashes = jdbc.sql("SELECT DISTINCT password_hash FROM people_user WHERE created_at = (SELECT min(created_at) FROM people_user)")
                .query(String.class).list();
        assertThat(hashes).hasSize(1);
        assertThat(passwords.matches(DemoPeople.PASSWORD, hashes.getFirst())).isTrue();
    }

    @Test
    void demoDataIsLoadedOnlyOnce() {
        long before = jdbc.sql("SELECT count(*) FROM people_user").query(Long.class).single();
        assertThat(demo.loadIfEmpty()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM people_user").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void geographyFindsGridWorkersThroughTheDirectory() {
        assertThat(directory.find("GridWorker")).hasValueSatisfying(w -> {
            assertThat(w.fullTime()).isTrue();
            assertThat(w.displayName()).startsWith("张伟");
        });
        assertThat(directory.find("dispatcher")).isEmpty();
        assertThat(directory.find("nobody")).isEmpty();
        String someGrid = grids.comprehensiveGridCodes().getLast();
        assertThat(directory.findAll(List.of("gridworker", "gw-" + someGrid, "handler", "nobody")))
                .containsOnlyKeys("gridworker", "gw-" + someGrid);
    }

    OrgUnit unitOf(String username) {
        return organization.find(people.findByUsername(username).orElseThrow().orgUnitId()).orElseThrow();
    }
}
