package org.yiwang.analytics;

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
 * A territorial reader's data scope as SQL: the districts it lies in (the district code leads every
 * query — it selects the index and, on Citus, the shards) and the grid-code patterns within them.
 * Only territorial staff (admin, leader, dispatcher, community staff) have one; others get 403.
 */
record ScopeSql(String[] districts, String[] patterns) {

    static final Set<Role> TERRITORIAL = Set.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF);

    /**
     * {@code alias.district_code = ANY (:districts) AND coalesce(grid, district) LIKE ANY (:patterns)}; the
     * pattern test is left out when the scope is made of whole districts (a district leader, the city):
     * then it would only cost time.
     */
    String where(String alias) {
        String districtTest = alias + ".district_code = ANY (:districts)";
        if (wholeDistricts()) {
            return districtTest;
        }
        return districtTest + " AND coalesce(" + alias + ".grid_code, " + alias + ".district_code) LIKE ANY (:patterns)";
    }

    /** Whether every pattern stands for a whole district of the list (or for everything). */
    boolean wholeDistricts() {
        if (patterns.length == 1 && patterns[0].equals("%")) {
            return true;
        }
        java.util.Set<String> whole = new java.util.HashSet<>();
        for (String district : districts) {
            whole.add(district + "%");
        }
        return patterns.length > 0 && whole.containsAll(java.util.List.of(patterns));
    }

    static ScopeSql of(Actor actor, Divisions divisions) {
        if (TERRITORIAL.stream().noneMatch(actor::has)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        Set<String> districts = new TreeSet<>();
        List<String> wide = new ArrayList<>();
        if (actor.scope().citywide()) {
            wide.add("");
        }
        for (String prefix : actor.scope().divisionPrefixes()) {
            if (prefix.length() >= 6) {
                districts.add(prefix.substring(0, 6));
            } else {
                wide.add(prefix);
            }
        }
        if (!wide.isEmpty()) {
            for (Division d : divisions.all()) {
                if (d.level() == DivisionLevel.DISTRICT && wide.stream().anyMatch(p -> d.code().startsWith(p))) {
                    districts.add(d.code());
                }
            }
        }
        return new ScopeSql(districts.toArray(String[]::new), actor.scope().likePatterns());
    }

    boolean isEmpty() {
        return districts.length == 0 || patterns.length == 0;
    }
}
