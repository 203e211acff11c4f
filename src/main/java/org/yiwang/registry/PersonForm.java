package org.yiwang.registry;

import org.yiwang.registry.Kinds.Gender;
import org.yiwang.registry.Kinds.Living;
import org.yiwang.registry.Kinds.Relation;
import org.yiwang.registry.Kinds.Residence;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A person (实有人口) as typed into a form, a JSON body or an import row: all text, checked by
 * {@link #details(LocalDate)} into {@link PersonDetails}, each refusal naming its field.
 */
public record PersonForm(Long houseId, Long householdId, String name, String gender, String birthDate, String idNumber,
                         String phone, String residence, String relation, String living, List<String> tags) {

    /** The checked person; {@code today} bounds the birth date. */
    public PersonDetails details(LocalDate today) {
        if (houseId == null) {
            throw RegistryException.invalid("houseId", "registry.invalid.required");
        }
        String checkedName = Fields.required("name", name, 50);
        String id = Fields.idNumber("idNumber", idNumber);
        LocalDate born = Fields.date("birthDate", birthDate);
        Gender sex = gender == null || gender.isBlank() ? null : Kinds.parse(Gender.class, "gender", gender);
        if (id != null) {
            LocalDate fromId = LocalDate.parse(id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            Gender idGender = (id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
            if (born != null && !born.equals(fromId)) {
                throw RegistryException.invalid("birthDate", "registry.invalid.birthDateNotId");
            }
            if (sex != null && sex != idGender) {
                throw RegistryException.invalid("gender", "registry.invalid.genderNotId");
            }
            born = fromId;
            sex = idGender;
        }
        if (born == null) {
            throw RegistryException.invalid("birthDate", "registry.invalid.required");
        }
        if (born.isBefore(Fields.EARLIEST_BIRTH) || born.isAfter(today)) {
            throw RegistryException.invalid("birthDate", "registry.invalid.birthDateRange");
        }
        if (sex == null) {
            throw RegistryException.invalid("gender", "registry.invalid.required");
        }
        Residence type = Kinds.parse(Residence.class, "residence", residence);
        if (id == null && type != Residence.FOREIGN) {
            throw RegistryException.invalid("idNumber", "registry.invalid.required");
        }
        Set<PersonTag> tagSet = EnumSet.noneOf(PersonTag.class);
        if (tags != null) {
            for (String tag : tags) {
                if (tag != null && !tag.isBlank()) {
                    tagSet.add(PersonTag.parse("tags", tag));
                }
            }
        }
        return new PersonDetails(houseId, householdId, checkedName, sex, born, id, Fields.phone("phone", phone), type,
                relation == null || relation.isBlank() ? Relation.OTHER : Kinds.parse(Relation.class, "relation", relation),
                living == null || living.isBlank() ? Living.PRESENT : Kinds.parse(Living.class, "living", living), tagSet);
    }
}
