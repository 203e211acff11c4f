package org.yiwang.registry;

import org.yiwang.registry.Kinds.Gender;
import org.yiwang.registry.Kinds.Living;
import org.yiwang.registry.Kinds.Relation;
import org.yiwang.registry.Kinds.Residence;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A checked person (实有人口): where they live, who they are, how they are registered, their tags.
 *
 * @param idNumber the normalised 18-character ID number, null only for 境外人员
 */
public record PersonDetails(long houseId, Long householdId, String name, Gender gender, LocalDate birthDate,
                            String idNumber, String phone, Residence residence, Relation relation,
                            Living living, Set<PersonTag> tags) {

    public PersonDetails {
        tags = tags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tags));
    }

    public PersonDetails withTags(Set<PersonTag> replaced) {
        return new PersonDetails(houseId, householdId, name, gender, birthDate, idNumber, phone, residence, relation, living, replaced);
    }

    public boolean special() {
        return tags.stream().anyMatch(PersonTag::special);
    }

    public int age(LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }

    /** The most frequent visit any of the care tags asks for (独居老人 weekly, …). */
    public Optional<Period> visitEvery() {
        return tags.stream().map(PersonTag::visitEvery)
                .min((a, b) -> Long.compare(approximateDays(a), approximateDays(b)));
    }

    static long approximateDays(Period period) {
        return period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
    }
}
