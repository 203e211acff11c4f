package org.yiwang.people.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.Divisions;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.Grids;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.platform.IdNumberCipher;
import org.yiwang.platform.IdNumbers;
import org.yiwang.people.account.OrgUnits;
import org.yiwang.platform.Role;
import org.yiwang.platform.YiwangProperties;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo org units and users, on the first start only ({@code yiwang.demo-data} on and no user yet),
 * after geography has generated the demo territory: offices for 南京市, 秦淮区, its streets and every
 * demo community, the departments of 秦淮区, one user per role, and a full-time grid worker
 * ({@code gw-<grid code>}) for every comprehensive grid. Every demo account has the password
 * {@value #PASSWORD}, hashed once.
 */
@Component
@Order(DemoPeople.ORDER)
class DemoPeople implements ApplicationRunner {

    /** After geography's start-up, which generates the territory. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 200;
    static final String PASSWORD = "yiwang-demo";
    static final String CITY = "320100";
    static final String DISTRICT = "320104";
    static final String FUZIMIAO = "320104002";
    static final String HONGHUA = "320104003";

    private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

    /** The departments of 秦淮区 (秦淮区的职能部门). */
    static final List<Department> DEPARTMENTS = List.of(
            new Department(DepartmentType.URBAN_MANAGEMENT, "秦淮区城市管理局"),
            new Department(DepartmentType.MARKET_REGULATION, "秦淮区市场监督管理局"),
            new Department(DepartmentType.SANITATION, "秦淮区环境卫生管理所"),
            new Department(DepartmentType.HOUSING_CONSTRUCTION, "秦淮区住房和城乡建设局"),
            new Department(DepartmentType.TRANSPORT, "秦淮区交通运输局"),
            new Department(DepartmentType.POLICE_STATION, "秦淮公安分局夫子庙派出所"),
            new Department(DepartmentType.LAW_ENFORCEMENT, "秦淮区综合行政执法局"),
            new Department(DepartmentType.WATER_AFFAIRS, "秦淮区水务局"),
            new Department(DepartmentType.EMERGENCY_MANAGEMENT, "秦淮区应急管理局"),
            new Department(DepartmentType.LANDSCAPING, "秦淮区绿化园林局"),
            new Department(DepartmentType.ECOLOGY_ENVIRONMENT, "南京市秦淮生态环境局"),
            new Department(DepartmentType.CIVIL_AFFAIRS, "秦淮区民政局"),
            new Department(DepartmentType.HEALTH, "秦淮区卫生健康委员会"),
            new Department(DepartmentType.EDUCATION, "秦淮区教育局"),
            new Department(DepartmentType.FIRE_RESCUE, "秦淮区消防救援大队"),
            new Department(DepartmentType.UTILITIES, "秦淮区公用事业服务中心（供水、供电、燃气、通信）"),
            new Department(DepartmentType.OTHER, "秦淮区人力资源和社会保障局"));

    /**
     * A handler account for every department but 城管 (whose handler is {@code handler}): {@code handler-<name>},
     * so that an order routed to any department can be signed for and handled by a demo user.
     */
    static final Map<DepartmentType, String> HANDLERS = Map.ofEntries(
            Map.entry(DepartmentType.MARKET_REGULATION, "handler-market"),
            Map.entry(DepartmentType.SANITATION, "handler-sanitation"),
            Map.entry(DepartmentType.HOUSING_CONSTRUCTION, "handler-housing"),
            Map.entry(DepartmentType.TRANSPORT, "handler-transport"),
            Map.entry(DepartmentType.POLICE_STATION, "handler-police"),
            Map.entry(DepartmentType.LAW_ENFORCEMENT, "handler-enforcement"),
            Map.entry(DepartmentType.WATER_AFFAIRS, "handler-water"),
            Map.entry(DepartmentType.EMERGENCY_MANAGEMENT, "handler-emergency"),
            Map.entry(DepartmentType.LANDSCAPING, "handler-landscaping"),
            Map.entry(DepartmentType.ECOLOGY_ENVIRONMENT, "handler-ecology"),
            Map.entry(DepartmentType.CIVIL_AFFAIRS, "handler-civil"),
            Map.entry(DepartmentType.HEALTH, "handler-health"),
            Map.entry(DepartmentType.EDUCATION, "handler-education"),
            Map.entry(DepartmentType.FIRE_RESCUE, "handler-fire"),
            Map.entry(DepartmentType.UTILITIES, "handler-utilities"),
            Map.entry(DepartmentType.OTHER, "handler-hrss"));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN_NAMES = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "玉兰", "红", "建国", "志强"};

    private final YiwangProperties properties;
    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Divisions divisions;
    private final Grids grids;
    private final PasswordEncoder passwords;
    private final IdNumberCipher cipher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoPeople(YiwangProperties properties, JdbcClient jdbc, OrgUnits units, Divisions divisions, Grids grids,
               PasswordEncoder passwords, IdNumberCipher cipher, PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.units = units;
        this.divisions = divisions;
        this.grids = grids;
        this.passwords = passwords;
        this.cipher = cipher;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoData()) {
            loadIfEmpty();
        }
    }

    /** Loads the demo org units and users unless some user exists; returns whether it did. */
    boolean loadIfEmpty() {
        Boolean loaded = transaction.execute(status -> {
            // two nodes starting together: the second waits here, then finds the users
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('people.demo'))").query(rs -> {
            });
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM people_user)").query(Boolean.class).single()) {
                return false;
            }
            List<String> gridCodes = grids.comprehensiveGridCodes(DISTRICT);
            if (gridCodes.isEmpty()) {
                log.warn("No demo users: the territory of {} has no comprehensive grids", DISTRICT);
                return false;
            }
            long started = System.nanoTime();
            Instant now = clock.instant();
            Map<String, Long> offices = createOffices(now);
            Map<DepartmentType, Long> departments = createDepartments(offices.get(DISTRICT), now);
            String hash = passwords.encode(PASSWORD);
            String firstFuzimiaoGrid = gridCodes.stream().filter(c -> c.startsWith(FUZIMIAO)).findFirst().orElseThrow();
            Long community = offices.get(firstFuzimiaoGrid.substring(0, 12));

            List<NewUser> named = new ArrayList<>(List.of(
                    new NewUser("admin", "系统管理员", "13912345678", "32010419800101001", offices.get(CITY), Set.of(Role.ADMIN), false),
                    new NewUser("dispatcher", "王磊（夫子庙街道值班员）", "13912345601", "32010419850315002", offices.get(FUZIMIAO), Set.of(Role.DISPATCHER), false),
                    new NewUser("dispatcher-honghua", "李娜（红花街道值班员）", "13912345602", "32010419870622003", offices.get(HONGHUA), Set.of(Role.DISPATCHER), false),
                    new NewUser("gridworker", "张伟（网格员）", "13912345603", "32010419900909004", community, Set.of(Role.GRID_WORKER), true),
                    new NewUser("community", "刘洋（社区工作人员）", "13912345604", "32010419880412005", community, Set.of(Role.COMMUNITY_STAFF), false),
                    new NewUser("handler", "陈静（城管局处置人员）", "13912345605", "32010419830730006", departments.get(DepartmentType.URBAN_MANAGEMENT), Set.of(Role.HANDLER), false),
                    new NewUser("leader", "赵强（秦淮区领导）", "13912345606", "32010419751105007", offices.get(DISTRICT), Set.of(Role.LEADER), false),
                    new NewUser("resident", "周敏（居民）", "13912345607", "32010419950218008", null, Set.of(Role.RESIDENT), false),
                    // the district command centre: orders the duty list gives to the district's own office
                    new NewUser("dispatcher-district", "孙杰（秦淮区指挥中心值班员）", "13912345608", null, offices.get(DISTRICT),
                            Set.of(Role.DISPATCHER), false),
                    // the first rung of the escalation ladder: the street's duty leader and the handling unit's lead
                    new NewUser("leader-fuzimiao", "钱红（夫子庙街道带班领导）", "13912345609", null, offices.get(FUZIMIAO),
                            Set.of(Role.LEADER), false),
                    new NewUser("leader-urban", "吴斌（城管局分管领导）", "13912345610", null, departments.get(DepartmentType.URBAN_MANAGEMENT),
                            Set.of(Role.LEADER), false)));
            int phone = 20;
            for (Department department : DEPARTMENTS) {
                String username = HANDLERS.get(department.type());
                if (username != null) {
                    named.add(new NewUser(username, SURNAMES[phone % SURNAMES.length] + GIVEN_NAMES[phone % GIVEN_NAMES.length]
                            + "（" + department.name() + "）", "139123456" + (phone++), null, departments.get(department.type()),
                            Set.of(Role.HANDLER), false));
                }
            }
            Map<String, Long> namedIds = insertUsers(named, hash, now);

            List<NewUser> workers = new ArrayList<>(gridCodes.size());
            for (int i = 0; i < gridCodes.size(); i++) {
                String grid = gridCodes.get(i);
                workers.add(new NewUser("gw-" + grid, SURNAMES[i % SURNAMES.length] + GIVEN_NAMES[(i / SURNAMES.length) % GIVEN_NAMES.length],
                        "139" + String.format("%08d", 10_000_000 + i), null, offices.get(grid.substring(0, 12)),
                        Set.of(Role.GRID_WORKER), true));
            }
            Map<String, Long> workerIds = insertUsers(workers, hash, now);

            for (NewUser worker : workers) {
                String grid = worker.username().substring(3);
                grids.assignWorker(grid, new GridWorker(workerIds.get(worker.username()), worker.username(), worker.displayName(), true));
            }
            grids.assignWorker(firstFuzimiaoGrid, new GridWorker(namedIds.get("gridworker"), "gridworker", named.get(3).displayName(), true));

            log.info("Loaded demo people in {} ms: {} org units, {} users (password {}), a full-time grid worker for each of {} comprehensive grids",
                    (System.nanoTime() - started) / 1_000_000, offices.size() + departments.size(), named.size() + workers.size(),
                    PASSWORD, gridCodes.size());
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    /** Offices of the city, the district, its streets with communities, and those communities, by division code. */
    private Map<String, Long> createOffices(Instant now) {
        Map<String, Long> offices = new LinkedHashMap<>();
        Division city = divisions.find(CITY).orElseThrow(() -> new IllegalStateException("division " + CITY + " missing"));
        Division district = divisions.find(DISTRICT).orElseThrow(() -> new IllegalStateException("division " + DISTRICT + " missing"));
        offices.put(CITY, units.insert(null, OrgUnit.Kind.DIVISION, CITY, null, city.name() + "指挥中心", now));
        offices.put(DISTRICT, units.insert(offices.get(CITY), OrgUnit.Kind.DIVISION, DISTRICT, null, district.name() + "指挥中心", now));
        for (Division street : divisions.children(DISTRICT)) {
            List<Division> communities = divisions.children(street.code()).stream()
                    .filter(d -> d.level() == DivisionLevel.COMMUNITY).toList();
            if (street.level() != DivisionLevel.STREET || communities.isEmpty()) {
                continue;
            }
            long streetOffice = units.insert(offices.get(DISTRICT), OrgUnit.Kind.DIVISION, street.code(), null,
                    street.name() + "指挥中心", now);
            offices.put(street.code(), streetOffice);
            for (Division community : communities) {
                offices.put(community.code(), units.insert(streetOffice, OrgUnit.Kind.DIVISION, community.code(), null,
                        community.name() + "工作站", now));
            }
        }
        return offices;
    }

    private Map<DepartmentType, Long> createDepartments(long districtOffice, Instant now) {
        Map<DepartmentType, Long> ids = new HashMap<>();
        for (Department department : DEPARTMENTS) {
            ids.put(department.type(), units.insert(districtOffice, OrgUnit.Kind.DEPARTMENT, DISTRICT, department.type(),
                    department.name(), now));
        }
        return ids;
    }

    /** Inserts users and their roles in two statements; returns their ids by username. */
    private Map<String, Long> insertUsers(List<NewUser> users, String hash, Instant now) {
        int n = users.size();
        String[] usernames = new String[n];
        String[] names = new String[n];
        String[] phones = new String[n];
        byte[][] idNumbers = new byte[n][];
        Long[] orgUnits = new Long[n];
        Boolean[] fullTime = new Boolean[n];
        for (int i = 0; i < n; i++) {
            NewUser user = users.get(i);
            usernames[i] = user.username();
            names[i] = user.displayName();
            phones[i] = user.phone();
            idNumbers[i] = user.idNumberStart() == null ? null : cipher.encrypt(IdNumbers.withCheckCharacter(user.idNumberStart()));
            orgUnits[i] = user.orgUnitId();
            fullTime[i] = user.fullTimeGridWorker();
        }
        Map<String, Long> ids = new HashMap<>();
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                        INSERT INTO people_user (username, display_name, password_hash, phone, id_number_cipher, org_unit_id,
                                                 full_time_grid_worker, created_at, updated_at, password_changed_at)
                        SELECT u.username, u.display_name, :hash, u.phone, decode(NULLIF(u.id_number, ''), 'base64'),
                               u.org_unit_id, u.full_time, :at, :at, :at
                          FROM unnest(:usernames, :names, :phones, :idNumbers, :orgUnits, :fullTime)
                               AS u(username, display_name, phone, id_number, org_unit_id, full_time)
                        RETURNING id, username""")
                .param("hash", hash).param("at", at)
                .param("usernames", usernames).param("names", names).param("phones", phones)
                .param("idNumbers", base64(idNumbers)).param("orgUnits", orgUnits).param("fullTime", fullTime)
                .query(rs -> {
                    ids.put(rs.getString("username"), rs.getLong("id"));
                });
        List<Long> roleUsers = new ArrayList<>();
        List<String> roleNames = new ArrayList<>();
        for (NewUser user : users) {
            for (Role role : user.roles()) {
                roleUsers.add(ids.get(user.username()));
                roleNames.add(role.name());
            }
        }
        jdbc.sql("INSERT INTO people_user_role (user_id, role) SELECT * FROM unnest(:users, :roles)")
                .param("users", roleUsers.toArray(Long[]::new)).param("roles", roleNames.toArray(String[]::new))
                .update();
        return ids;
    }

    private static String[] base64(byte[][] values) {
        String[] encoded = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            encoded[i] = values[i] == null ? "" : java.util.Base64.getEncoder().encodeToString(values[i]);
        }
        return encoded;
    }

    record Department(DepartmentType type, String name) {
    }

    /** @param idNumberStart the first 17 digits of the demo ID number; the check character is computed */
    record NewUser(String username, String displayName, String phone, String idNumberStart, Long orgUnitId, Set<Role> roles,
                   boolean fullTimeGridWorker) {
    }
}
