package org.yiwang.registry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.GridRef;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.Actor;
import org.yiwang.platform.IdNumberCipher;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.ChinaTime;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the registers: buildings in the grid of their point, houses, households and people in the grid of
 * their building, businesses and components in the grid of theirs. Every write checks the actor's role and
 * territory, and is recorded in {@link RegisterHistory} in the same transaction.
 */
@Service
public class Registers {

    /** The ciphertext purpose of a register person's ID number. */
    static final String ID_PURPOSE = "registry_person.id_number";
    static final ZoneId ZONE = ChinaTime.ZONE;

    private final JdbcClient jdbc;
    private final GridLocator locator;
    private final Catalog catalog;
    private final IdNumberCipher cipher;
    private final RegisterHistory history;
    private final RegistryProperties properties;
    private final Clock clock;

    Registers(JdbcClient jdbc, GridLocator locator, Catalog catalog, IdNumberCipher cipher, RegisterHistory history,
              RegistryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.locator = locator;
        this.catalog = catalog;
        this.cipher = cipher;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The actor, who must work with the registers. */
    public Actor worker(Actor actor) {
        if (!properties.works(actor)) {
            throw LocalizedException.forbidden("registry.forbidden");
        }
        return actor;
    }

    /** The grid of a point, which must lie in the actor's territory. */
    String gridOf(Actor actor, double lon, double lat) {
        GridRef grid = locator.locate(new LonLat(lon, lat))
                .map(l -> l.comprehensiveGrid().orElse(l.grids().getFirst()))
                .orElseThrow(() -> RegistryException.invalid("lon", "registry.invalid.outsideGrids"));
        if (!actor.scope().covers(grid.code())) {
            throw RegistryException.invalid("lon", "registry.invalid.outsideScope");
        }
        return grid.code();
    }

    @Transactional
    public Building createBuilding(BuildingForm form, Actor actor) {
        worker(actor);
        Building.Details d = form.details();
        String grid = gridOf(actor, d.lon(), d.lat());
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into registry_building (district_code, grid_code, name, address, lon, lat, floors, created_at, updated_at)
                        values (:district, :grid, :name, :address, :lon, :lat, :floors, :now, :now) returning id""")
                .param("district", grid.substring(0, 6)).param("grid", grid).param("name", d.name()).param("address", d.address())
                .param("lon", d.lon()).param("lat", d.lat()).param("floors", d.floors()).param("now", now)
                .query(Long.class).single();
        history.record(actor, "building", id, grid.substring(0, 6), "CREATED", null, null, d.address());
        return new Building(id, grid, d.name(), d.address(), d.lon(), d.lat(), d.floors());
    }

    @Transactional
    public House createHouse(HouseForm form, Actor actor) {
        worker(actor);
        House.Details d = form.details();
        String grid = gridOfRecord(actor, "registry_building", d.buildingId(), "buildingId");
        long id;
        try {
            Timestamp now = Timestamp.from(clock.instant());
            id = jdbc.sql("""
                            insert into registry_house (building_id, district_code, grid_code, room, house_use, occupancy, area_m2, created_at, updated_at)
                            values (:building, :district, :grid, :room, :use, :occupancy, :area, :now, :now) returning id""")
                    .param("building", d.buildingId()).param("district", grid.substring(0, 6)).param("grid", grid)
                    .param("room", d.room()).param("use", d.use().name()).param("occupancy", d.occupancy().name())
                    .param("area", d.areaM2()).param("now", now)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw RegistryException.invalid("room", "registry.invalid.roomTaken", d.room());
        }
        history.record(actor, "house", id, grid.substring(0, 6), "CREATED", null, null, d.room());
        return new House(id, d.buildingId(), grid, d.room(), d.use(), d.occupancy(), d.areaM2());
    }

    /** A household (户) living in a house; its number is made from the grid code and a sequence. */
    @Transactional
    public long createHousehold(Long houseId, Actor actor) {
        worker(actor);
        if (houseId == null) {
            throw RegistryException.invalid("houseId", "registry.invalid.required");
        }
        String grid = gridOfRecord(actor, "registry_house", houseId, "houseId");
        long id = jdbc.sql("select nextval('registry_household_id_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into registry_household (id, house_id, district_code, grid_code, number, created_at)
                        values (:id, :house, :district, :grid, :number, :now)""")
                .param("id", id).param("house", houseId).param("district", grid.substring(0, 6)).param("grid", grid)
                .param("number", "H" + grid + "-" + id).param("now", Timestamp.from(clock.instant()))
                .update();
        history.record(actor, "household", id, grid.substring(0, 6), "CREATED", null, null, houseId);
        return id;
    }

