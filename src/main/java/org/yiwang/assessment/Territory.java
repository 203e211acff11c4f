package org.yiwang.assessment;

import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.Divisions;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reader's territory as SQL: the districts it lies in (leading every query: the index, and the shard on
 * Citus) and the grid-code prefixes within them. Only leaders, dispatchers and administrators read assessments.
 */
record Territory(String[] districts, String[] patterns, List<String> prefixes) {

    static final Set<Role> READERS = Set.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER);

    static Territory of(Actor reader, Divisions divisions) {
        if (READERS.stream().noneMatch(reader::has)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        Set<String> districts = new TreeSet<>();
        List<String> prefixes = new ArrayList<>();
        for (Division d : divisions.all()) {
            if (d.level() == DivisionLevel.DISTRICT && (reader.scope().citywide()
                    || reader.scope().divisionPrefixes().stream().anyMatch(p -> d.code().startsWith(p) || p.startsWith(d.code())))) {
                districts.add(d.code());
            }
        }
        if (reader.scope().citywide()) {
            prefixes.addAll(districts);
        } else {
            for (String p : reader.scope().divisionPrefixes()) {
                if (p.length() >= 6) {
                    prefixes.add(p);
                } else {
                    districts.stream().filter(d -> d.startsWith(p)).forEach(prefixes::add);
                }
            }
        }
        return new Territory(districts.toArray(String[]::new), prefixes.stream().map(p -> p + "%").toArray(String[]::new),
                List.copyOf(prefixes));
    }

    boolean isEmpty() {
        return districts.length == 0 || patterns.length == 0;
    }

    boolean covers(String code) {
        return prefixes.stream().anyMatch(code::startsWith);
    }

    /**
     * The SQL condition on a table with {@code district_code} and a code column that starts with the division
     * code; the pattern test is left out when the territory is made of whole districts (it would only cost time).
     */
    String where(String codeColumn) {
        boolean wholeDistricts = prefixes.stream().allMatch(p -> p.length() == 6);
        return "district_code = ANY (:districts)" + (wholeDistricts ? "" : " AND " + codeColumn + " LIKE ANY (:patterns)");
    }
}
