package org.yiwang.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.catalog.MajorClass;
import org.yiwang.people.DepartmentType;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Major classes and categories in the database. */
@Repository
public class CategoryStore {

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<MajorClass> majorClasses() {
        return jdbc.sql("SELECT code, kind, name, name_en FROM catalog_major_class ORDER BY code")
                .query((rs, n) -> new MajorClass(rs.getString("code"), CategoryKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("name_en")))
                .list();
    }

    public List<Category> categories() {
        return jdbc.sql("""
                        SELECT code, kind, major_class, name, name_en, keywords, owner_department, small_matter, enabled
                        FROM catalog_category ORDER BY code""")
                .query(CategoryStore::category)
                .list();
    }

    /** Adds the major class unless its code exists; whether it was added. */
    public boolean insertMajorClassIfAbsent(MajorClass majorClass) {
        return jdbc.sql("""
                        INSERT INTO catalog_major_class (code, kind, name, name_en) VALUES (:code, :kind, :name, :nameEn)
                        ON CONFLICT (code) DO NOTHING""")
                .param("code", majorClass.code()).param("kind", majorClass.kind().name())
                .param("name", majorClass.name()).param("nameEn", majorClass.nameEn())
                .update() == 1;
    }

    /** Adds the category unless its code exists; whether it was added. */
    public boolean insertIfAbsent(Category category, Instant at) {
        return jdbc.sql("""
                        INSERT INTO catalog_category (code, kind, major_class, name, name_en, keywords, owner_department,
                            small_matter, enabled, updated_at)
                        VALUES (:code, :kind, :majorClass, :name, :nameEn, :keywords, :owner, :small, :enabled, :at)
                        ON CONFLICT (code) DO NOTHING""")
                .paramSource(params(category, at))
                .update() == 1;
    }

    /** Changes everything but code, kind and major class. */
    public boolean update(Category category, Instant at) {
        return jdbc.sql("""
                        UPDATE catalog_category SET name = :name, name_en = :nameEn, keywords = :keywords,
                            owner_department = :owner, small_matter = :small, enabled = :enabled, updated_at = :at
                        WHERE code = :code""")
                .paramSource(params(category, at))
                .update() == 1;
    }

    private static Map<String, Object> params(Category c, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", c.code());
        params.put("kind", c.kind().name());
        params.put("majorClass", c.majorClass());
        params.put("name", c.name());
        params.put("nameEn", c.nameEn());
        params.put("keywords", c.keywords().toArray(String[]::new));
        params.put("owner", c.ownerDepartment() == null ? null : c.ownerDepartment().name());
        params.put("small", c.smallMatter());
        params.put("enabled", c.enabled());
        params.put("at", Timestamp.from(at));
        return params;
    }

    private static Category category(ResultSet rs, int row) throws SQLException {
        String owner = rs.getString("owner_department");
        return new Category(rs.getString("code"), CategoryKind.valueOf(rs.getString("kind")), rs.getString("major_class"),
                rs.getString("name"), rs.getString("name_en"), strings(rs.getArray("keywords")),
                owner == null ? null : DepartmentType.valueOf(owner), rs.getBoolean("small_matter"), rs.getBoolean("enabled"));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
