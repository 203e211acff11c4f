package org.yiwang.registry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.IdNumberCipher;
import org.yiwang.platform.IdNumbers;
import org.yiwang.platform.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Register search at district scale: generates {@code registry.volume.people} people (1,000,000 when measured,
 * see README "Benchmarks"; 20,000 in the everyday suite) in 40 % as many houses, 20 houses a building, over
 * every comprehensive grid of 秦淮区, then runs each kind of search (name prefix, exact ID, phone, address,
 * tag in a grid, grid, the plain list) through {@link RegisterQueries} as a district-wide dispatcher and
 * prints p50/p95/p99. Checks that every search finds what it should and that the hot ones use their index;
 * timings are printed, not asserted. Its own context, closed afterwards.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistrySearchVolumeTests {

    static final int PEOPLE = Integer.getInteger("registry.volume.people", 20_000);
    static final int HOUSES = Math.max(20, PEOPLE * 2 / 5);
    static final int BUILDINGS = Math.max(1, HOUSES / 20);
    static final int SAMPLED = Math.min(1_000, PEOPLE);
    static final int RUNS = Integer.getInteger("registry.volume.runs", 200);
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
            "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
            "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "玉兰", "红", "建国", "志强", "子涵", "浩然"};

    @Autowired JdbcClient jdbc;
    @Autowired GridLocator locator;
    @Autowired IdNumberCipher cipher;
    @Autowired RegisterQueries queries;

    @Test
    void searchesOfADistrictRegisterFindWhatTheyShouldThroughTheirIndexes() {
        List<IndexedGrid> grids = locator.index().grids().stream()
                .filter(g -> g.code().startsWith("320104") && g.kind() == org.yiwang.geo.GridKind.COMPREHENSIVE).toList();
        long started = System.nanoTime();
        long b0 = next("registry_building"), h0 = next("registry_house"), p0 = next("registry_person");
        String[] codes = grids.stream().map(IndexedGrid::code).toArray(String[]::new);
        Double[] lons = grids.stream().map(g -> g.geometry().getInteriorPoint().getX()).toArray(Double[]::new);
        Double[] lats = grids.stream().map(g -> g.geometry().getInteriorPoint().getY()).toArray(Double[]::new);
        jdbc.sql("""
                        insert into registry_building (id, district_code, grid_code, name, address, lon, lat, floors, created_at, updated_at)
                        select :b0 + i, '320104', (:codes)[1 + i % :n], '基准楼' || i, '南京市秦淮区基准路' || i || '号',
                               (:lons)[1 + i % :n], (:lats)[1 + i % :n], 6, now(), now()
                        from generate_series(0, :count - 1) i""")
                .param("b0", b0).param("codes", codes).param("lons", lons).param("lats", lats).param("n", codes.length)
                .param("count", BUILDINGS).update();
        jdbc.sql("""
                        insert into registry_house (id, building_id, district_code, grid_code, room, house_use, occupancy, created_at, updated_at)
                        select :h0 + i, :b0 + (i / 20) % :buildings, '320104', (:codes)[1 + ((i / 20) % :buildings) % :n], (i % 20 + 101)::text || '-' || (i / 20 / :buildings),
                               'RESIDENTIAL', (array['OWNER_OCCUPIED','RENTED','VACANT'])[1 + i % 3], now(), now()
                        from generate_series(0, :count - 1) i""")
                .param("h0", h0).param("b0", b0).param("buildings", BUILDINGS).param("codes", codes).param("n", codes.length)
                .param("count", HOUSES).update();
        jdbc.sql("""
                        insert into registry_person (id, house_id, district_code, grid_code, name, gender, birth_date, id_hash, id_masked, phone,
                               residence, relation, living, tags, special, created_at, updated_at)
                        select :p0 + i, :h0 + i % :houses, '320104', (:codes)[1 + (((i % :houses) / 20) % :buildings) % :n],
                               (:surnames)[1 + i % 30] || (:given)[1 + (i / 30) % 32],
                               case when i % 2 = 0 then 'MALE' else 'FEMALE' end, date '1930-01-01' + (i::bigint * 7919 % 32000)::int,
                               decode(md5(i::text), 'hex'), '320104********' || lpad((i % 10000)::text, 4, '0'),
                               '139' || lpad((i::bigint * 7919 % 100000000)::text, 8, '0'),
                               'REGISTERED', 'OTHER', 'PRESENT',
                               case when i % 25 = 0 then array['ADVANCED_AGE']::varchar[] when i % 97 = 0 then array['DISABLED']::varchar[]
                                    else '{}'::varchar[] end, false, now(), now()
                        from generate_series(0, :count - 1) i""")
                .param("p0", p0).param("h0", h0).param("houses", HOUSES).param("buildings", BUILDINGS).param("codes", codes)
                .param("n", codes.length).param("surnames", SURNAMES).param("given", GIVEN).param("count", PEOPLE).update();
        // a sample gets real ID numbers, hashed by the real key, for the exact ID search
        Random random = new Random(12);
        List<long[]> sample = new ArrayList<>();
        Map<Long, String> ids = new LinkedHashMap<>();
        for (int s = 0; s < SAMPLED; s++) {
            long person = p0 + random.nextInt(PEOPLE);
            String id = IdNumbers.withCheckCharacter("3201041960%02d%02d%03d".formatted(1 + s % 12, 1 + s % 28, s % 1000));
            if (ids.containsValue(id) || ids.containsKey(person)) {
                continue;
            }
            ids.put(person, id);
            jdbc.sql("update registry_person set id_hash = :h where id = :id").param("h", cipher.lookupHash(id)).param("id", person).update();
        }
        for (String table : List.of("registry_building", "registry_house", "registry_person")) {
            jdbc.sql("select setval('" + table + "_id_seq', (select max(id) from " + table + "))").query(Long.class).single();
            jdbc.sql("analyze " + table).update();
        }
        System.out.printf("registry volume: %,d people, %,d houses, %,d buildings generated in %,d ms%n", PEOPLE, HOUSES, BUILDINGS,
                (System.nanoTime() - started) / 1_000_000);

        Actor dispatcher = new Actor(2, "bench", "bench", Set.of(Role.DISPATCHER), null, null, DataScope.division("320104000000"), false);
        List<Long> sampled = List.copyOf(ids.keySet());
        int used = Math.min(codes.length, BUILDINGS); // grids that got buildings
        Map<String, IntFunction<RegisterQueries.PersonSearch>> kinds = new LinkedHashMap<>();
        kinds.put("name prefix (姓+名)", r -> search(SURNAMES[r % 30] + GIVEN[(r / 30) % 32], null, null, null, null, null));
        kinds.put("name prefix (姓)", r -> search(SURNAMES[r % 30], null, null, null, null, null));
        kinds.put("exact ID", r -> search(null, ids.get(sampled.get(r % sampled.size())), null, null, null, null));
        kinds.put("exact phone", r -> search(null, null, "139" + "%08d".formatted((long) (r * 31 % PEOPLE) * 7919 % 100_000_000), null, null, null));
        kinds.put("address (a building)", r -> search(null, null, null, "南京市秦淮区基准路" + (r * 13 % BUILDINGS) + "号", null, null));
        kinds.put("tag in a grid", r -> search(null, null, null, null, "ADVANCED_AGE", codes[r % used]));
        kinds.put("grid", r -> search(null, null, null, null, null, codes[r % used]));
        kinds.put("community", r -> search(null, null, null, null, null, codes[r % used].substring(0, 12)));
        kinds.put("whole district, first page", r -> search(null, null, null, null, null, null));

        for (var kind : kinds.entrySet()) {
            for (int r = 0; r < 30; r++) {
                queries.searchPeople(kind.getValue().apply(r), dispatcher);
            }
            long[] nanos = new long[RUNS];
            int empty = 0;
            for (int r = 0; r < RUNS; r++) {
                long t = System.nanoTime();
                RegisterQueries.Page<RegisterQueries.PersonView> page = queries.searchPeople(kind.getValue().apply(r + 1000), dispatcher);
                nanos[r] = System.nanoTime() - t;
                if (page.items().isEmpty()) {
                    empty++;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("registry search %-28s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d runs, %d empty)%n",
                    kind.getKey(), nanos[RUNS / 2] / 1e6, nanos[RUNS * 95 / 100] / 1e6, nanos[RUNS * 99 / 100] / 1e6,
                    nanos[RUNS - 1] / 1e6, RUNS, empty);
            if (!kind.getKey().startsWith("exact phone") && !kind.getKey().startsWith("tag")) { // may rightly find nobody
                assertThat(empty).as(kind.getKey()).isLessThan(RUNS / 10);
            }
        }
        Long person = sampled.getFirst();
        assertThat(queries.searchPeople(search(null, ids.get(person), null, null, null, null), dispatcher).items())
                .extracting(RegisterQueries.PersonView::id).containsExactly(person);
        assertThat(plan("p.id_hash = decode(md5('1'), 'hex')")).contains("registry_person_id_hash_ix");
        assertThat(plan("p.phone = '13900000000'")).contains("registry_person_phone_ix");
        if (PEOPLE >= 200_000) { // on a small table a backward scan of the primary key is rightly cheaper
            assertThat(plan("p.name ~>=~ '王伟' and p.name ~<~ '王传'")).contains("registry_person_name_ix");
        }
    }

    static RegisterQueries.PersonSearch search(String name, String id, String phone, String address, String tag, String grid) {
        return new RegisterQueries.PersonSearch(name, id, phone, address, tag, grid, 0, 20);
    }

    long next(String table) {
        return jdbc.sql("select coalesce(max(id), 0) + 1 from " + table).query(Long.class).single();
    }

    String plan(String condition) {
        return String.join("\n", jdbc.sql("explain select p.id from registry_person p where p.deleted_at is null and " + condition
                + " and p.grid_code like any (array['320104%']) order by p.id desc limit 21").query(String.class).list());
    }
}
