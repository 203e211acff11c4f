package org.yiwang.open311.georeport;

import org.springframework.stereotype.Component;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.Divisions;
import org.yiwang.platform.DataScope;

import java.util.Optional;

/**
 * {@code jurisdiction_id}: a city or district of the territory by its statistical code ({@code 320104}
 * for 秦淮区, {@code 320100} for 南京市). One server answers for all of them; without a jurisdiction_id
 * a call covers the whole territory.
 */
@Component
public class Jurisdictions {

    private final Divisions divisions;

    Jurisdictions(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The code prefix of the jurisdiction's territory; empty when there is no such city or district. */
    public Optional<String> prefix(String jurisdictionId) {
        if (jurisdictionId == null || jurisdictionId.isBlank()) {
            return Optional.of("");
        }
        String code = jurisdictionId.strip();
        if (!code.matches("\\d{6}")) {
            return Optional.empty();
        }
        return divisions.find(code)
                .filter(d -> d.level() == DivisionLevel.CITY || d.level() == DivisionLevel.DISTRICT || d.level() == DivisionLevel.PROVINCE)
                .map(Division::code)
                .map(DataScope::prefixOf);
    }
}
