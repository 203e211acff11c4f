package org.yiwang.registry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.LonLat;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo registers made on first start: every grid of 夫子庙街道 has content, ages and tags look real. */
@RegistrySpringTest
class RegistryDemoTests {

    @Autowired JdbcClient jdbc;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired RegistryDemo demo;
    @Autowired RegistryProperties properties;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyGridOfFuzimiaoHasBuildingsPeopleAndEveryStreetSome() {
        for (String grid : grids.comprehensiveGridCodes(RegistryDemo.FUZIMIAO)) {
            assertThat(count("select count(*) from registry_building where grid_code = '" + grid + "'")).as(grid).isPositive();
        }
        long streets = count("select count(distinct left(grid_code, 9)) from registry_building");
        long allStreets = grids.comprehensiveGridCodes(RegistryDemo.DISTRICT).stream().map(g -> g.substring(0, 9)).distinct().count();
        assertThat(streets).isEqualTo(allStreets);
        long people = count("select count(*) from registry_person");
        assertThat(people).isBetween(2_000L, (long) properties.demo().maxPeople());
        assertThat(count("select count(*) from registry_business")).isPositive();
    }

    @Test
    void theAgeMixIsThatOfAnAgeingOldTownWithCareTags() {
        double total = count("select count(*) from registry_person");
        double over60 = count("select count(*) from registry_person where birth_date <= current_date - interval '60 years'");
        double children = count("select count(*) from registry_person where birth_date > current_date - interval '18 years'");
        assertThat(over60 / total).isBetween(0.15, 0.50);
        assertThat(children / total).isBetween(0.05, 0.30);
        assertThat(count("select count(*) from registry_person where tags @> array['ADVANCED_AGE']::varchar[]")).isPositive();
        assertThat(count("select count(*) from registry_person where tags @> array['LIVING_ALONE_ELDERLY']::varchar[]")).isPositive();
        assertThat(count("""
                select count(*) from registry_person where tags @> array['ADVANCED_AGE']::varchar[]
                and birth_date > current_date - interval '80 years'""")).isZero();
        assertThat(count("select count(*) from registry_person where special <> (tags && array['COMMUNITY_CORRECTION','RELEASED_PRISONER','SEVERE_MENTAL_DISORDER','DRUG_USER','KEY_PETITIONER']::varchar[])")).isZero();
    }

    @Test
    void eachBuildingLiesInItsGridAndTheDemoRunsOnce() {
        jdbc.sql("select id, grid_code, lon, lat from registry_building order by id limit 200").query(rs -> {
            String located = locator.locate(new LonLat(rs.getDouble("lon"), rs.getDouble("lat")))
                    .map(l -> l.comprehensiveGrid().orElse(l.grids().getFirst()).code()).orElseThrow();
            assertThat(located).isEqualTo(rs.getString("grid_code"));
        });
        long before = count("select count(*) from registry_person");
        assertThat(demo.loadIfEmpty()).isEqualTo(-1);
        assertThat(count("select count(*) from registry_person")).isEqualTo(before);
    }
}