    @Transactional
    public long createPerson(PersonForm form, Actor actor) {
        worker(actor);
        PersonDetails d = form.details(today());
        return insertPerson(d, actor);
    }

    long insertPerson(PersonDetails details, Actor actor) {
        PersonDetails d = details;
        String grid = gridOfRecord(actor, "registry_house", d.houseId(), "houseId");
        checkHousehold(d);
        d = withAllowedTags(actor, Set.of(), d);
        byte[] hash = d.idNumber() == null ? null : cipher.lookupHash(d.idNumber());
        checkUniqueId(hash, null);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into registry_person (house_id, household_id, district_code, grid_code, name, gender, birth_date,
                               id_cipher, id_hash, id_masked, phone, residence, relation, living, tags, special, created_at, updated_at)
                        values (:house, :household, :district, :grid, :name, :gender, :born, :cipher, :hash, :masked, :phone,
                                :residence, :relation, :living, :tags::varchar[], :special, :now, :now) returning id""")
                .param("house", d.houseId()).param("household", d.householdId()).param("district", grid.substring(0, 6))
                .param("grid", grid).param("name", d.name()).param("gender", d.gender().name()).param("born", d.birthDate())
                .param("cipher", d.idNumber() == null ? null : cipher.encrypt(d.idNumber(), ID_PURPOSE)).param("hash", hash)
                .param("masked", PersonalData.maskIdNumber(d.idNumber())).param("phone", d.phone())
                .param("residence", d.residence().name()).param("relation", d.relation().name()).param("living", d.living().name())
                .param("tags", tagArray(d.tags())).param("special", d.special()).param("now", now)
                .query(Long.class).single();
        history.record(actor, "person", id, grid.substring(0, 6), "CREATED", null, null, d.name());
        return id;
    }

    /** Changes a person; each changed field goes to the history (ID and phone masked). */
    @Transactional
    public void updatePerson(long id, PersonForm form, Actor actor) {
        updatePerson(id, form, false, actor);
    }

    /**
     * Changes a person; with {@code keepBlankNumbers} a blank ID or phone number keeps the stored one (the
     * edit screen never shows them unmasked, so it cannot send them back).
     */
    @Transactional
    public void updatePerson(long id, PersonForm form, boolean keepBlankNumbers, Actor actor) {
        worker(actor);
        StoredPerson old = storedPerson(id, actor);
        PersonForm typed = form;
        if (keepBlankNumbers) {
            typed = new PersonForm(form.houseId(), form.householdId(), form.name(), form.gender(), form.birthDate(),
                    form.idNumber() == null || form.idNumber().isBlank() ? old.details().idNumber() : form.idNumber(),
                    form.phone() == null || form.phone().isBlank() ? old.details().phone() : form.phone(),
                    form.residence(), form.relation(), form.living(), form.tags());
        }
        PersonDetails d = withAllowedTags(actor, old.details().tags(), typed.details(today()));
        String grid = gridOfRecord(actor, "registry_house", d.houseId(), "houseId");
        checkHousehold(d);
        byte[] hash = d.idNumber() == null ? null : cipher.lookupHash(d.idNumber());
        checkUniqueId(hash, id);
        jdbc.sql("""
                        update registry_person set house_id = :house, household_id = :household, district_code = :district,
                               grid_code = :grid, name = :name, gender = :gender, birth_date = :born, id_cipher = :cipher,
                               id_hash = :hash, id_masked = :masked, phone = :phone, residence = :residence, relation = :relation,
                               living = :living, tags = :tags::varchar[], special = :special, updated_at = :now, version = version + 1
                        where id = :id""")
                .param("house", d.houseId()).param("household", d.householdId()).param("district", grid.substring(0, 6))
                .param("grid", grid).param("name", d.name()).param("gender", d.gender().name()).param("born", d.birthDate())
                .param("cipher", d.idNumber() == null ? null : cipher.encrypt(d.idNumber(), ID_PURPOSE)).param("hash", hash)
                .param("masked", PersonalData.maskIdNumber(d.idNumber())).param("phone", d.phone())
                .param("residence", d.residence().name()).param("relation", d.relation().name()).param("living", d.living().name())
                .param("tags", tagArray(d.tags())).param("special", d.special()).param("now", Timestamp.from(clock.instant()))
                .param("id", id).update();
        PersonDetails o = old.details();
        String district = grid.substring(0, 6);
        change(actor, id, district, "houseId", o.houseId(), d.houseId());
        change(actor, id, district, "householdId", o.householdId(), d.householdId());
        change(actor, id, district, "name", o.name(), d.name());
        change(actor, id, district, "gender", o.gender(), d.gender());
        change(actor, id, district, "birthDate", o.birthDate(), d.birthDate());
        change(actor, id, district, "idNumber", PersonalData.maskIdNumber(o.idNumber()), PersonalData.maskIdNumber(d.idNumber()));
        change(actor, id, district, "phone", PersonalData.maskPhone(o.phone()), PersonalData.maskPhone(d.phone()));
        change(actor, id, district, "residence", o.residence(), d.residence());
        change(actor, id, district, "relation", o.relation(), d.relation());
        change(actor, id, district, "living", o.living(), d.living());
        change(actor, id, district, "tags", tagText(o.tags()), tagText(d.tags()));
    }

    /** 注销: a soft delete with a reason; the record stays, out of every list and search. */
    @Transactional
    public void deletePerson(long id, String reason, Actor actor) {
        worker(actor);
        StoredPerson person = storedPerson(id, actor);
        String why = Fields.required("reason", reason, 500);
        jdbc.sql("""
                        update registry_person set deleted_at = :now, deleted_by = :by, deleted_reason = :reason, version = version + 1
                        where id = :id and deleted_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("by", actor.username()).param("reason", why).param("id", id)
                .update();
        history.record(actor, "person", id, person.gridCode().substring(0, 6), "DELETED", "reason", null, why);
    }

