package org.yiwang.fieldwork;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visit coverage at district scale: generates {@code fieldwork.volume.households} households (70,000 when measured,
 * seed 004's 7万余户, see README "Benchmarks"; 20,000 in the everyday suite) over every comprehensive grid of 秦淮区,
 * registered a year ago, half of them covered in the current round and a quarter only in the previous one, then
 * runs the coverage per street and per grid as a leader and the households-due list as community staff and as a
 * grid worker, printing p50/p95. Checks the figures against the generated data and that one grid's list reads the
 * households by the grid index; timings are printed, not asserted. Its own context, closed afterwards.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class VisitVolumeTests {

    static final int HOUSEHOLDS = Integer.getInteger("fieldwork.volume.households", 20_000);
    static final int RUNS = Integer.getInteger("fieldwork.volume.runs", 30);

    @Autowired JdbcClient jdbc;
    @Autowired GridLocator locator;
    @Autowired Grids grids;
    @Autowired People people;
    @Autowired Visits visits;
    @Autowired VisitCycles cycles;

    @Test
    void coverageAndTheDueListOfADistrictAddUpAndReadTheGridIndex() {
        List<IndexedGrid> district = locator.index().grids().stream()
                .filter(g -> g.code().startsWith("320104") && g.kind() == GridKind.COMPREHENSIVE).toList();
        String[] codes = district.stream().map(IndexedGrid::code).toArray(String[]::new);
        long started = System.nanoTime();
        long b0 = next("registry_building"), h0 = next("registry_house"), hh0 = next("registry_household"), v0 = next("fieldwork_visit");
        int buildings = Math.max(1, HOUSEHOLDS / 20);
        jdbc.sql("""
                        insert into registry_building (id, district_code, grid_code, name, address, lon, lat, floors, created_at, updated_at)
                        select :b0 + i, '320104', (:codes)[1 + i % :n], '走访基准楼' || i, '南京市秦淮区走访基准路' || i || '号', 118.79, 32.02, 6,
                               now(), now()
                        from generate_series(0, :count - 1) i""")
                .param("b0", b0).param("codes", codes).param("n", codes.length).param("count", buildings).update();
        jdbc.sql("""
                        insert into registry_house (id, building_id, district_code, grid_code, room, house_use, occupancy, created_at, updated_at)
                        select :h0 + i, :b0 + i / 20, '320104', (:codes)[1 + (i / 20) % :n], (i % 20 + 101)::text, 'RESIDENTIAL', 'OWNER_OCCUPIED',
                               now(), now()
                        from generate_series(0, :count - 1) i""")
                .param("h0", h0).param("b0", b0).param("codes", codes).param("n", codes.length).param("count", buildings * 20).update();
        jdbc.sql("""
                        insert into registry_household (id, house_id, district_code, grid_code, number, created_at)
                        select :hh0 + i, :h0 + i, '320104', (:codes)[1 + (i / 20) % :n], 'HV' || (:hh0 + i), now() - interval '1 year'
                        from generate_series(0, :count - 1) i""")
                .param("hh0", hh0).param("h0", h0).param("codes", codes).param("n", codes.length).param("count", buildings * 20).update();
        jdbc.sql("select setval('registry_household_id_seq', (select max(id) from registry_household))").query(Long.class).single();
        LocalDate today = cycles.today();
        VisitCycle.Round round = cycles.defaultCycle().roundOf(today);
        LocalDate previous = cycles.defaultCycle().round(round.number() - 1).start();
        // every even household visited (present) this round, every odd one of four only in the previous round
        jdbc.sql("""
                        insert into fieldwork_visit (id, household_id, district_code, grid_code, round_start, user_id, request_id, at, present, counted)
                        select :v0 + i, :hh0 + i, '320104', (:codes)[1 + (i / 20) % :n],
                               case when i % 2 = 0 then :round else :previous end, 1, 'bench-' || i,
                               case when i % 2 = 0 then now() else :previous::timestamp + interval '1 day' end, true, true
                        from generate_series(0, :count - 1) i where i % 2 = 0 or i % 4 = 1""")
                .param("v0", v0).param("hh0", hh0).param("codes", codes).param("n", codes.length).param("round", round.start())
                .param("previous", previous).param("count", buildings * 20).update();
        jdbc.sql("select setval('fieldwork_visit_id_seq', (select max(id) from fieldwork_visit))").query(Long.class).single();
        jdbc.sql("""
                        insert into fieldwork_visit_cover (household_id, round_start, district_code, grid_code, visit_id, at)
                        select household_id, round_start, district_code, grid_code, id, at from fieldwork_visit where id >= :v0""")
                .param("v0", v0).update();
        jdbc.sql("analyze").update();
        System.out.printf("visit volume: %,d households (%,d grids) with %,d visits generated in %,d ms%n", buildings * 20, codes.length,
                jdbc.sql("select count(*) from fieldwork_visit where id >= :v0").param("v0", v0).query(Long.class).single(),
                (System.nanoTime() - started) / 1_000_000);

        Actor leader = new Actor(2, "bench", "bench", Set.of(Role.LEADER), null, null, DataScope.everything(), false);
        String community = codes[0].substring(0, 12);
        Actor staff = new Actor(3, "bench-community", "bench", Set.of(Role.COMMUNITY_STAFF), null, null, DataScope.division(community), false);
        Actor worker = people.findByUsername("gridworker").map(u -> new Actor(u.id(), "gridworker", "gridworker", Set.of(Role.GRID_WORKER),
                null, null, DataScope.NONE, false)).orElseThrow();

        List<VisitCoverage> streets = time("coverage per street (district)", () -> visits.coverage("street", "320104", leader));
        long households = jdbc.sql("select count(*) from registry_household where grid_code like '320104%'").query(Long.class).single();
        assertThat(streets.stream().mapToLong(VisitCoverage::households).sum()).isEqualTo(households);
        long generatedCovered = (buildings * 20 + 1) / 2;
        long covered = streets.stream().mapToLong(VisitCoverage::covered).sum();
        assertThat(covered).isGreaterThanOrEqualTo(generatedCovered);
        // never visited this round nor the last: the odd households not ≡ 1 (mod 4) — a quarter, plus older ones already there
        assertThat(streets.stream().mapToLong(VisitCoverage::overdue).sum()).isGreaterThanOrEqualTo(buildings * 20 / 4);
        List<VisitCoverage> perGrid = time("coverage per grid (district)", () -> visits.coverage("grid", "320104", leader));
        assertThat(perGrid.stream().mapToLong(VisitCoverage::covered).sum()).isEqualTo(covered);
        var due = time("households due (community staff)", () -> visits.due(null, false, 0, 50, staff));
        assertThat(due.items()).hasSize(50).allSatisfy(h -> assertThat(h.standing()).isNotEqualTo(HouseholdStanding.COVERED));
        assertThat(due.items().getFirst().lastPresentAt()).isNull();
        var mine = time("households due (grid worker)", () -> visits.due(null, false, 0, 50, worker));
        assertThat(mine.items()).isNotEmpty();
        String plan = String.join("\n", jdbc.sql("explain select hh.id from registry_household hh where hh.grid_code = any (cast(:p as varchar[]))")
                .param("p", new String[]{codes[0]}).query(String.class).list());
        System.out.println(plan);
        assertThat(plan).contains("registry_household_grid_ix");
    }

    private <T> T time(String what, Supplier<T> call) {
        T result = call.get();
        long[] ns = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("visit volume %-36s p50 %7.2f ms  p95 %7.2f ms  (%d runs)%n", what, ns[RUNS / 2] / 1e6,
                ns[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, RUNS);
        return result;
    }

    long next(String table) {
        return jdbc.sql("select coalesce(max(id), 0) + 1 from " + table).query(Long.class).single();
    }
}
