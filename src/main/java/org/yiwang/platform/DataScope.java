package org.yiwang.platform;

import java.util.Arrays;
import java.util.Set;

/**
 * What part of the territory a user may see: the statistical division codes whose subtrees are in
 * scope (as code prefixes: "3201" a city, "320104" a district, "320104001" a street, "320104001001"
 * a community — grid codes start with their community's prefix), plus the departments whose
 * assignments the user handles. Everything a staff query returns is filtered by it.
 */
public record DataScope(boolean citywide, Set<String> divisionPrefixes, Set<Long> departmentIds)
        implements java.io.Serializable {

    public static final DataScope NONE = new DataScope(false, Set.of(), Set.of());

    public DataScope {
        divisionPrefixes = Set.copyOf(divisionPrefixes);
        departmentIds = Set.copyOf(departmentIds);
        for (String prefix : divisionPrefixes) {
            if (prefix.isBlank() || !prefix.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("division prefix must be digits: " + prefix);
            }
        }
    }

    public static DataScope everything() {
        return new DataScope(true, Set.of(), Set.of());
    }

    public static DataScope division(String divisionCode) {
        return new DataScope(false, Set.of(prefixOf(divisionCode)), Set.of());
    }

    /**
     * The prefix that all codes below a 12-digit division code share: trailing "000" groups of the
     * street and community parts and "00" groups of the city and district parts are dropped.
     */
    public static String prefixOf(String divisionCode) {
        String code = divisionCode.trim();
        if (code.length() == 12) {
            if (code.endsWith("000000")) {
                code = code.substring(0, 6);
            } else if (code.endsWith("000")) {
                return code.substring(0, 9);
            } else {
                return code;
            }
        }
        if (code.length() == 6) {
            if (code.endsWith("0000")) {
                return code.substring(0, 2);
            }
            if (code.endsWith("00")) {
                return code.substring(0, 4);
            }
        }
        return code;
    }

    /** Whether a division, community or grid code lies inside this scope. */
    public boolean covers(String code) {
        if (citywide) {
            return true;
        }
        if (code == null) {
            return false;
        }
        for (String prefix : divisionPrefixes) {
            if (code.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public boolean coversDepartment(long departmentId) {
        return citywide || departmentIds.contains(departmentId);
    }

    /** Patterns for SQL {@code code LIKE ANY(?)}; {@code "%"} alone when citywide, none when empty. */
    public String[] likePatterns() {
        if (citywide) {
            return new String[]{"%"};
        }
        return divisionPrefixes.stream().map(p -> p + "%").sorted().toArray(String[]::new);
    }

    @Override
    public String toString() {
        return citywide ? "DataScope[citywide]" : "DataScope" + Arrays.toString(likePatterns()) + departmentIds;
    }
}