    @Transactional
    public Business createBusiness(BusinessForm form, Actor actor) {
        worker(actor);
        Business.Details d = form.details();
        String grid = gridOf(actor, d.lon(), d.lat());
        if (d.buildingId() != null) {
            gridOfRecord(actor, "registry_building", d.buildingId(), "buildingId");
        }
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        try {
            id = jdbc.sql("""
                            insert into registry_business (district_code, grid_code, building_id, name, credit_code, licences, contact_name,
                                   contact_phone, risk, address, lon, lat, created_at, updated_at)
                            values (:district, :grid, :building, :name, :credit, :licences, :contact, :phone, :risk, :address, :lon, :lat, :now, :now)
                            returning id""")
                    .param("district", grid.substring(0, 6)).param("grid", grid).param("building", d.buildingId())
                    .param("name", d.name()).param("credit", d.creditCode()).param("licences", d.licences())
                    .param("contact", d.contactName()).param("phone", d.contactPhone()).param("risk", d.risk().name())
                    .param("address", d.address()).param("lon", d.lon()).param("lat", d.lat()).param("now", now)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw RegistryException.invalid("creditCode", "registry.invalid.creditCodeTaken");
        }
        history.record(actor, "business", id, grid.substring(0, 6), "CREATED", null, null, d.name());
        return new Business(id, grid, d.name(), d.creditCode(), d.licences(), d.contactName(), d.contactPhone(), d.risk(),
                d.address(), d.lon(), d.lat());
    }

    @Transactional
    public RegisteredComponent createComponent(ComponentForm form, Actor actor) {
        worker(actor);
        RegisteredComponent.Details d = form.details();
        Category category = catalog.find(d.categoryCode())
                .filter(c -> c.kind() == CategoryKind.COMPONENT)
                .orElseThrow(() -> RegistryException.invalid("categoryCode", "registry.invalid.component", d.categoryCode()));
        String grid = gridOf(actor, d.lon(), d.lat());
        long id;
        try {
            id = jdbc.sql("""
                            insert into registry_component (district_code, grid_code, category_code, identifier, owner, lon, lat, created_at)
                            values (:district, :grid, :category, :identifier, :owner, :lon, :lat, :now) returning id""")
                    .param("district", grid.substring(0, 6)).param("grid", grid).param("category", category.code())
                    .param("identifier", d.identifier()).param("owner", d.owner()).param("lon", d.lon()).param("lat", d.lat())
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw RegistryException.invalid("identifier", "registry.invalid.identifierTaken");
        }
        history.record(actor, "component", id, grid.substring(0, 6), "CREATED", null, null, d.identifier());
        return new RegisteredComponent(id, grid, category.code(), category.name(), d.identifier(), d.owner(), d.lon(), d.lat());
    }

