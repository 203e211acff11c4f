package org.yiwang.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.GridsChanged;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.yiwang.registry.RegistryApi.FUZIMIAO;
import static org.yiwang.registry.RegistryApi.idNumber;

/** Records follow their grids: a boundary change moves a building with its houses and people. */
@RegistrySpringTest
class RegriddingTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired JdbcClient jdbc;
    @Autowired Regridding regridding;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    RegistryApi api;

    @BeforeEach
    void demoUsersOfQinhuai() {
        api = new RegistryApi(mvc, json, users, grids, locator);
    }

    @Test
    void whenTheGridsOfACommunityChangeTheBuildingMovesWithItsPeopleAndTheDryRunSaidSo() throws Exception {
        long person = api.personIn("dispatcher", FUZIMIAO, "钱进", idNumber("19700707", true), null, List.of());
        long building = jdbc.sql("select h.building_id from registry_person p join registry_house h on h.id = p.house_id where p.id = :id")
                .param("id", person).query(Long.class).single();
        String grid = jdbc.sql("select grid_code from registry_building where id = :id").param("id", building).query(String.class).single();
        // the boundary moved: under the index the point lies in `grid`, the register still says another grid of the street
        String before = grids.comprehensiveGridCodes(FUZIMIAO).stream().filter(g -> !g.equals(grid)).findFirst().orElseThrow();
        for (String table : List.of("registry_building", "registry_house", "registry_person")) {
            jdbc.sql("update " + table + " set grid_code = :g where " + (table.equals("registry_building") ? "id" : table.equals("registry_house") ? "building_id" : "id")
                    + " = :id").param("g", before).param("id", table.equals("registry_person") ? person : building).update();
        }

        List<Regridding.Move> planned = regridding.plan(locator.index(), Set.of(FUZIMIAO));
        assertThat(planned).contains(new Regridding.Move("building", building, jdbc.sql("select name from registry_building where id = :id")
                .param("id", building).query(String.class).single(), before, grid));
        assertThat(jdbc.sql("select grid_code from registry_building where id = :id").param("id", building).query(String.class).single())
                .as("a dry run moves nothing").isEqualTo(before);

        transaction.executeWithoutResult(s -> events.publishEvent(new GridsChanged(Set.of(grid.substring(0, 12)), 0, 1, 0, locator.index().revision())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.sql("select grid_code from registry_person where id = :id").param("id", person).query(String.class).single()).isEqualTo(grid));
        assertThat(jdbc.sql("select grid_code from registry_house where building_id = :id").param("id", building).query(String.class).single()).isEqualTo(grid);
        assertThat(api.get("dispatcher", "/api/registry/people/" + person, 200).get("person").get("gridCode").asString()).isEqualTo(grid);
        assertThat(jdbc.sql("select count(*) from registry_history where record_type = 'building' and record_id = :id and action = 'MOVED' and new_value = :g")
                .param("id", building).param("g", grid).query(Long.class).single()).isEqualTo(1);
    }
}
