package org.yiwang.registry;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Coordinate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.IdNumberCipher;
import org.yiwang.platform.IdNumbers;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.YiwangProperties;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated but plausible demo registers, once, on the first start with {@code yiwang.demo-data}: a few
 * buildings in every comprehensive grid of 夫子庙街道 along its real streets and some in every other street
 * of 秦淮区, houses (owner-occupied, rented, vacant), households with a realistic age mix (an ageing old
 * town: about a quarter over 60), care tags that follow from age and a few per cent of others, a handful of
 * special-group tags, and shops. Bulk inserts, bounded by {@code yiwang.registry.demo.max-people}.
 */
@Component
@Order(RegistryDemo.ORDER)
class RegistryDemo implements ApplicationRunner {

    /** After the demo territory (geo) and the demo users (people). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 300;
    static final String DISTRICT = "320104";
    static final String FUZIMIAO = "320104002";

    private static final Logger log = LoggerFactory.getLogger(RegistryDemo.class);
    private static final String[] FUZIMIAO_STREETS = {"贡院街", "瞻园路", "平江府路", "大石坝街", "琵琶巷", "箍桶巷", "剪子巷",
            "长乐路", "中华路", "马道街", "钞库街", "信府河"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "玉兰", "红", "建国", "志强", "子涵", "浩然"};
    private static final String[] SHOPS = {"鸭血粉丝汤", "小笼包", "茶社", "便利店", "理发店", "药房", "五金店", "水果店", "书店", "文创店"};

    private final YiwangProperties yiwang;
    private final RegistryProperties properties;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Grids grids;
    private final GridLocator locator;
    private final IdNumberCipher cipher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RegistryDemo(YiwangProperties yiwang, RegistryProperties properties, JdbcClient jdbc, JdbcTemplate template, Grids grids,
                 GridLocator locator, IdNumberCipher cipher, PlatformTransactionManager transactions, Clock clock) {
        this.yiwang = yiwang;
        this.properties = properties;
        this.jdbc = jdbc;
        this.template = template;
        this.grids = grids;
        this.locator = locator;
        this.cipher = cipher;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (yiwang.demoData()) {
            loadIfEmpty();
        }
    }

    /** Generates the demo registers unless some building exists; returns the number of people made. */
    int loadIfEmpty() {
        Integer made = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('registry.demo'))").query(rs -> {
            });
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry_building)").query(Boolean.class).single()) {
                return -1;
            }
            locator.refresh();
            long started = System.nanoTime();
            List<String> chosen = new ArrayList<>();
            List<String> all = grids.comprehensiveGridCodes(DISTRICT);
            for (int i = 0; i < all.size(); i++) {
                String grid = all.get(i);
                int count = grid.startsWith(FUZIMIAO) ? properties.demo().buildingsPerGrid()
                        : i % 4 == 0 ? properties.demo().buildingsPerOtherGrid() : 0;
                for (int b = 0; b < count; b++) {
                    chosen.add(grid);
                }
            }
            int people = generate(chosen, new Random(20261207L));
            log.info("Demo registers: {} buildings, {} people in {} ms", chosen.size(), people, (System.nanoTime() - started) / 1_000_000);
            return people;
        });
        return made == null ? 0 : made;
    }

    private int generate(List<String> buildingGrids, Random random) {
        long started = System.nanoTime();
        Timestamp now = Timestamp.from(clock.instant());
        LocalDate today = LocalDate.now(clock.withZone(Registers.ZONE));
        GeometryFactory geometry = new GeometryFactory();
        List<Object[]> buildings = new ArrayList<>();
        List<Object[]> houses = new ArrayList<>();
        List<Object[]> households = new ArrayList<>();
        List<Object[]> persons = new ArrayList<>();
        List<Object[]> shops = new ArrayList<>();
        long buildingId = reserve("registry_building_id_seq", buildingGrids.size());
        int number = 1;
        int peopleLeft = properties.demo().maxPeople();
        int idSequence = 0;
        List<long[]> houseIds = new ArrayList<>();
        for (String grid : buildingGrids) {
            IndexedGrid indexed = locator.grid(grid).orElse(null);
            if (indexed == null) {
                continue;
            }
            Point point = pointIn(indexed.geometry(), geometry, random);
            String road = grid.startsWith(FUZIMIAO) ? FUZIMIAO_STREETS[random.nextInt(FUZIMIAO_STREETS.length)]
                    : indexed.community().name().replace("社区", "") + "路";
            String address = "南京市秦淮区" + road + (number++) + "号";
            int floors = 3 + random.nextInt(3);
            long id = buildingId++;
            buildings.add(new Object[]{id, DISTRICT, grid, road + (number - 1) + "号楼", address, point.getX(), point.getY(), floors, now, now});
            for (int f = 1; f <= floors; f++) {
                for (int r = 1; r <= 2; r++) {
                    houseIds.add(new long[]{id, f * 100L + r});
                }
            }
            if (grid.startsWith(FUZIMIAO) && random.nextInt(3) > 0) {
                String credit = Fields.withCreditCheck("92320104MA" + String.format("%07d", random.nextInt(10_000_000)).replace('0', 'A'));
                shops.add(new Object[]{DISTRICT, grid, id, road + SHOPS[random.nextInt(SHOPS.length)], credit,
                        random.nextBoolean() ? "营业执照;食品经营许可证" : "营业执照", name(random), mobile(random),
                        random.nextInt(10) == 0 ? "HIGH" : random.nextInt(3) == 0 ? "MEDIUM" : "LOW", address + "一层",
                        point.getX(), point.getY(), now, now});
            }
        }
        long houseId = reserve("registry_house_id_seq", houseIds.size());
        long householdId = reserve("registry_household_id_seq", houseIds.size());
        java.util.Map<Long, String> buildingGrid = new java.util.HashMap<>();
        for (Object[] b : buildings) {
            buildingGrid.put((Long) b[0], (String) b[2]);
        }
        for (long[] room : houseIds) {
            long house = houseId++;
            String grid = buildingGrid.get(room[0]);
            int roll = random.nextInt(10);
            String occupancy = roll < 7 ? "OWNER_OCCUPIED" : roll < 9 ? "RENTED" : "VACANT";
            houses.add(new Object[]{house, room[0], DISTRICT, grid, String.valueOf(room[1]), "RESIDENTIAL", occupancy,
                    java.math.BigDecimal.valueOf(45 + random.nextInt(80)), now, now});
            if (occupancy.equals("VACANT") || peopleLeft <= 0) {
                continue;
            }
            long household = householdId++;
            households.add(new Object[]{household, house, DISTRICT, grid, "H" + grid + "-" + household, now});
            for (Member m : family(random, today, occupancy.equals("RENTED"))) {
                if (peopleLeft-- <= 0) {
                    break;
                }
                idSequence++;
                String id = IdNumbers.withCheckCharacter("320104" + m.born().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                        + "%02d%d".formatted(idSequence % 100, (m.male() ? 1 : 0) + 2 * random.nextInt(5)));
                String phone = m.born().isAfter(today.minusYears(14)) ? null : mobile(random);
                Set<PersonTag> tags = tags(m, today, random);
                persons.add(new Object[]{house, household, DISTRICT, grid, m.name(), m.male() ? "MALE" : "FEMALE", m.born(),
                        cipher.encrypt(id, Registers.ID_PURPOSE), cipher.lookupHash(id), PersonalData.maskIdNumber(id), phone,
                        m.residence(), m.relation(), random.nextInt(20) == 0 ? "AWAY" : "PRESENT",
                        Registers.tagArray(tags), tags.stream().anyMatch(PersonTag::special), now, now});
            }
        }
        long generated = System.nanoTime();
        template.batchUpdate("""
                insert into registry_building (id, district_code, grid_code, name, address, lon, lat, floors, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", buildings);
        template.batchUpdate("""
                insert into registry_house (id, building_id, district_code, grid_code, room, house_use, occupancy, area_m2, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", houses);
        template.batchUpdate("""
                insert into registry_household (id, house_id, district_code, grid_code, number, created_at) values (?, ?, ?, ?, ?, ?)""", households);
        template.batchUpdate("""
                insert into registry_person (house_id, household_id, district_code, grid_code, name, gender, birth_date, id_cipher, id_hash,
                       id_masked, phone, residence, relation, living, tags, special, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?, ?, ?)""", persons);
        template.batchUpdate("""
                insert into registry_business (district_code, grid_code, building_id, name, credit_code, licences, contact_name, contact_phone,
                       risk, address, lon, lat, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (credit_code) do nothing""", shops);
        log.info("Demo registers generated in {} ms, stored in {} ms", (generated - started) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
        return persons.size();
    }

    record Member(String name, boolean male, LocalDate born, String relation, String residence) {
    }

    /** A household: a couple or a single person, sometimes children, sometimes an old parent; tenants more often young. */
    private static List<Member> family(Random random, LocalDate today, boolean rented) {
        List<Member> members = new ArrayList<>();
        int householderAge = rented ? 22 + random.nextInt(30) : 28 + (int) Math.min(67, Math.abs(random.nextGaussian() * 22 + 22));
        boolean male = random.nextBoolean();
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        String residence = rented ? (random.nextInt(4) == 0 ? "REGISTERED" : "FLOATING") : "REGISTERED";
        members.add(member(random, surname, male, today, householderAge, "HOUSEHOLDER", residence));
        boolean alone = householderAge >= 65 ? random.nextInt(3) == 0 : random.nextInt(5) == 0;
        if (alone) {
            return members;
        }
        members.add(member(random, SURNAMES[random.nextInt(SURNAMES.length)], !male, today,
                Math.max(20, householderAge + random.nextInt(7) - 3), "SPOUSE", residence));
        if (householderAge < 55 && random.nextInt(3) > 0) {
            int children = 1 + random.nextInt(2);
            for (int c = 0; c < children; c++) {
                members.add(member(random, surname, random.nextBoolean(), today, Math.max(0, householderAge - 24 - random.nextInt(10)),
                        "CHILD", residence));
            }
        }
        if (householderAge >= 40 && householderAge < 60 && random.nextInt(5) == 0) {
            members.add(member(random, surname, random.nextBoolean(), today, householderAge + 26 + random.nextInt(8), "PARENT", residence));
        }
        return members;
    }

    private static Member member(Random random, String surname, boolean male, LocalDate today, int age, String relation, String residence) {
        LocalDate born = today.minusYears(age).minusDays(1 + random.nextInt(364));
        return new Member(surname + GIVEN[random.nextInt(GIVEN.length)], male, born, relation, residence);
    }

    /** Care tags follow from age and household; a few per cent of others; special groups rare. */
    private static Set<PersonTag> tags(Member m, LocalDate today, Random random) {
        Set<PersonTag> tags = EnumSet.noneOf(PersonTag.class);
        int age = java.time.Period.between(m.born(), today).getYears();
        if (age >= 80) {
            tags.add(PersonTag.ADVANCED_AGE);
        }
        if (age >= 65 && m.relation().equals("HOUSEHOLDER") && random.nextInt(3) == 0) {
            tags.add(PersonTag.LIVING_ALONE_ELDERLY);
        } else if (age >= 65 && random.nextInt(4) == 0) {
            tags.add(PersonTag.EMPTY_NEST_ELDERLY);
        }
        if (random.nextInt(40) == 0) {
            tags.add(PersonTag.DISABLED);
        }
        if (random.nextInt(60) == 0) {
            tags.add(random.nextBoolean() ? PersonTag.SUBSISTENCE_ALLOWANCE : PersonTag.EXTREME_POVERTY);
        }
        if (age < 18 && random.nextInt(80) == 0) {
            tags.add(PersonTag.CHILD_IN_DIFFICULTY);
        }
        if (age >= 22 && m.male() && random.nextInt(30) == 0) {
            tags.add(PersonTag.VETERAN);
        }
        if (age >= 18 && random.nextInt(300) == 0) {
            PersonTag[] special = {PersonTag.COMMUNITY_CORRECTION, PersonTag.RELEASED_PRISONER, PersonTag.SEVERE_MENTAL_DISORDER,
                    PersonTag.KEY_PETITIONER};
            tags.add(special[random.nextInt(special.length)]);
        }
        return tags;
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String mobile(Random random) {
        String[] prefixes = {"139", "138", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187", "188", "189", "177", "180"};
        return prefixes[random.nextInt(prefixes.length)] + "%08d".formatted(random.nextInt(100_000_000));
    }

    private static Point pointIn(Geometry polygon, GeometryFactory factory, Random random) {
        Envelope box = polygon.getEnvelopeInternal();
        for (int i = 0; i < 30; i++) {
            Point p = factory.createPoint(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight()));
            if (polygon.contains(p)) {
                return p;
            }
        }
        return polygon.getInteriorPoint();
    }

    /** Reserves {@code count} consecutive ids of a sequence; returns the first. */
    private long reserve(String sequence, int count) {
        if (count == 0) {
            return 0;
        }
        long last = jdbc.sql("select setval(:seq, nextval(:seq) + :n - 1)").param("seq", sequence).param("n", count)
                .query(Long.class).single();
        return last - count + 1;
    }
}