    /** A stored person with the ID number decrypted, for the actor who may read them (else 404). */
    StoredPerson storedPerson(long id, Actor actor) {
        return jdbc.sql("""
                        select id, house_id, household_id, grid_code, name, gender, birth_date, id_cipher, phone, residence, relation,
                               living, tags from registry_person where id = :id and deleted_at is null""")
                .param("id", id)
                .query((rs, n) -> new StoredPerson(rs.getLong("id"), rs.getString("grid_code"), new PersonDetails(
                        rs.getLong("house_id"), (Long) rs.getObject("household_id"), rs.getString("name"),
                        Kinds.Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
                        rs.getBytes("id_cipher") == null ? null : cipher.decrypt(rs.getBytes("id_cipher"), ID_PURPOSE),
                        rs.getString("phone"), Kinds.Residence.valueOf(rs.getString("residence")),
                        Kinds.Relation.valueOf(rs.getString("relation")), Kinds.Living.valueOf(rs.getString("living")),
                        tags(rs.getArray("tags")))))
                .optional()
                .filter(p -> actor.scope().covers(p.gridCode()))
                .orElseThrow(() -> LocalizedException.notFound("registry.person.notFound", id));
    }

    record StoredPerson(long id, String gridCode, PersonDetails details) {
    }

    private String gridOfRecord(Actor actor, String table, long id, String field) {
        return jdbc.sql("select grid_code from " + table + " where id = :id").param("id", id).query(String.class).optional()
                .filter(actor.scope()::covers)
                .orElseThrow(() -> RegistryException.invalid(field, "registry.invalid.unknownRecord", id));
    }

    private void checkHousehold(PersonDetails d) {
        if (d.householdId() != null) {
            Long house = jdbc.sql("select house_id from registry_household where id = :id").param("id", d.householdId())
                    .query(Long.class).optional().orElse(null);
            if (!Objects.equals(house, d.houseId())) {
                throw RegistryException.invalid("householdId", "registry.invalid.householdNotInHouse");
            }
        }
    }

    /**
     * Special-group tags are set and removed only by the roles that see them; for everyone else the person's
     * special tags stay as they were (their form never showed them), and asking for one is refused.
     */
    PersonDetails withAllowedTags(Actor actor, Set<PersonTag> before, PersonDetails requested) {
        if (properties.seesSpecialGroups(actor)) {
            return requested;
        }
        if (requested.tags().stream().anyMatch(t -> t.special() && !before.contains(t))) {
            throw new LocalizedException(org.springframework.http.HttpStatus.FORBIDDEN, "registry.tags.specialForbidden", "tags");
        }
        Set<PersonTag> kept = java.util.EnumSet.noneOf(PersonTag.class);
        requested.tags().stream().filter(t -> !t.special()).forEach(kept::add);
        before.stream().filter(PersonTag::special).forEach(kept::add);
        return requested.withTags(kept);
    }

    private void checkUniqueId(byte[] hash, Long except) {
        if (hash == null) {
            return;
        }
        boolean taken = jdbc.sql("select exists (select 1 from registry_person where id_hash = :hash and deleted_at is null and id <> :except)")
                .param("hash", hash).param("except", except == null ? -1L : except).query(Boolean.class).single();
        if (taken) {
            throw new LocalizedException(org.springframework.http.HttpStatus.CONFLICT, "registry.person.duplicateId", "idNumber");
        }
    }

    private void change(Actor actor, long id, String district, String field, Object oldValue, Object newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            history.record(actor, "person", id, district, "CHANGED", field, oldValue, newValue);
        }
    }

    static String[] tagArray(Set<PersonTag> tags) {
        return tags.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    static String tagText(Set<PersonTag> tags) {
        return String.join(",", tagArray(tags));
    }

    static Set<PersonTag> tags(Array array) throws java.sql.SQLException {
        List<PersonTag> list = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            list.add(PersonTag.valueOf((String) o));
        }
        return Set.copyOf(list);
    }
}
