package org.yiwang.catalog.internal;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.catalog.DutyListStatus;
import org.yiwang.catalog.DutyListVersion;
import org.yiwang.people.DepartmentType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Duty-list versions and their entries in the database. */
@Repository
public class DutyListStore {

    /** Serialises changes of the duty list across nodes (transaction-scoped advisory lock). */
    private static final long LOCK = 0x63617461_6c6f6731L;
    private static final String VERSION = """
            SELECT number, status, note, created_by, created_at, activated_by, activated_at, retired_at, entry_count
            FROM catalog_duty_list_version""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DutyListStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Holds the duty-list lock until the transaction ends. */
    public void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK).query(Object.class).single();
    }

    public List<DutyListVersion> versions() {
        return jdbc.sql(VERSION + " ORDER BY number DESC").query(DutyListStore::version).list();
    }

    public Optional<DutyListVersion> version(int number) {
        return jdbc.sql(VERSION + " WHERE number = :number").param("number", number).query(DutyListStore::version).optional();
    }

    public Optional<DutyListVersion> active() {
        return jdbc.sql(VERSION + " WHERE status = 'ACTIVE'").query(DutyListStore::version).optional();
    }

    public List<DutyEntry> entries(int number) {
        return jdbc.sql("""
                        SELECT category_code, level, department_type, assisting, rule_id, note
                        FROM catalog_duty_entry WHERE version = :number ORDER BY position""")
                .param("number", number)
                .query(DutyListStore::entry)
                .list();
    }

    /** Stores a new draft with its entries, numbered one above the highest number so far. */
    public DutyListVersion insertDraft(List<DutyEntry> entries, String note, String createdBy, Long createdById, Instant at) {
        int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM catalog_duty_list_version").query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO catalog_duty_list_version (number, status, note, created_by, created_by_id, created_at, entry_count)
                        VALUES (:number, 'DRAFT', :note, :by, :byId, :at, :count)""")
                .param("number", number).param("note", note).param("by", createdBy).param("byId", createdById)
                .param("at", Timestamp.from(at)).param("count", entries.size())
                .update();
        SqlParameterSource[] rows = new SqlParameterSource[entries.size()];
        for (int i = 0; i < rows.length; i++) {
            DutyEntry e = entries.get(i);
            rows[i] = new MapSqlParameterSource()
                    .addValue("version", number).addValue("position", i + 1)
                    .addValue("category", e.categoryCode()).addValue("level", e.level().name())
                    .addValue("department", e.department() == null ? null : e.department().name())
                    .addValue("assisting", e.assisting().stream().map(Enum::name).toArray(String[]::new))
                    .addValue("ruleId", e.ruleId()).addValue("note", e.note());
        }
        batch.batchUpdate("""
                INSERT INTO catalog_duty_entry (version, position, category_code, level, department_type, assisting, rule_id, note)
                VALUES (:version, :position, :category, :level, :department, :assisting, :ruleId, :note)""", rows);
        return version(number).orElseThrow();
    }

    /** Retires the active version, if another, and activates {@code number}. */
    public void activate(int number, String by, Instant at) {
        jdbc.sql("UPDATE catalog_duty_list_version SET status = 'RETIRED', retired_at = :at WHERE status = 'ACTIVE' AND number <> :number")
                .param("at", Timestamp.from(at)).param("number", number).update();
        jdbc.sql("""
                        UPDATE catalog_duty_list_version SET status = 'ACTIVE', activated_by = :by, activated_at = :at, retired_at = NULL
                        WHERE number = :number AND status <> 'ACTIVE'""")
                .param("by", by).param("at", Timestamp.from(at)).param("number", number).update();
    }

    public boolean deleteDraft(int number) {
        return jdbc.sql("DELETE FROM catalog_duty_list_version WHERE number = :number AND status = 'DRAFT'")
                .param("number", number).update() == 1;
    }

    private static DutyListVersion version(ResultSet rs, int row) throws SQLException {
        return new DutyListVersion(rs.getInt("number"), DutyListStatus.valueOf(rs.getString("status")), rs.getString("note"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("activated_by"),
                instant(rs, "activated_at"), instant(rs, "retired_at"), rs.getInt("entry_count"));
    }

    private static DutyEntry entry(ResultSet rs, int row) throws SQLException {
        String department = rs.getString("department_type");
        return new DutyEntry(rs.getString("category_code"), DutyLevel.valueOf(rs.getString("level")),
                department == null ? null : DepartmentType.valueOf(department),
                CategoryStore.strings(rs.getArray("assisting")).stream().map(DepartmentType::valueOf).toList(),
                rs.getString("rule_id"), rs.getString("note"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
