package org.yiwang.people.account;

import org.yiwang.platform.IdNumberCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.PersonalDataAccess;
import org.yiwang.platform.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads users for a viewer: only those inside the viewer's scope ({@link ScopePolicy#seesUsersOf}),
 * with personal data masked as the viewer may see it.
 */
@Service
public class UserQueries {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.phone, u.id_number_cipher, u.full_time_grid_worker, u.enabled,
                   u.created_at, u.updated_at, u.version,
                   ou.id AS ou_id, ou.parent_id AS ou_parent_id, ou.kind AS ou_kind, ou.division_code AS ou_division_code,
                   ou.department_type AS ou_department_type, ou.name AS ou_name, ou.enabled AS ou_enabled
              FROM people_user u
              LEFT JOIN people_org_unit ou ON ou.id = u.org_unit_id
            """;

    private static final String SELECT_WITH_ROLES = SELECT.replace("FROM people_user u",
            ", ARRAY(SELECT r.role FROM people_user_role r WHERE r.user_id = u.id) AS roles FROM people_user u");

    private final JdbcClient jdbc;
    private final IdNumberCipher cipher;

    private final PersonalDataAccess access;

    UserQueries(JdbcClient jdbc, IdNumberCipher cipher, PersonalDataAccess access) {
        this.access = access;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** One page of the users {@code viewer} may see, ordered by username. */
    public PageOf<UserView> list(Actor viewer, UserFilter filter, int page, int size) {
        if (page < 0) {
            throw LocalizedException.badRequest("people.error.page");
        }
        if (size < 1 || size > PageOf.MAX_SIZE) {
            throw LocalizedException.badRequest("people.error.pageSize", PageOf.MAX_SIZE);
        }
        Map<String, Object> params = new HashMap<>();
        String where = scopeCondition(viewer.scope(), params);
        if (where == null) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        where += filterCondition(filter, params);
        long total = jdbc.sql("SELECT count(*) FROM people_user u LEFT JOIN people_org_unit ou ON ou.id = u.org_unit_id WHERE " + where)
                .params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Row> rows = total == 0 ? List.of() : jdbc.sql(SELECT + " WHERE " + where + " ORDER BY u.username LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> row(rs)).list();
        Map<Long, Set<Role>> roles = rolesOf(rows.stream().map(Row::id).toList());
        List<UserView> items = rows.stream()
                .map(r -> view(viewer, r, roles.getOrDefault(r.id(), Set.of()), false))
                .toList();
        return new PageOf<>(items, page, size, total);
    }

    /** The user, if it exists and {@code viewer} may see it: one statement, the roles read with the row. */
    public Optional<UserView> find(Actor viewer, long id) {
        record WithRoles(Row row, Set<Role> roles) {
        }
        return jdbc.sql(SELECT_WITH_ROLES + " WHERE u.id = :id").param("id", id)
                .query((rs, n) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : (String[]) rs.getArray("roles").getArray()) {
                        roles.add(Role.valueOf(role));
                    }
                    return new WithRoles(row(rs), roles);
                }).optional()
                .filter(w -> ScopePolicy.seesUsersOf(viewer.scope(), w.row().orgUnit()) || w.row().id() == viewer.userId())
                .map(w -> view(viewer, w.row(), w.roles(), true));
    }

    /** The user as {@code viewer} sees it, or 404 when it does not exist or lies outside the viewer's scope. */
    public UserView get(Actor viewer, long id) {
        return find(viewer, id).orElseThrow(() -> LocalizedException.notFound("people.error.userNotFound", id));
    }

    /**
     * 查看个人信息 — the user's phone and ID number unmasked, for an administrator who gives a reason; the
     * access is recorded ({@link PersonalDataAccess}). 404 outside the viewer's scope, 403 for other roles.
     */
    @org.springframework.transaction.annotation.Transactional
    public UserView reveal(Actor viewer, long id, String reason) {
        Row r = jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query((rs, n) -> row(rs)).optional()
                .filter(u -> ScopePolicy.seesUsersOf(viewer.scope(), u.orgUnit()) || u.id() == viewer.userId())
                .orElseThrow(() -> LocalizedException.notFound("people.error.userNotFound", id));
        if (!viewer.seesPersonalData() && r.id() != viewer.userId()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        access.record(viewer, "people-user", r.username(), r.orgUnit() == null ? null : r.orgUnit().divisionCode(),
                List.of("phone", "idNumber"), reason);
        UserView masked = view(viewer, r, rolesOf(List.of(r.id())).getOrDefault(r.id(), Set.of()), true);
        return new UserView(masked.id(), masked.username(), masked.displayName(), r.phone(),
                r.idNumberCipher() == null ? null : cipher.decrypt(r.idNumberCipher()), masked.orgUnit(), masked.roles(),
                masked.fullTimeGridWorker(), masked.enabled(), masked.createdAt(), masked.updatedAt(), masked.version());
    }

    /** The SQL condition for "users visible with this scope", or null when nothing is visible. */
    static String scopeCondition(DataScope scope, Map<String, Object> params) {
        if (scope.citywide()) {
            return "TRUE";
        }
        if (!scope.departmentIds().isEmpty()) {
            params.put("departments", scope.departmentIds().stream().sorted().toArray(Long[]::new));
            return "u.org_unit_id = ANY (:departments)";
        }
        if (scope.divisionPrefixes().isEmpty()) {
            return null;
        }
        params.put("patterns", scope.likePatterns());
        return "ou.division_code LIKE ANY (:patterns)";
    }

    private static String filterCondition(UserFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.role() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM people_user_role r WHERE r.user_id = u.id AND r.role = :role)");
            params.put("role", filter.role().name());
        }
        if (filter.orgUnitId() != null) {
            params.put("orgUnit", filter.orgUnitId());
            if (filter.withSubunits()) {
                sql.append("""
                         AND u.org_unit_id IN (
                            WITH RECURSIVE sub(id) AS (
                                SELECT CAST(:orgUnit AS BIGINT)
                                UNION
                                SELECT c.id FROM people_org_unit c JOIN sub ON c.parent_id = sub.id)
                            SELECT id FROM sub)""");
            } else {
                sql.append(" AND u.org_unit_id = :orgUnit");
            }
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (u.username LIKE :text OR u.display_name LIKE :text)");
            params.put("text", "%" + escapeLike(filter.text().strip()) + "%");
        }
        if (filter.enabled() != null) {
            sql.append(" AND u.enabled = :enabled");
            params.put("enabled", filter.enabled());
        }
        return sql.toString();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Map<Long, Set<Role>> rolesOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT user_id, role FROM people_user_role WHERE user_id = ANY (:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    roles.computeIfAbsent(rs.getLong("user_id"), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString("role")));
                });
        return roles;
    }

    private UserView view(Actor viewer, Row r, Set<Role> roles, boolean withIdNumber) {
        String idNumber = withIdNumber && r.idNumberCipher() != null
                ? PersonalData.idNumberFor(viewer, r.id(), cipher.decrypt(r.idNumberCipher()))
                : null;
        return new UserView(r.id(), r.username(), r.displayName(), PersonalData.phoneFor(viewer, r.id(), r.phone()), idNumber,
                r.orgUnit(), roles, r.fullTimeGridWorker(), r.enabled(), r.createdAt(), r.updatedAt(), r.version());
    }

    private static Row row(ResultSet rs) throws SQLException {
        OrgUnit unit = null;
        long unitId = rs.getLong("ou_id");
        if (!rs.wasNull()) {
            String type = rs.getString("ou_department_type");
            unit = new OrgUnit(unitId, rs.getObject("ou_parent_id", Long.class), OrgUnit.Kind.valueOf(rs.getString("ou_kind")),
                    rs.getString("ou_division_code"), type == null ? null : DepartmentType.valueOf(type),
                    rs.getString("ou_name"), rs.getBoolean("ou_enabled"));
        }
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("phone"),
                rs.getBytes("id_number_cipher"), unit, rs.getBoolean("full_time_grid_worker"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    private record Row(long id, String username, String displayName, String phone, byte[] idNumberCipher, OrgUnit orgUnit,
                       boolean fullTimeGridWorker, boolean enabled, java.time.Instant createdAt, java.time.Instant updatedAt,
                       int version) {
    }
}
