package org.yiwang.geo.internal;

import org.yiwang.platform.DataScope;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * SQL filters for a {@link DataScope} on a table that carries a division or grid code and its
 * district code: {@code code LIKE ANY(:scopePatterns)}, and — when every prefix names a district
 * or something inside one — {@code district_code = ANY(:scopeDistricts)} so that the district index
 * (and a district-sharded database) narrows the search first.
 */
public record ScopeSql(String condition, Map<String, Object> parameters) {

    public static ScopeSql of(DataScope scope, String codeColumn, String districtColumn) {
        if (scope.citywide()) {
            return new ScopeSql("TRUE", Map.of());
        }
        if (scope.divisionPrefixes().isEmpty()) {
            return new ScopeSql("FALSE", Map.of());
        }
        Set<String> districts = new LinkedHashSet<>();
        for (String prefix : scope.divisionPrefixes()) {
            if (prefix.length() < 6) {
                return new ScopeSql(codeColumn + " LIKE ANY(:scopePatterns)", Map.of("scopePatterns", scope.likePatterns()));
            }
            districts.add(prefix.substring(0, 6));
        }
        return new ScopeSql("(" + districtColumn + " = ANY(:scopeDistricts) AND " + codeColumn + " LIKE ANY(:scopePatterns))",
                Map.of("scopeDistricts", districts.toArray(String[]::new), "scopePatterns", scope.likePatterns()));
    }
}
