package org.yiwang.people.account;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.platform.DataScope;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The org unit tree in {@code people_org_unit}. */
@Repository
public class OrgUnits {

    static final String COLUMNS = "id, parent_id, kind, division_code, department_type, name, enabled";

    static final RowMapper<OrgUnit> MAPPER = (rs, n) -> new OrgUnit(
            rs.getLong("id"),
            rs.getObject("parent_id", Long.class),
            OrgUnit.Kind.valueOf(rs.getString("kind")),
            rs.getString("division_code"),
            rs.getString("department_type") == null ? null : DepartmentType.valueOf(rs.getString("department_type")),
            rs.getString("name"),
            rs.getBoolean("enabled"));

    private final JdbcClient jdbc;

    OrgUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The units of the ids that exist, in one statement. */
    public List<OrgUnit> find(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("SELECT " + COLUMNS + " FROM people_org_unit WHERE id = ANY (:ids) ORDER BY id")
                .param("ids", ids.toArray(Long[]::new)).query(MAPPER).list();
    }

    public Optional<OrgUnit> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM people_org_unit WHERE id = :id")
                .param("id", id).query(MAPPER).optional();
    }

    /** The office (command centre or community workstation) of a division. */
    public Optional<OrgUnit> divisionOffice(String divisionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM people_org_unit WHERE kind = 'DIVISION' AND division_code = :code")
                .param("code", divisionCode).query(MAPPER).optional();
    }

    public List<OrgUnit> departmentsOf(String divisionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM people_org_unit WHERE kind = 'DEPARTMENT' AND division_code = :code ORDER BY id")
                .param("code", divisionCode).query(MAPPER).list();
    }

    public List<OrgUnit> children(long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM people_org_unit WHERE parent_id = :id ORDER BY kind DESC, division_code, id")
                .param("id", parentId).query(MAPPER).list();
    }

    /**
     * The units inside a scope, optionally only of one kind and inside one division's subtree,
     * ordered as a tree is read: by division code, offices before departments.
     */
    public List<OrgUnit> within(DataScope scope, OrgUnit.Kind kind, String divisionPrefix) {
        if (!scope.citywide() && scope.divisionPrefixes().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM people_org_unit"
                        + " WHERE division_code LIKE ANY (:patterns)"
                        + " AND (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind)"
                        + " AND (CAST(:prefix AS VARCHAR) IS NULL OR division_code LIKE :prefix)"
                        + " ORDER BY division_code, kind DESC, id")
                .param("patterns", scope.likePatterns())
                .param("kind", kind == null ? null : kind.name())
                .param("prefix", divisionPrefix == null ? null : divisionPrefix + "%")
                .query(MAPPER).list();
    }

    /** Ids of the departments below {@code departmentId}, not including it. */
    public Set<Long> departmentsBelow(long departmentId) {
        return new HashSet<>(jdbc.sql("""
                        WITH RECURSIVE below(id) AS (
                            SELECT id FROM people_org_unit WHERE parent_id = :id AND kind = 'DEPARTMENT'
                            UNION
                            SELECT u.id FROM people_org_unit u JOIN below b ON u.parent_id = b.id WHERE u.kind = 'DEPARTMENT'
                        )
                        SELECT id FROM below""")
                .param("id", departmentId).query(Long.class).list());
    }

    public boolean nameTakenUnder(Long parentId, String name) {
        return jdbc.sql("SELECT count(*) FROM people_org_unit WHERE COALESCE(parent_id, 0) = :parent AND name = :name")
                .param("parent", parentId == null ? 0L : parentId).param("name", name)
                .query(Long.class).single() > 0;
    }

    public long insert(Long parentId, OrgUnit.Kind kind, String divisionCode, DepartmentType type, String name, Instant now) {
        return jdbc.sql("""
                        INSERT INTO people_org_unit (parent_id, kind, division_code, department_type, name, created_at)
                        VALUES (:parent, :kind, :code, :type, :name, :now) RETURNING id""")
                .param("parent", parentId)
                .param("kind", kind.name())
                .param("code", divisionCode)
                .param("type", type == null ? null : type.name())
                .param("name", name)
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public void rename(long id, String name) {
        jdbc.sql("UPDATE people_org_unit SET name = :name WHERE id = :id").param("id", id).param("name", name).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE people_org_unit SET enabled = :enabled WHERE id = :id").param("id", id).param("enabled", enabled).update();
    }
}
