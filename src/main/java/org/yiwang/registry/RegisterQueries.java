package org.yiwang.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.IdNumberCipher;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the registers for a signed-in worker: only their territory (grid codes under their scope), ID
 * and phone numbers masked, special-group tags only for the roles that see them, deleted people never.
 */
@Service
public class RegisterQueries {

    static final int MAX_PAGE = 200;

    private final JdbcClient jdbc;
    private final Registers registers;
    private final RegisterHistory history;
    private final RegistryProperties properties;
    private final IdNumberCipher cipher;

    RegisterQueries(JdbcClient jdbc, Registers registers, RegisterHistory history, RegistryProperties properties, IdNumberCipher cipher) {
        this.jdbc = jdbc;
        this.registers = registers;
        this.history = history;
        this.properties = properties;
        this.cipher = cipher;
    }

    /** 人口查询 — every criterion optional; name is a prefix, the ID number exact, the address a prefix of the building's. */
    public record PersonSearch(String name, String idNumber, String phone, String address, String tag, String grid,
                               Integer page, Integer size) {

        public static PersonSearch all() {
            return new PersonSearch(null, null, null, null, null, null, 0, 20);
        }
    }

    /** A person as a worker sees them: ID and phone masked, age rather than birth date, their address. */
    public record PersonView(long id, String gridCode, String name, Kinds.Gender gender, int age, String idNumber, String phone,
                             Kinds.Residence residence, Kinds.Relation relation, Kinds.Living living, List<PersonTag> tags,
                             String visitEvery, long houseId, Long householdId, String address) {
    }

    /** One page of results; {@code hasNext} instead of a total, so that a district-wide search never counts a million rows. */
    public record Page<T>(List<T> items, int page, int size, boolean hasNext) {
    }

    public record PersonDetail(PersonView person, List<RegisterHistory.Change> history) {
    }

    /** How many people live in the actor's territory, and how many of them carry a care tag (关爱对象). */
    public record Overview(long people, long cared) {
    }

