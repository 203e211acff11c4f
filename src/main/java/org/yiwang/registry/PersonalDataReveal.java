package org.yiwang.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalDataAccess;

import java.util.List;

/**
 * 显示 — a register's ID and phone numbers are masked everywhere; a worker who needs them asks with a
 * reason, and {@link PersonalDataAccess} records who saw whose data, when and why, in the same transaction.
 */
@Service
public class PersonalDataReveal {

    /** The subject types of the access records (admin.access.type.* in the admin bundles). */
    static final String PERSON = "registry-person";
    static final String BUSINESS = "registry-business";

    private final Registers registers;
    private final PersonalDataAccess access;
    private final JdbcClient jdbc;

    PersonalDataReveal(Registers registers, PersonalDataAccess access, JdbcClient jdbc) {
        this.registers = registers;
        this.access = access;
        this.jdbc = jdbc;
    }

    public record RevealedPerson(long personId, String name, String idNumber, String phone, long accessId) {
    }

    public record RevealedContact(long businessId, String contactName, String contactPhone, long accessId) {
    }

    @Transactional
    public RevealedPerson person(long id, String reason, Actor actor) {
        registers.worker(actor);
        Registers.StoredPerson person = registers.storedPerson(id, actor);
        PersonalDataAccess.Shown shown = access.record(actor, PERSON, String.valueOf(id), person.gridCode().substring(0, 6),
                List.of("idNumber", "phone"), reason);
        return new RevealedPerson(id, person.details().name(), person.details().idNumber(), person.details().phone(), shown.id());
    }

    @Transactional
    public RevealedContact business(long id, String reason, Actor actor) {
        registers.worker(actor);
        record Contact(String grid, String name, String phone) {
        }
        Contact contact = jdbc.sql("select grid_code, contact_name, contact_phone from registry_business where id = :id")
                .param("id", id).query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().filter(c -> actor.scope().covers(c.grid()))
                .orElseThrow(() -> LocalizedException.notFound("registry.business.notFound", id));
        PersonalDataAccess.Shown shown = access.record(actor, BUSINESS, String.valueOf(id), contact.grid().substring(0, 6),
                List.of("contactName", "contactPhone"), reason);
        return new RevealedContact(id, contact.name(), contact.phone(), shown.id());
    }
}