    /** The register's size in the actor's territory, for the 工作台 (a count over the territory's grids). */
    public Overview overview(Actor actor) {
        registers.worker(actor);
        String[] care = java.util.Arrays.stream(PersonTag.values()).filter(t -> t.group() == PersonTag.Group.CARE)
                .map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                        select count(*) as people, count(*) filter (where tags && :care::varchar[]) as cared
                        from registry_person where deleted_at is null and grid_code like any (:patterns)""")
                .param("care", care).param("patterns", actor.scope().likePatterns())
                .query((rs, n) -> new Overview(rs.getLong("people"), rs.getLong("cared"))).single();
    }

    /** Whether the actor sees and sets the 综治 special-group tags. */
    public boolean seesSpecialGroups(Actor actor) {
        return properties.seesSpecialGroups(actor);
    }

    /**
     * Runs in a read-only transaction that plans the statement for its actual values: after five runs a
     * prepared statement may get a generic plan, which for a rare address guessed a backward scan of all
     * people (4–6 s at p99 on 1,000,000 people) instead of the address index.
     */
    @Transactional(readOnly = true)
    public Page<PersonView> searchPeople(PersonSearch search, Actor actor) {
        registers.worker(actor);
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        int size = search.size() == null ? 20 : search.size();
        int page = search.page() == null ? 0 : search.page();
        if (size < 1 || size > MAX_PAGE) {
            throw RegistryException.invalid("size", "registry.invalid.pageSize", MAX_PAGE);
        }
        if (page < 0 || page > 10_000) {
            throw RegistryException.invalid("page", "registry.invalid.page");
        }
        StringBuilder sql = new StringBuilder("""
                select p.id, p.grid_code, p.name, p.gender, p.birth_date, p.id_masked, p.phone, p.residence, p.relation, p.living,
                       p.tags, p.house_id, p.household_id, b.address, h.room
                from registry_person p join registry_house h on h.id = p.house_id join registry_building b on b.id = h.building_id
                where p.deleted_at is null and p.grid_code like any (:patterns)""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("patterns", actor.scope().likePatterns());
        String name = Fields.optional("name", search.name(), 50);
        if (name != null) {
            // a range, not LIKE: a prepared statement's generic plan cannot use the index for LIKE with a parameter
            sql.append(" and p.name ~>=~ :nameFrom and p.name ~<~ :nameTo");
            params.put("nameFrom", name);
            params.put("nameTo", prefixEnd(name));
        }
        String idNumber = Fields.optional("idNumber", search.idNumber(), 20);
        if (idNumber != null) {
            sql.append(" and p.id_hash = :hash");
            params.put("hash", cipher.lookupHash(Fields.idNumber("idNumber", idNumber)));
        }
        String phone = Fields.phone("phone", search.phone());
        if (phone != null) {
            sql.append(" and p.phone = :phone");
            params.put("phone", phone);
        }
        String address = Fields.optional("address", search.address(), 200);
        if (address != null) {
            // the buildings first (an init plan over the address index), then their houses and people by id
            sql.append(" and h.building_id = any (array(select a.id from registry_building a where a.district_code = any (:districts)"
                    + " and a.address ~>=~ :addressFrom and a.address ~<~ :addressTo))");
            params.put("addressFrom", address);
            params.put("addressTo", prefixEnd(address));
            params.put("districts", districts(actor));
        }
        String tag = Fields.optional("tag", search.tag(), 32);
        if (tag != null) {
            PersonTag wanted = PersonTag.parse("tag", tag);
            if (wanted.special() && !properties.seesSpecialGroups(actor)) {
                throw new LocalizedException(org.springframework.http.HttpStatus.FORBIDDEN, "registry.tags.specialForbidden", "tag");
            }
            sql.append(" and p.tags @> array[:tag]::varchar[]");
            params.put("tag", wanted.name());
        }
        String grid = Fields.optional("grid", search.grid(), 15);
        if (grid != null) {
            if (!grid.chars().allMatch(Character::isDigit)) {
                throw RegistryException.invalid("grid", "registry.invalid.grid");
            }
            if (grid.length() == 15) { // one grid: equality uses the (grid_code, id) index whatever the collation
                sql.append(" and p.grid_code = :grid");
                params.put("grid", grid);
            } else {
                sql.append(" and p.grid_code like :grid");
                params.put("grid", grid + "%");
            }
        }
        sql.append(" order by p.id desc limit :limit offset :offset");
        params.put("limit", size + 1);
        params.put("offset", (long) page * size);
        LocalDate today = registers.today();
        boolean special = properties.seesSpecialGroups(actor);
        List<PersonView> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> view(rs, today, special)).list();
        boolean more = rows.size() > size;
        return new Page<>(more ? rows.subList(0, size) : rows, page, size, more);
    }

    public PersonDetail person(long id, Actor actor) {
        registers.worker(actor);
        PersonView view = jdbc.sql("""
                        select p.id, p.grid_code, p.name, p.gender, p.birth_date, p.id_masked, p.phone, p.residence, p.relation, p.living,
                               p.tags, p.house_id, p.household_id, b.address, h.room
                        from registry_person p join registry_house h on h.id = p.house_id join registry_building b on b.id = h.building_id
                        where p.id = :id and p.deleted_at is null""")
                .param("id", id).query((rs, n) -> view(rs, registers.today(), properties.seesSpecialGroups(actor)))
                .optional().filter(p -> actor.scope().covers(p.gridCode()))
                .orElseThrow(() -> LocalizedException.notFound("registry.person.notFound", id));
        boolean special = properties.seesSpecialGroups(actor);
        List<RegisterHistory.Change> changes = history.of("person", id).stream()
                .map(c -> special || !"tags".equals(c.field()) ? c : new RegisterHistory.Change(c.at(), c.username(), c.action(),
                        c.field(), withoutSpecialTags(c.oldValue()), withoutSpecialTags(c.newValue())))
                .filter(c -> special || !"tags".equals(c.field()) || !java.util.Objects.equals(c.oldValue(), c.newValue()))
                .toList();
        return new PersonDetail(view, changes);
    }

    /** A building with its houses and how many people live in each. */
    public record BuildingDetail(Building building, List<HouseRow> houses) {
    }

    public record HouseRow(long id, String room, Kinds.HouseUse use, Kinds.Occupancy occupancy, java.math.BigDecimal areaM2,
                           List<Long> householdIds, int people) {
    }

    public record BuildingRow(long id, String gridCode, String name, String address, int floors, int houses, int people) {
    }

    public Page<BuildingRow> buildings(String address, String grid, int page, int size, Actor actor) {
        registers.worker(actor);
        if (size < 1 || size > MAX_PAGE) {
            throw RegistryException.invalid("size", "registry.invalid.pageSize", MAX_PAGE);
        }
        String prefix = Fields.optional("address", address, 200);
        String gridPrefix = Fields.optional("grid", grid, 15);
        if (gridPrefix != null && !gridPrefix.chars().allMatch(Character::isDigit)) {
            throw RegistryException.invalid("grid", "registry.invalid.grid");
        }
        List<BuildingRow> rows = jdbc.sql("""
                        select b.id, b.grid_code, b.name, b.address, b.floors,
                               (select count(*) from registry_house h where h.building_id = b.id) as houses,
                               (select count(*) from registry_person p join registry_house h on h.id = p.house_id
                                 where h.building_id = b.id and p.deleted_at is null) as people
                        from registry_building b
                        where b.grid_code like any (:patterns) and b.address like :address and b.grid_code like :grid
                        order by b.grid_code, b.address limit :limit offset :offset""")
                .param("patterns", actor.scope().likePatterns())
                .param("address", prefix == null ? "%" : likePrefix(prefix)).param("grid", gridPrefix == null ? "%" : gridPrefix + "%")
                .param("limit", size + 1).param("offset", (long) page * size)
                .query((rs, n) -> new BuildingRow(rs.getLong("id"), rs.getString("grid_code"), rs.getString("name"),
                        rs.getString("address"), rs.getInt("floors"), rs.getInt("houses"), rs.getInt("people")))
                .list();
        boolean more = rows.size() > size;
        return new Page<>(more ? rows.subList(0, size) : rows, page, size, more);
    }

    public BuildingDetail building(long id, Actor actor) {
        registers.worker(actor);
        Building building = jdbc.sql("select id, grid_code, name, address, lon, lat, floors from registry_building where id = :id")
                .param("id", id)
                .query((rs, n) -> new Building(rs.getLong("id"), rs.getString("grid_code"), rs.getString("name"),
                        rs.getString("address"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getInt("floors")))
                .optional().filter(b -> actor.scope().covers(b.gridCode()))
                .orElseThrow(() -> LocalizedException.notFound("registry.building.notFound", id));
        List<HouseRow> houses = jdbc.sql("""
                        select h.id, h.room, h.house_use, h.occupancy, h.area_m2,
                               coalesce((select array_agg(hh.id order by hh.id) from registry_household hh where hh.house_id = h.id), '{}') as households,
                               (select count(*) from registry_person p where p.house_id = h.id and p.deleted_at is null) as people
                        from registry_house h where h.building_id = :id order by h.room""")
                .param("id", id)
                .query((rs, n) -> new HouseRow(rs.getLong("id"), rs.getString("room"), Kinds.HouseUse.valueOf(rs.getString("house_use")),
                        Kinds.Occupancy.valueOf(rs.getString("occupancy")), rs.getBigDecimal("area_m2"),
                        List.of((Long[]) rs.getArray("households").getArray()), rs.getInt("people")))
                .list();
        return new BuildingDetail(building, houses);
    }

    /** A business as a worker sees it: the contact's name and phone masked. */
    public record BusinessView(long id, String gridCode, String name, String creditCode, String licences, String contactName,
                               String contactPhone, Kinds.Risk risk, String address) {
    }

    public Page<BusinessView> businesses(String name, String grid, int page, int size, Actor actor) {
        registers.worker(actor);
        if (size < 1 || size > MAX_PAGE) {
            throw RegistryException.invalid("size", "registry.invalid.pageSize", MAX_PAGE);
        }
        String prefix = Fields.optional("name", name, 100);
        String gridPrefix = Fields.optional("grid", grid, 15);
        if (gridPrefix != null && !gridPrefix.chars().allMatch(Character::isDigit)) {
            throw RegistryException.invalid("grid", "registry.invalid.grid");
        }
        List<BusinessView> rows = jdbc.sql("""
                        select id, grid_code, name, credit_code, licences, contact_name, contact_phone, risk, address
                        from registry_business where grid_code like any (:patterns) and name like :name and grid_code like :grid
                        order by id desc limit :limit offset :offset""")
                .param("patterns", actor.scope().likePatterns())
                .param("name", prefix == null ? "%" : likePrefix(prefix)).param("grid", gridPrefix == null ? "%" : gridPrefix + "%")
                .param("limit", size + 1).param("offset", (long) page * size)
                .query((rs, n) -> new BusinessView(rs.getLong("id"), rs.getString("grid_code"), rs.getString("name"),
                        rs.getString("credit_code"), rs.getString("licences"), PersonalData.maskName(rs.getString("contact_name")),
                        PersonalData.maskPhone(rs.getString("contact_phone")), Kinds.Risk.valueOf(rs.getString("risk")),
                        rs.getString("address")))
                .list();
        boolean more = rows.size() > size;
        return new Page<>(more ? rows.subList(0, size) : rows, page, size, more);
    }

    public List<RegisteredComponent> components(String grid, Actor actor) {
        registers.worker(actor);
        String gridPrefix = Fields.optional("grid", grid, 15);
        if (gridPrefix != null && !gridPrefix.chars().allMatch(Character::isDigit)) {
            throw RegistryException.invalid("grid", "registry.invalid.grid");
        }
        return jdbc.sql("""
                        select id, grid_code, category_code, identifier, owner, lon, lat from registry_component
                        where grid_code like any (:patterns) and grid_code like :grid order by grid_code, identifier limit 500""")
                .param("patterns", actor.scope().likePatterns()).param("grid", gridPrefix == null ? "%" : gridPrefix + "%")
                .query((rs, n) -> new RegisteredComponent(rs.getLong("id"), rs.getString("grid_code"), rs.getString("category_code"),
                        rs.getString("category_code"), rs.getString("identifier"), rs.getString("owner"), rs.getDouble("lon"), rs.getDouble("lat")))
                .list();
    }

    private static PersonView view(ResultSet rs, LocalDate today, boolean seesSpecial) throws SQLException {
        Set<PersonTag> all = Registers.tags(rs.getArray("tags"));
        List<PersonTag> tags = all.stream().filter(t -> seesSpecial || !t.special()).sorted().toList();
        Period every = tags.stream().map(PersonTag::visitEvery)
                .min((a, b) -> Long.compare(PersonDetails.approximateDays(a), PersonDetails.approximateDays(b))).orElse(null);
        return new PersonView(rs.getLong("id"), rs.getString("grid_code"), rs.getString("name"),
                Kinds.Gender.valueOf(rs.getString("gender")),
                Period.between(rs.getObject("birth_date", LocalDate.class), today).getYears(),
                rs.getString("id_masked"), PersonalData.maskPhone(rs.getString("phone")),
                Kinds.Residence.valueOf(rs.getString("residence")), Kinds.Relation.valueOf(rs.getString("relation")),
                Kinds.Living.valueOf(rs.getString("living")), tags, every == null ? null : every.toString(),
                rs.getLong("house_id"), (Long) rs.getObject("household_id"), rs.getString("address") + " " + rs.getString("room"));
    }

    /** A history value of tags with the special groups left out (for roles that do not see them). */
    static String withoutSpecialTags(String tags) {
        if (tags == null || tags.isEmpty()) {
            return tags;
        }
        return java.util.Arrays.stream(tags.split(",")).filter(t -> {
            try {
                return !PersonTag.valueOf(t).special();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).collect(Collectors.joining(","));
    }

    /** The smallest string greater than every string that starts with {@code prefix}. */
    static String prefixEnd(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    /** The districts the actor's scope touches (the address index leads with the district code). */
    private String[] districts(Actor actor) {
        if (actor.scope().citywide()) {
            return jdbc.sql("select distinct district_code from registry_building").query(String.class).list().toArray(String[]::new);
        }
        return actor.scope().divisionPrefixes().stream()
                .flatMap(p -> p.length() >= 6 ? java.util.stream.Stream.of(p.substring(0, 6))
                        : jdbc.sql("select distinct district_code from registry_building where district_code like :p")
                        .param("p", p + "%").query(String.class).list().stream())
                .distinct().toArray(String[]::new);
    }

    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
